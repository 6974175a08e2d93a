import { fieldId } from './formErrors.ts';

/** One yes-or-no question, with the box before its label. */
export function CheckboxField({ path, label, hint, checked, onCheckedChange }: { path: string; label: string; hint?: string; checked: boolean; onCheckedChange: (checked: boolean) => void }) {
  const id = fieldId(path);
  return (
    <div className="checkbox field-checkbox">
      <input type="checkbox" id={id} name={path.replace(/^body\./, '')} checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint checkbox-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
