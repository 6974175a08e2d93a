import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNotes, fieldWiring } from './fieldWiring.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'onChange' | 'value'> {
  /** The API field path, such as `body.email`; names the input and matches server field errors. */
  path: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
}

export function TextField({ path, label, hint, error, optional, value, onValueChange, className, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const wiring = fieldWiring(path, hint, error);
  const { id, describedBy } = wiring;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('form.optional')}</span>}
      </label>
      <FieldNotes wiring={wiring} hint={hint} error={error} />
      <input
        id={id}
        name={wiring.name}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={!optional}
        className={className ? `input ${className}` : 'input'}
        {...input}
      />
    </div>
  );
}
