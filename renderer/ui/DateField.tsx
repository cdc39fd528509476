import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_FORMAT } from './AntProvider';

interface DateFieldProps {
  label: string;
  /** An ISO day ("YYYY-MM-DD") or "". */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** Shown under the field and announced; the field is marked invalid. */
  problem?: string;
  'data-field'?: string;
}

/**
 * A day as dd.mm.yyyy (дд.мм.гггг / кк.аа.жжжж), typed or picked from Ant Design's calendar in the
 * screen's language, whatever the browser's locale. The parent hears an ISO day, "" once cleared.
 */
export function DateField({ label, value, onChange, required, problem, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <div
      className="field"
      data-field={rest['data-field']}
      // A whole day typed counts at once, before Enter or leaving the field: the button next to it
      // («Проверить») is ready as soon as the date is.
      onInput={(event) => {
        const typed = dayjs((event.target as HTMLInputElement).value, DAY_FORMAT, true);
        if (typed.isValid() && typed.format('YYYY-MM-DD') !== value) onChange(typed.format('YYYY-MM-DD'));
      }}
    >
      <label htmlFor={id}>{label}</label>
      <DatePicker
        id={id}
        value={day?.isValid() ? day : null}
        format={DAY_FORMAT}
        placeholder={t('date.placeholder')}
        onChange={(next) => onChange(next ? next.format('YYYY-MM-DD') : '')}
        status={problem ? 'error' : undefined}
        aria-required={required || undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        autoComplete="off"
        inputMode="numeric"
      />
      {problem ? (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
