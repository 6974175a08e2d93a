import { FieldNotes, fieldWiring } from './fieldWiring.tsx';

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
  const wiring = fieldWiring(path, hint, error);
  const { id, describedBy } = wiring;
  const toggle = (value: string, checked: boolean) =>
    onSelectedChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset id={id} tabIndex={-1} className={error ? 'field checkbox-group field-invalid' : 'field checkbox-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldNotes wiring={wiring} hint={hint} error={error} />
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={optionId}
              name={wiring.name}
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
