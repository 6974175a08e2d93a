import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/form/CheckboxField.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { RadioGroup } from '../../../components/form/RadioGroup.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { SubmitButton } from '../../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../../components/form/TextAreaField.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../../components/form/formErrors.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { channelLabel, concernLabel, heardViaLabel } from '../tipLabels.ts';
import { useCreateHotlineTip } from '../tipsApi.ts';
import { CONCERN_TYPES, HEARD_VIA, HOTLINE_CHANNELS, type TipDetail } from '../tipTypes.ts';
import { ContactFields } from './ContactFields.tsx';
import { emptyDraft, problemsOf, toReport, type HotlineDraft } from './hotlineDraft.ts';
import { PeopleFields, VehicleFields } from './PeopleAndVehicles.tsx';

const SHOWN_FIELDS = [
  'body.channel', 'body.concernType', 'body.narrative', 'body.locationAddress', 'body.locationCity', 'body.locationZip', 'body.businessName', 'body.occurredOn',
  'body.occurredText', 'body.phones', 'body.emails', 'body.online', 'body.heardVia', 'body.campaignCode', 'body.language',
  ...[0, 1, 2].flatMap((i) => [`body.people.${i}.description`, `body.people.${i}.approxAge`]),
  ...[0, 1].flatMap((i) => [`body.vehicles.${i}.plate`, `body.vehicles.${i}.state`, `body.vehicles.${i}.description`]),
  'body.contact.name', 'body.contact.phone', 'body.contact.email', 'body.contact.safeTimes',
];

/** A tip taken by phone, text, email or in person: the public report's questions, asked for the caller. */
export function HotlineForm({ onCreated }: { onCreated: (created: { tip: TipDetail; receipt: string }) => void }) {
  const { t } = useTranslation();
  const create = useCreateHotlineTip();
  const [draft, setDraft] = useState<HotlineDraft>(() => emptyDraft(currentLanguage()));
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const change = (next: Partial<HotlineDraft>) => setDraft((old) => ({ ...old, ...next }));
  const text = (key: 'narrative' | 'locationAddress' | 'locationCity' | 'locationZip' | 'businessName' | 'occurredOn' | 'occurredText' | 'phones' | 'emails' | 'online' | 'campaignCode') => ({
    path: `body.${key}`,
    value: draft[key],
    onValueChange: (value: string) => change({ [key]: value }),
    error: errors?.fields[`body.${key}`],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems = fromFieldProblems(t, problemsOf(t, draft));
    setErrors(problems);
    if (problems) return;
    create.mutate(toReport(draft), { onSuccess: onCreated, onError: (error) => setErrors(fromApiError(t, error, SHOWN_FIELDS)) });
  };

  return (
    <form className="card form hotline-form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <fieldset className="form-section">
        <legend>{t('tips.hotline.call')}</legend>
        <SelectField path="body.channel" label={t('tips.hotline.channel')} value={draft.channel} onValueChange={(channel) => change({ channel })} options={HOTLINE_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} error={errors?.fields['body.channel']} />
        <SelectField
          path="body.language"
          label={t('tips.hotline.language')}
          value={draft.language}
          onValueChange={(language) => change({ language: language === 'es' ? 'es' : 'en' })}
          options={[
            { value: 'en', label: t('language.names.en') },
            { value: 'es', label: t('language.names.es') },
          ]}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('tips.hotline.what')}</legend>
        <RadioGroup required path="body.concernType" legend={t('tips.hotline.concern')} value={draft.concernType} onValueChange={(concernType) => change({ concernType })} options={CONCERN_TYPES.map((c) => ({ value: c, label: concernLabel(t, c) }))} error={errors?.fields['body.concernType']} />
        <CheckboxField path="body.immediateDanger" label={t('tips.hotline.danger')} hint={t('tips.hotline.dangerHint')} checked={draft.immediateDanger} onCheckedChange={(immediateDanger) => change({ immediateDanger })} />
        <TextAreaField {...text('narrative')} label={t('tips.hotline.narrative')} hint={t('tips.hotline.narrativeHint')} optional rows={6} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('tips.hotline.where')}</legend>
        <TextField {...text('locationAddress')} label={t('tips.hotline.address')} optional autoComplete="off" />
        <TextField {...text('locationCity')} label={t('tips.hotline.city')} optional autoComplete="off" />
        <TextField {...text('locationZip')} label={t('tips.hotline.zip')} optional inputMode="numeric" maxLength={10} className="input-short" autoComplete="off" />
        <TextField {...text('businessName')} label={t('tips.hotline.business')} optional />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('tips.hotline.when')}</legend>
        <TextField {...text('occurredOn')} label={t('tips.hotline.occurredOn')} optional type="date" className="input-short" />
        <TextField {...text('occurredText')} label={t('tips.hotline.occurredText')} optional />
      </fieldset>
      <PeopleFields draft={draft} onChange={change} errors={errors?.fields} />
      <VehicleFields draft={draft} onChange={change} errors={errors?.fields} />
      <fieldset className="form-section">
        <legend>{t('tips.hotline.contacts')}</legend>
        <TextAreaField {...text('phones')} label={t('tips.hotline.phones')} hint={t('tips.hotline.onePerLine')} optional rows={2} />
        <TextAreaField {...text('emails')} label={t('tips.hotline.emails')} hint={t('tips.hotline.onePerLine')} optional rows={2} />
        <TextAreaField {...text('online')} label={t('tips.hotline.online')} hint={t('tips.hotline.onePerLine')} optional rows={2} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('tips.hotline.heard')}</legend>
        <SelectField path="body.heardVia" label={t('tips.hotline.heardVia')} value={draft.heardVia} onValueChange={(heardVia) => change({ heardVia })} options={[{ value: '', label: t('tips.hotline.heardNone') }, ...HEARD_VIA.map((h) => ({ value: h, label: heardViaLabel(t, h) }))]} error={errors?.fields['body.heardVia']} />
        <TextField {...text('campaignCode')} label={t('tips.fields.campaign')} hint={t('tips.hotline.campaignHint')} optional spellCheck={false} autoCapitalize="characters" className="input-short" />
      </fieldset>
      <ContactFields draft={draft} onChange={change} errors={errors?.fields} />
      <SubmitButton busy={create.isPending} busyLabel={t('common.saving')}>
        {t('tips.hotline.submit')}
      </SubmitButton>
    </form>
  );
}
