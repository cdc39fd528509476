import { useTranslation } from 'react-i18next';
import { Field } from './Field';

/** A new password typed twice; the form shows the mismatch and does not send it. */
export function NewPasswordFields({
  label,
  value,
  repeat,
  mismatch,
  onChange,
  onRepeat,
}: {
  label: string;
  value: string;
  repeat: string;
  mismatch: boolean;
  onChange(value: string): void;
  onRepeat(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={label} type="password" value={value} onChange={onChange} autoComplete="new-password" required />
      <Field
        label={t('password.repeat')}
        type="password"
        value={repeat}
        onChange={onRepeat}
        autoComplete="new-password"
        required
        problem={mismatch ? t('password.mismatch') : undefined}
      />
    </>
  );
}
