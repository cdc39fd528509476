import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useId } from 'react';

interface TextAreaFieldProps extends Omit<TextAreaProps, 'id' | 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange?(value: string): void;
}

/**
 * A labelled text of several lines (Ant Design's TextArea), the label above. A fixed height: autoSize
 * measures in a hidden textarea it leaves in the body, which axe reports (aria-hidden-focus).
 */
export function TextAreaField({ label, value, onChange, ...area }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Input.TextArea id={id} value={value} onChange={(event) => onChange?.(event.target.value)} rows={3} {...area} />
    </div>
  );
}
