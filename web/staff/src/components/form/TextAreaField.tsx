import type { TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './formErrors.ts';

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
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={path.replace(/^body\./, '')}
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
