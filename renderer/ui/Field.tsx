import { Input, type InputProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useId, type ReactNode } from 'react';

interface FieldProps extends Omit<InputProps, 'onChange' | 'value' | 'status'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown under the field and announced; the field is marked invalid. */
  problem?: ReactNode;
}

/** A labelled text field (Ant Design's Input): the label above, the problem under it. */
export function Field({ label, value, onChange, problem, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        status={problem ? 'error' : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        {...input}
      />
      {problem ? (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

interface AreaFieldProps extends Omit<TextAreaProps, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
}

/**
 * A labelled multi-line text (Ant Design's TextArea): a reason, an answer, a comment. Fixed rows,
 * not autoSize: autoSize measures in a hidden textarea it leaves in <body>, still focusable under
 * aria-hidden (axe aria-hidden-focus on every later screen).
 */
export function AreaField({ label, value, onChange, ...area }: AreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Input.TextArea id={id} value={value} onChange={(event) => onChange(event.target.value)} rows={3} {...area} />
    </div>
  );
}
