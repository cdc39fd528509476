import { Select } from 'antd';
import { useId } from 'react';

interface SelectFieldProps<V extends string> {
  label: string;
  /** "" while nothing is chosen: the placeholder shows. */
  value: V | '';
  onChange(value: V): void;
  options: Array<{ value: V; label: string }>;
  placeholder?: string;
  disabled?: boolean;
  /** On the select's box (e2e and the decision's field keys). */
  'data-testid'?: string;
  'data-field'?: string;
}

/**
 * A labelled choice (Ant Design's Select): the label above, the options in the screen's language.
 * Short lists, so every option is in the DOM (no virtual scrolling).
 */
export function SelectField<V extends string>({ label, value, onChange, options, placeholder, disabled, ...data }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select<V>
        id={id}
        value={value === '' ? undefined : value}
        onChange={onChange}
        options={options}
        placeholder={placeholder}
        disabled={disabled}
        virtual={false}
        popupMatchSelectWidth={false}
        {...data}
      />
    </div>
  );
}
