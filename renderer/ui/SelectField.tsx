import { Select, type SelectProps } from 'antd';
import { useId } from 'react';

interface SelectFieldProps<V extends string | number> extends Omit<SelectProps<V>, 'id' | 'value' | 'onChange' | 'options'> {
  label: string;
  /** Nothing chosen yet ("" or undefined): the placeholder shows. */
  value: V | '' | undefined;
  onChange(value: V): void;
  options: Array<{ value: V; label: string }>;
}

/**
 * A labelled choice (Ant Design's Select): the label above, tied to the select's input by id. Short
 * lists, so every option is in the DOM (no virtual scrolling: a screen reader and the e2e see all).
 */
export function SelectField<V extends string | number>({ label, value, onChange, options, ...select }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select<V> id={id} value={value === '' ? undefined : value} onChange={(next) => onChange(next)} options={options} popupMatchSelectWidth={false} virtual={false} {...select} />
    </div>
  );
}
