import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { formatDay, parseDay } from './dates';

interface DateFieldProps {
  label: string;
  /** An ISO day ("YYYY-MM-DD") or "". */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  'data-field'?: string;
}

/**
 * A day typed as dd.mm.yyyy (дд.мм.гггг / кк.аа.жжжж). The parent hears an ISO day once the text is
 * a real day, "" once it is cleared; until then the field says what form it expects.
 */
export function DateField({ label, value, onChange, ...input }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDay(value));
  const [shown, setShown] = useState(value);
  // The parent changed the value itself (a reset, a loaded draft): show that.
  if (value !== shown && parseDay(text) !== value) {
    setShown(value);
    setText(formatDay(value));
  }
  const typed = text.trim() === '' ? '' : parseDay(text);
  return (
    <Field
      label={label}
      value={text}
      inputMode="numeric"
      placeholder={t('date.placeholder')}
      maxLength={10}
      autoComplete="off"
      problem={typed === null && text.trim().length >= 10 ? t('date.invalid') : undefined}
      onChange={(next) => {
        setText(next);
        const day = next.trim() === '' ? '' : parseDay(next);
        if (day !== null) {
          setShown(day);
          onChange(day);
        }
      }}
      {...input}
    />
  );
}
