import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import type { HubDetail } from './directoryTypes.ts';

export const HUB_FIELDS = ['body.name', 'body.description', 'body.phone', 'body.email', 'body.website', 'body.address1', 'body.address2', 'body.city', 'body.state', 'body.postalCode', 'body.area', 'body.latitude', 'body.longitude', 'body.timeZone', 'body.hoursNotes', 'body.status'];

const TEXT_KEYS = ['name', 'description', 'phone', 'email', 'website', 'address1', 'address2', 'city', 'state', 'postalCode', 'area', 'timeZone', 'hoursNotes'] as const;
type Draft = Record<(typeof TEXT_KEYS)[number] | 'latitude' | 'longitude' | 'status', string>;

/** A hub's public details: it is a public place, so its address is shown to everyone. */
export function HubForm({ hub, busy, errors, onErrors, onSubmit, submitLabel }: { hub?: HubDetail; busy: boolean; errors: FormErrors | null; onErrors: (e: FormErrors | null) => void; onSubmit: (input: Record<string, unknown>) => void; submitLabel: string }) {
  const { t } = useTranslation();
  const [d, setDraft] = useState<Draft>(() => ({
    ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, hub?.[k] ?? ''])) as Record<(typeof TEXT_KEYS)[number], string>),
    timeZone: hub?.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago'),
    latitude: hub?.latitude === null || hub?.latitude === undefined ? '' : String(hub.latitude),
    longitude: hub?.longitude === null || hub?.longitude === undefined ? '' : String(hub.longitude),
    status: hub?.status ?? 'active',
  }));
  const set = (key: keyof Draft) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const error = (key: string) => errors?.fields[`body.${key}`];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = fromFieldProblems(t, { 'body.name': d.name.trim().length >= 2 ? undefined : t('directory.editor.required') });
    onErrors(problems);
    if (problems) return;
    const input: Record<string, unknown> = Object.fromEntries(TEXT_KEYS.map((k) => [k, d[k].trim() || null]));
    input.name = d.name.trim();
    input.timeZone = d.timeZone.trim();
    input.latitude = d.latitude.trim() === '' ? null : Number(d.latitude);
    input.longitude = d.longitude.trim() === '' ? null : Number(d.longitude);
    input.status = d.status;
    onSubmit(input);
  };

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <TextField path="body.name" label={t('directory.fields.name')} value={d.name} onValueChange={set('name')} error={error('name')} />
      <TextAreaField path="body.description" label={t('directory.fields.description')} optional rows={2} value={d.description} onValueChange={set('description')} error={error('description')} />
      <TextField path="body.address1" label={t('directory.fields.address1')} optional value={d.address1} onValueChange={set('address1')} error={error('address1')} />
      <TextField path="body.address2" label={t('directory.fields.address2')} optional value={d.address2} onValueChange={set('address2')} error={error('address2')} />
      <div className="field-row">
        <TextField path="body.city" label={t('directory.fields.city')} optional value={d.city} onValueChange={set('city')} error={error('city')} />
        <TextField path="body.state" label={t('directory.fields.state')} optional className="input-short" value={d.state} onValueChange={set('state')} error={error('state')} />
        <TextField path="body.postalCode" label={t('directory.fields.postalCode')} optional inputMode="numeric" className="input-short" value={d.postalCode} onValueChange={set('postalCode')} error={error('postalCode')} />
      </div>
      <TextField path="body.area" label={t('directory.fields.area')} optional value={d.area} onValueChange={set('area')} error={error('area')} />
      <div className="field-row">
        <TextField path="body.latitude" label={t('directory.fields.latitude')} optional inputMode="decimal" className="input-short" value={d.latitude} onValueChange={set('latitude')} error={error('latitude')} />
        <TextField path="body.longitude" label={t('directory.fields.longitude')} optional inputMode="decimal" className="input-short" value={d.longitude} onValueChange={set('longitude')} error={error('longitude')} />
      </div>
      <TextField path="body.phone" label={t('directory.fields.phone')} type="tel" optional value={d.phone} onValueChange={set('phone')} error={error('phone')} />
      <TextField path="body.email" label={t('directory.fields.email')} type="email" optional value={d.email} onValueChange={set('email')} error={error('email')} />
      <TextField path="body.website" label={t('directory.fields.website')} type="url" optional value={d.website} onValueChange={set('website')} error={error('website')} />
      <TextField path="body.hoursNotes" label={t('directory.fields.hoursNotes')} optional value={d.hoursNotes} onValueChange={set('hoursNotes')} error={error('hoursNotes')} />
      <TextField path="body.timeZone" label={t('directory.fields.timeZone')} hint={t('directory.editor.timeZoneHint')} spellCheck={false} value={d.timeZone} onValueChange={set('timeZone')} error={error('timeZone')} />
      <SelectField path="body.status" label={t('directory.fields.status')} value={d.status} onValueChange={set('status')} options={[{ value: 'active', label: t('directory.active') }, { value: 'inactive', label: t('directory.inactive') }]} />
      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
