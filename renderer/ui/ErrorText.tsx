import { useTranslation } from 'react-i18next';
import { ArmError, errorCodeSchema } from '../../shared/api';

/** Any error, in the operator's language: a known code gets its message, anything else "unknown". */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ArmError ? error.code : undefined;
  const known = code && errorCodeSchema.safeParse(code).success;
  const fields = error instanceof ArmError ? (error.issues?.length ?? 0) : 0;
  return (
    <p role="alert" className="error" data-code={code ?? 'UNKNOWN'}>
      {known ? t(`errors.${code}`) : t('errors.UNKNOWN')}
      {fields > 0 ? ` (${t('errors.fieldCount', { count: fields })})` : null}
    </p>
  );
}
