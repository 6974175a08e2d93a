import type { TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNotes, fieldWiring } from './fieldWiring.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'onChange' | 'value'> {
  /** The API field path, such as `body.narrative`; names the field and matches server field errors. */
  path: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
}

export function TextAreaField({ path, label, hint, error, optional, value, onValueChange, rows = 4, ...textarea }: TextAreaFieldProps) {
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
      <textarea
        id={id}
        name={wiring.name}
        value={value}
        rows={rows}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="input textarea"
        {...textarea}
      />
    </div>
  );
}
