import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ArmError, errorCodeSchema } from '../../shared/api';
import { formatDateTime } from '../../shared/time';

/** Any error, in the operator's language: a known code gets its message, anything else "unknown". */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The error's words in the operator's language (ErrorText, and the notification that repeats it). */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ArmError ? error.code : undefined;
  const known = code && errorCodeSchema.safeParse(code).success;
  const fields = error instanceof ArmError && code === 'VALIDATION_FAILED' ? (error.issues?.length ?? 0) : 0;
  // Times in parameters (a lockout's end) are shown in Kazakhstan time, dd.mm.yyyy hh:mm.
  const params = Object.fromEntries(
    Object.entries((error instanceof ArmError && error.params) || {}).map(([name, value]) => [
      name,
      typeof value === 'string' && ISO_TIME.test(value)
        ? formatDateTime(new Date(value))
        : value,
    ]),
  );
  return `${known && code === 'STATE_CONFLICT' && params.holder ? t('errors.heldBy', params) : known && code === 'CERT_ROLE' && params.need === 'auth' ? t('errors.certRoleAuth') : known ? t(`errors.${code}`, params) : t('errors.UNKNOWN')}${fields > 0 ? ` (${t('errors.fieldCount', { count: fields })})` : ''}`;
}

// A request another clerk holds: the conflict names them. A SIGN key offered for a login: the
// login's own words, not the signing roles'. Ant Design's Alert carries role="alert".
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ArmError ? error.code : undefined;
  const text = errorMessage(t, error);
  return <Alert type="error" showIcon className="error" data-code={code ?? 'UNKNOWN'} title={text} />;
}
