import { useTranslation } from 'react-i18next';
import { checkIin } from '../../shared/iin/iin';
import { Field } from './Field';

/** IIN with live checksum feedback: the problem shows once 12 characters are typed or on error. */
export function IinField({ label, value, onChange, forceProblem, autoFocus }: { label: string; value: string; onChange(value: string): void; forceProblem?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const check = checkIin(value);
  const show = !check.valid && (value.length >= 12 || /\D/.test(value) || forceProblem);
  return (
    <Field
      label={label}
      value={value}
      onChange={(next) => onChange(next.trim())}
      inputMode="numeric"
      maxLength={12}
      autoComplete="off"
      autoFocus={autoFocus}
      problem={show && !check.valid ? t(`iin.${check.problem}`) : undefined}
    />
  );
}
