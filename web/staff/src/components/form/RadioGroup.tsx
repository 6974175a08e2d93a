import { FieldNotes, fieldWiring } from './fieldWiring.tsx';

export interface RadioOption {
  value: string;
  label: string;
}

interface RadioGroupProps {
  path: string;
  legend: string;
  options: RadioOption[];
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

/** A question with one answer among a few, all visible at once. */
export function RadioGroup({ path, legend, options, value, onValueChange, hint, error, required }: RadioGroupProps) {
  const wiring = fieldWiring(path, hint, error);
  const { id, describedBy } = wiring;
  return (
    <fieldset id={id} tabIndex={-1} className={error ? 'field checkbox-group field-invalid' : 'field checkbox-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldNotes wiring={wiring} hint={hint} error={error} />
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input type="radio" id={optionId} name={wiring.name} value={option.value} required={required} checked={value === option.value} onChange={() => onValueChange(option.value)} />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
