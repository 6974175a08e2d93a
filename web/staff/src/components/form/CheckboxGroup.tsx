import { fieldId } from './formErrors.ts';

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

interface CheckboxGroupProps {
  path: string;
  legend: string;
  options: CheckboxOption[];
  selected: string[];
  onSelectedChange: (selected: string[]) => void;
  hint?: string;
  error?: string | undefined;
}

export function CheckboxGroup({ path, legend, options, selected, onSelectedChange, hint, error }: CheckboxGroupProps) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, checked: boolean) =>
    onSelectedChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset id={id} tabIndex={-1} className={error ? 'field checkbox-group field-invalid' : 'field checkbox-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
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
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={optionId}
              name={path.replace(/^body\./, '')}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.hint && (
              <p id={`${optionId}-hint`} className="hint checkbox-hint">
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
