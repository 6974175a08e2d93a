import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';

interface TextEntryFormProps {
  /** Distinguishes the field from other forms on the page, such as `note` or `message`. */
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  doneMessage: string;
  busy: boolean;
  send: (body: string, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
}

/** A text box and a button: writes a note or a message, then says it was saved. */
export function TextEntryForm({ name, label, hint, submitLabel, doneMessage, busy, send }: TextEntryFormProps) {
  const { t } = useTranslation();
  const path = `${name}.body`;
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { [path]: body.trim() ? undefined : t('tips.writeSomething') });
    setErrors(problems);
    if (problems) return;
    send(body.trim(), {
      onSuccess: () => {
        setBody('');
        setStatus(doneMessage);
      },
      onError: (error) => setErrors(fromApiError(t, error, [])),
    });
  };

  return (
    <form className="form entry-form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <StatusMessage message={status} />
      <TextAreaField path={path} label={label} hint={hint} rows={3} value={body} onValueChange={setBody} error={errors?.fields[path]} />
      <SubmitButton busy={busy} busyLabel={t('common.saving')}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
