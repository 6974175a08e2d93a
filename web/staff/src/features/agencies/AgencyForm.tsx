import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../api/types.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { agencyTypeLabel } from '../../components/labels.ts';
import type { AgencyInput } from './agenciesApi.ts';

export const AGENCY_FIELDS = ['body.name', 'body.shortName', 'body.type', 'body.contactEmail', 'body.contactPhone'];

interface AgencyFormProps {
  agency?: Agency;
  agencyTypes: string[];
  busy: boolean;
  errors: FormErrors | null;
  onErrors: (errors: FormErrors | null) => void;
  onSubmit: (input: AgencyInput) => void;
  submitLabel: string;
  children?: ReactNode;
}

export function AgencyForm({ agency, agencyTypes, busy, errors, onErrors, onSubmit, submitLabel, children }: AgencyFormProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<AgencyInput>({
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? '',
    type: agency?.type ?? '',
    contactEmail: agency?.contactEmail ?? '',
    contactPhone: agency?.contactPhone ?? '',
  });
  const set = (key: keyof AgencyInput) => (value: string) => setInput((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const email = input.contactEmail.trim();
    const problems = fromFieldProblems(t, {
      'body.name': input.name.trim() ? undefined : t('agencies.nameRequired'),
      'body.type': input.type ? undefined : t('agencies.typeRequired'),
      'body.contactEmail': email && !/^\S+@\S+\.\S+$/.test(email) ? t('fields.emailInvalid') : undefined,
    });
    onErrors(problems);
    if (!problems) onSubmit(input);
  };

  const typeOptions = [
    { value: '', label: t('agencies.chooseType') },
    ...agencyTypes.map((type) => ({ value: type, label: agencyTypeLabel(t, type) })),
  ];

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <TextField path="body.name" label={t('agencies.name')} autoComplete="organization" value={input.name} onValueChange={set('name')} error={errors?.fields['body.name']} />
      <TextField path="body.shortName" label={t('agencies.shortName')} hint={t('agencies.shortNameHint')} optional value={input.shortName} onValueChange={set('shortName')} error={errors?.fields['body.shortName']} />
      <SelectField required path="body.type" label={t('agencies.type')} hint={t('agencies.typeHint')} options={typeOptions} value={input.type} onValueChange={set('type')} error={errors?.fields['body.type']} />
      <TextField path="body.contactEmail" label={t('agencies.contactEmail')} type="email" optional autoComplete="off" value={input.contactEmail} onValueChange={set('contactEmail')} error={errors?.fields['body.contactEmail']} />
      <TextField path="body.contactPhone" label={t('agencies.contactPhone')} type="tel" optional autoComplete="off" value={input.contactPhone} onValueChange={set('contactPhone')} error={errors?.fields['body.contactPhone']} />
      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
        {children}
      </div>
    </form>
  );
}
