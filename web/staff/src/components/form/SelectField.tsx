import type { SelectHTMLAttributes } from 'react';
import { FieldNotes, fieldWiring } from './fieldWiring.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'onChange' | 'value'> {
  path: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  hint?: string;
  error?: string | undefined;
}

export function SelectField({ path, label, value, onValueChange, options, hint, error, ...select }: SelectFieldProps) {
  const wiring = fieldWiring(path, hint, error);
  const { id, describedBy } = wiring;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldNotes wiring={wiring} hint={hint} error={error} />
      <select
        id={id}
        name={wiring.name}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="input"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
