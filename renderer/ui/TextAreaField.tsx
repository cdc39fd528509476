import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useId } from 'react';

interface TextAreaFieldProps extends Omit<TextAreaProps, 'id' | 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange?(value: string): void;
}

/** A labelled text of several lines (Ant Design's TextArea), the label above. */
export function TextAreaField({ label, value, onChange, ...area }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Input.TextArea id={id} value={value} onChange={(event) => onChange?.(event.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} {...area} />
    </div>
  );
}
