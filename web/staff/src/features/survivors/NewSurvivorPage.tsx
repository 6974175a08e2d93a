import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { Page } from '../../components/Page.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { useSignedInUser } from '../auth/session.ts';
import { genderLabel, splitList } from './survivorLabels.ts';
import { useCreateSurvivor } from './survivorsApi.ts';
import { GENDERS, type NewSurvivor } from './survivorTypes.ts';
import './survivors.css';

const FIELDS = ['body.identity.names', 'body.identity.aliases', 'body.identity.birthDate', 'body.estimatedAge', 'body.contact.phones', 'body.contact.emails', 'body.contact.addresses', 'body.primaryLanguage', 'body.gender', 'body.traffickingType', 'body.identifiedAt', 'body.narrative'];
const EMPTY = { names: '', aliases: '', birthDate: '', estimatedAge: '', phones: '', emails: '', addresses: '', safeToContact: '', primaryLanguage: '', gender: '', traffickingType: 'unknown', identifiedOn: '', narrative: '' };

/** Opens a survivor record at the person's agency. Nothing is asked that the person may not want to say. */
export function NewSurvivorPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const create = useCreateSurvivor();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const age = draft.estimatedAge.trim() ? Number(draft.estimatedAge) : undefined;
    const problems = fromFieldProblems(t, { 'body.estimatedAge': age === undefined || (Number.isInteger(age) && age >= 0 && age <= 120) ? undefined : t('survivors.newRecord.ageInvalid') });
    setErrors(problems);
    if (problems) return;
    const input: NewSurvivor = {
      identity: { names: splitList(draft.names), aliases: splitList(draft.aliases), birthDate: draft.birthDate || null, documents: [], allegedTraffickers: [] },
      contact: { phones: splitList(draft.phones), emails: splitList(draft.emails), addresses: draft.addresses.split('\n').map((a) => a.trim()).filter(Boolean), safeToContact: draft.safeToContact.trim() || null },
      narrative: draft.narrative.trim() || undefined,
      gender: draft.gender || undefined,
      estimatedAge: age,
      primaryLanguage: draft.primaryLanguage.trim() || undefined,
      traffickingType: draft.traffickingType,
      identifiedAt: draft.identifiedOn ? new Date(`${draft.identifiedOn}T12:00:00`).toISOString() : undefined,
    };
    create.mutate(input, { onSuccess: (created) => navigate(`/survivors/${created.id}`), onError: (error) => setErrors(fromApiError(t, error, FIELDS)) });
  };

  return (
    <Page back={{ to: '/survivors', label: t('survivors.backToList') }} title={t('survivors.newRecord.title')} lead={t('survivors.newRecord.lead', { agency: me.agency.name })} width="narrow">
      <p className="notice">{t('survivors.newRecord.traumaHint')}</p>
      <p className="notice notice-warning">{t('survivors.clearTextWarning')}</p>
      <form className="form card" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <fieldset className="form-section">
          <legend>{t('survivors.sections.identity')}</legend>
          <TextField path="body.identity.names" label={t('survivors.fields.names')} hint={t('survivors.newRecord.namesHint')} optional value={draft.names} onValueChange={set('names')} error={errors?.fields['body.identity.names']} />
          <TextField path="body.identity.aliases" label={t('survivors.fields.aliases')} optional value={draft.aliases} onValueChange={set('aliases')} error={errors?.fields['body.identity.aliases']} />
          <div className="field-row">
            <TextField path="body.identity.birthDate" label={t('survivors.fields.birthDate')} type="date" optional value={draft.birthDate} onValueChange={set('birthDate')} error={errors?.fields['body.identity.birthDate']} />
            <TextField path="body.estimatedAge" label={t('survivors.fields.estimatedAge')} hint={t('survivors.newRecord.ageHint')} inputMode="numeric" optional className="input-short" value={draft.estimatedAge} onValueChange={set('estimatedAge')} error={errors?.fields['body.estimatedAge']} />
          </div>
          <SelectField path="body.gender" label={t('survivors.fields.gender')} value={draft.gender} onValueChange={set('gender')} options={[{ value: '', label: t('survivors.notRecorded') }, ...GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))]} error={errors?.fields['body.gender']} />
          <TextField path="body.primaryLanguage" label={t('survivors.fields.language')} hint={t('survivors.newRecord.languageHint')} optional value={draft.primaryLanguage} onValueChange={set('primaryLanguage')} error={errors?.fields['body.primaryLanguage']} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('survivors.sections.contact')}</legend>
          <TextField path="body.contact.phones" label={t('survivors.fields.phones')} type="tel" optional value={draft.phones} onValueChange={set('phones')} error={errors?.fields['body.contact.phones']} />
          <TextField path="body.contact.emails" label={t('survivors.fields.emails')} optional value={draft.emails} onValueChange={set('emails')} error={errors?.fields['body.contact.emails']} />
          <TextAreaField path="body.contact.addresses" label={t('survivors.fields.addresses')} hint={t('survivors.newRecord.addressesHint')} optional rows={2} value={draft.addresses} onValueChange={set('addresses')} error={errors?.fields['body.contact.addresses']} />
          <TextField path="body.contact.safeToContact" label={t('survivors.fields.safeToContact')} hint={t('survivors.newRecord.safeToContactHint')} optional value={draft.safeToContact} onValueChange={set('safeToContact')} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('survivors.sections.situation')}</legend>
          <SelectField path="body.traffickingType" label={t('survivors.fields.traffickingType')} value={draft.traffickingType} onValueChange={set('traffickingType')} options={['unknown', 'sex', 'labor', 'both'].map((code) => ({ value: code, label: t(`survivors.traffickingTypes.${code}`) }))} error={errors?.fields['body.traffickingType']} />
          <TextField path="body.identifiedAt" label={t('survivors.fields.identifiedOn')} hint={t('survivors.newRecord.identifiedHint')} type="date" optional value={draft.identifiedOn} onValueChange={set('identifiedOn')} error={errors?.fields['body.identifiedAt']} />
          <TextAreaField path="body.narrative" label={t('survivors.fields.narrative')} hint={t('survivors.newRecord.narrativeHint')} optional rows={5} value={draft.narrative} onValueChange={set('narrative')} error={errors?.fields['body.narrative']} />
        </fieldset>
        <SubmitButton busy={create.isPending} busyLabel={t('common.saving')}>
          {t('survivors.newRecord.submit')}
        </SubmitButton>
      </form>
    </Page>
  );
}
