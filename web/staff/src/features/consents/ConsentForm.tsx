import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { RadioGroup } from '../../components/form/RadioGroup.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { categoryLabel } from '../survivors/survivorLabels.ts';
import { CONSENT_CATEGORIES, CONSENT_METHODS, type Survivor } from '../survivors/survivorTypes.ts';
import { useRecordConsent } from './consentsApi.ts';

const FIELDS = ['body.recipientAgencyId', 'body.purpose', 'body.categories', 'body.method', 'body.startsAt', 'body.expiresAt', 'body.guardian.name', 'body.guardian.relationship', 'body.minorConsentBasis'];
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const inDays = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

/** Records the survivor's informed, time-limited consent to share named categories with one agency. */
export function ConsentForm({ survivor, onRecorded }: { survivor: Survivor; onRecorded: (message: string) => void }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const record = useRecordConsent(survivor.id);
  const isMinor = survivor.facts?.isMinor ?? false;
  const empty = { recipientAgencyId: '', purpose: '', categories: [] as string[], method: 'signed_form', startsOn: inDays(0), expiresOn: inDays(30), guardianName: '', guardianRelationship: 'parent', guardianIsAllegedTrafficker: false, minorConsentBasis: '' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const set = <K extends keyof typeof empty>(key: K) => (value: (typeof empty)[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const recipients = (agencies.data ?? []).filter((a) => a.isActive && a.id !== survivor.agency.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.recipientAgencyId': draft.recipientAgencyId ? undefined : t('consents.form.recipientRequired'),
      'body.purpose': draft.purpose.trim().length >= 3 ? undefined : t('consents.form.purposeRequired'),
      'body.categories': draft.categories.length ? undefined : t('consents.form.categoriesRequired'),
      'body.expiresAt': draft.expiresOn ? undefined : t('consents.form.expiryRequired'),
    });
    setErrors(problems);
    if (problems) return;
    const startsToday = draft.startsOn === inDays(0);
    record.mutate(
      {
        recipientAgencyId: draft.recipientAgencyId,
        purpose: draft.purpose.trim(),
        categories: draft.categories,
        method: draft.method,
        startsAt: startsToday || !draft.startsOn ? undefined : new Date(`${draft.startsOn}T00:00:00`).toISOString(),
        expiresAt: new Date(`${draft.expiresOn}T23:59:00`).toISOString(),
        guardian: isMinor && draft.guardianName.trim() ? { name: draft.guardianName.trim(), relationship: draft.guardianRelationship, isAllegedTrafficker: draft.guardianIsAllegedTrafficker } : undefined,
        minorConsentBasis: isMinor && draft.minorConsentBasis.trim() ? draft.minorConsentBasis.trim() : undefined,
      },
      {
        onSuccess: (consent) => {
          setDraft(empty);
          onRecorded(t('consents.recorded', { agency: consent.recipientAgency.name }));
        },
        onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
      },
    );
  };

  return (
    <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="consent-form-heading">
      <h3 id="consent-form-heading">{t('consents.form.title')}</h3>
      <FormAlert errors={errors} />
      <SelectField path="body.recipientAgencyId" label={t('consents.form.recipient')} value={draft.recipientAgencyId} onValueChange={set('recipientAgencyId')} options={[{ value: '', label: t('survivors.choose') }, ...recipients.map((a) => ({ value: a.id, label: a.name }))]} error={errors?.fields['body.recipientAgencyId']} />
      <TextField path="body.purpose" label={t('consents.form.purpose')} hint={t('consents.form.purposeHint')} value={draft.purpose} onValueChange={set('purpose')} error={errors?.fields['body.purpose']} />
      <CheckboxGroup path="body.categories" legend={t('consents.form.categories')} hint={t('consents.form.categoriesHint')} options={CONSENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c), hint: t(`consents.categoryHints.${c}`) }))} selected={draft.categories} onSelectedChange={set('categories')} error={errors?.fields['body.categories']} />
      <RadioGroup path="body.method" legend={t('consents.form.method')} options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consents.methods.${m}`) }))} value={draft.method} onValueChange={set('method')} error={errors?.fields['body.method']} />
      <div className="field-row">
        <TextField path="body.startsAt" label={t('consents.form.startsOn')} type="date" className="input-short" value={draft.startsOn} onValueChange={set('startsOn')} error={errors?.fields['body.startsAt']} />
        <TextField path="body.expiresAt" label={t('consents.form.expiresOn')} hint={t('consents.form.expiresHint')} type="date" className="input-short" value={draft.expiresOn} onValueChange={set('expiresOn')} error={errors?.fields['body.expiresAt']} />
      </div>
      {isMinor && (
        <fieldset className="form-section">
          <legend>{t('consents.form.minorTitle')}</legend>
          <p className="hint">{t('consents.form.minorHint')}</p>
          <TextField path="body.guardian.name" label={t('consents.form.guardianName')} optional value={draft.guardianName} onValueChange={set('guardianName')} error={errors?.fields['body.guardian.name']} />
          <SelectField path="body.guardian.relationship" label={t('consents.form.guardianRelationship')} value={draft.guardianRelationship} onValueChange={set('guardianRelationship')} options={['parent', 'legal_guardian', 'other_caregiver'].map((r) => ({ value: r, label: t(`consents.relationships.${r}`) }))} />
          <CheckboxField path="body.guardian.isAllegedTrafficker" label={t('consents.form.guardianIsAllegedTrafficker')} checked={draft.guardianIsAllegedTrafficker} onCheckedChange={set('guardianIsAllegedTrafficker')} />
          <TextField path="body.minorConsentBasis" label={t('consents.form.minorBasis')} hint={t('consents.form.minorBasisHint')} optional value={draft.minorConsentBasis} onValueChange={set('minorConsentBasis')} error={errors?.fields['body.minorConsentBasis']} />
        </fieldset>
      )}
      <SubmitButton busy={record.isPending} busyLabel={t('common.saving')}>
        {t('consents.form.submit')}
      </SubmitButton>
    </form>
  );
}
