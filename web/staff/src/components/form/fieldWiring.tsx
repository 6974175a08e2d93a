import { fieldId } from './formErrors.ts';

/** The ids and names that tie a field's input, hint and error together for assistive technology. */
export interface FieldWiring {
  id: string;
  name: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

export function fieldWiring(path: string, hint: string | undefined, error: string | undefined): FieldWiring {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, name: path.replace(/^body\./, ''), hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** The hint and the error under a field's label, each with the id its input points at. */
export function FieldNotes({ wiring, hint, error }: { wiring: FieldWiring; hint: string | undefined; error: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={wiring.hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={wiring.errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
