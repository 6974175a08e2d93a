import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { describeError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { kindLabel } from './safePlaceLabels.ts';
import { locate, SAFE_PLACE_KINDS, WEEKDAYS, type SafePlace, type WeeklyHours } from './safePlacesApi.ts';

export const SAFE_PLACE_FIELDS = [
  'body.name',
  'body.kind',
  'body.address',
  'body.city',
  'body.state',
  'body.zip',
  'body.lat',
  'body.lng',
  'body.timeZone',
  'body.hours',
  'body.publicPhone',
  'body.publicNote',
  'body.contactName',
  'body.contactPhone',
  'body.staffLastTrainedOn',
];

export interface SafePlaceDraft {
  name: string;
  kind: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  lat: string;
  lng: string;
  timeZone: string;
  hours: WeeklyHours;
  publicPhone: string;
  publicNote: string;
  contactName: string;
  contactPhone: string;
  contactPhonePublic: boolean;
  staffLastTrainedOn: string;
}

const emptyWeek = (alwaysOpen = false): WeeklyHours => ({ alwaysOpen, days: Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WeeklyHours['days'] });

export function draftOf(place?: SafePlace): SafePlaceDraft {
  return {
    name: place?.name ?? '',
    kind: place?.kind ?? '',
    address: place?.address ?? '',
    city: place?.city ?? '',
    state: place?.state ?? '',
    zip: place?.zip ?? '',
    lat: place ? String(place.lat) : '',
    lng: place ? String(place.lng) : '',
    timeZone: place?.timeZone ?? '',
    hours: place?.hours ?? emptyWeek(),
    publicPhone: place?.publicPhone ?? '',
    publicNote: place?.publicNote ?? '',
    contactName: place?.contactName ?? '',
    contactPhone: place?.contactPhone ?? '',
    contactPhonePublic: place?.contactPhonePublic ?? false,
    staffLastTrainedOn: place?.staffLastTrainedOn ?? '',
  };
}

/** The body the API takes: trimmed, numbers as numbers, empty optional fields as null. */
export function bodyOf(draft: SafePlaceDraft): Record<string, unknown> {
  const text = (value: string) => value.trim() || null;
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    address: draft.address.trim(),
    city: draft.city.trim(),
    state: draft.state.trim(),
    zip: draft.zip.trim(),
    lat: Number(draft.lat),
    lng: Number(draft.lng),
    timeZone: text(draft.timeZone),
    // Around the clock, the day-by-day periods mean nothing: they are not kept.
    hours: draft.hours.alwaysOpen ? emptyWeek(true) : draft.hours,
    publicPhone: text(draft.publicPhone),
    publicNote: text(draft.publicNote),
    contactName: text(draft.contactName),
    contactPhone: text(draft.contactPhone),
    contactPhonePublic: draft.contactPhonePublic,
    staffLastTrainedOn: text(draft.staffLastTrainedOn),
  };
}

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));

interface SafePlaceFormProps {
  place?: SafePlace;
  busy: boolean;
  errors: FormErrors | null;
  onErrors: (errors: FormErrors | null) => void;
  onSubmit: (draft: SafePlaceDraft) => void;
  submitLabel: string;
  children?: ReactNode;
}

export function SafePlaceForm({ place, busy, errors, onErrors, onSubmit, submitLabel, children }: SafePlaceFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SafePlaceDraft>(() => draftOf(place));
  const [located, setLocated] = useState<string | null>(null);
  const set = (key: keyof SafePlaceDraft) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const field = (path: string) => errors?.fields[path];

  const fillFromZip = async () => {
    setLocated(null);
    try {
      const found = await locate(draft.zip.trim() || `${draft.city}, ${draft.state}`);
      setDraft((old) => ({ ...old, lat: found.lat.toFixed(5), lng: found.lng.toFixed(5), timeZone: old.timeZone || (found.timeZone ?? '') }));
      setLocated(t('safePlaces.form.located', { place: found.label }));
    } catch (error) {
      setLocated(describeError(t, error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = fromFieldProblems(t, {
      'body.name': draft.name.trim() ? undefined : t('safePlaces.form.nameRequired'),
      'body.kind': draft.kind ? undefined : t('safePlaces.form.kindRequired'),
      'body.address': draft.address.trim() ? undefined : t('safePlaces.form.addressRequired'),
      'body.city': draft.city.trim() ? undefined : t('safePlaces.form.cityRequired'),
      'body.state': /^[A-Za-z]{2}$/.test(draft.state.trim()) ? undefined : t('safePlaces.form.stateInvalid'),
      'body.zip': /^\d{5}$/.test(draft.zip.trim()) ? undefined : t('safePlaces.form.zipInvalid'),
      'body.lat': isNumber(draft.lat) ? undefined : t('safePlaces.form.latInvalid'),
      'body.lng': isNumber(draft.lng) ? undefined : t('safePlaces.form.lngInvalid'),
      'body.hours': draft.hours.alwaysOpen || WEEKDAYS.some((d) => draft.hours.days[d].length > 0) ? undefined : t('safePlaces.form.hoursRequired'),
    });
    onErrors(problems);
    if (!problems) onSubmit(draft);
  };

  const kindOptions = [{ value: '', label: t('safePlaces.form.chooseKind') }, ...SAFE_PLACE_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))];

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <fieldset className="form-section">
        <legend>{t('safePlaces.form.place')}</legend>
        <TextField path="body.name" label={t('safePlaces.fields.name')} autoComplete="off" value={draft.name} onValueChange={set('name')} error={field('body.name')} />
        <SelectField required path="body.kind" label={t('safePlaces.fields.kind')} options={kindOptions} value={draft.kind} onValueChange={set('kind')} error={field('body.kind')} />
        <TextField path="body.address" label={t('safePlaces.fields.address')} autoComplete="off" value={draft.address} onValueChange={set('address')} error={field('body.address')} />
        <div className="form-row">
          <TextField path="body.city" label={t('safePlaces.fields.city')} autoComplete="off" value={draft.city} onValueChange={set('city')} error={field('body.city')} />
          <TextField path="body.state" label={t('safePlaces.fields.state')} hint={t('safePlaces.form.stateHint')} autoComplete="off" maxLength={2} className="input-short" value={draft.state} onValueChange={set('state')} error={field('body.state')} />
          <TextField path="body.zip" label={t('safePlaces.fields.zip')} autoComplete="off" inputMode="numeric" maxLength={5} className="input-short" value={draft.zip} onValueChange={set('zip')} error={field('body.zip')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('safePlaces.form.location')}</legend>
        <p className="hint">{t('safePlaces.form.locationHint')}</p>
        <div className="form-row">
          <TextField path="body.lat" label={t('safePlaces.fields.lat')} inputMode="decimal" autoComplete="off" value={draft.lat} onValueChange={set('lat')} error={field('body.lat')} />
          <TextField path="body.lng" label={t('safePlaces.fields.lng')} inputMode="decimal" autoComplete="off" value={draft.lng} onValueChange={set('lng')} error={field('body.lng')} />
        </div>
        <p>
          <button type="button" className="button button-secondary" onClick={() => void fillFromZip()}>
            {t('safePlaces.form.fillFromZip')}
          </button>
        </p>
        <StatusMessage message={located} />
        <TextField path="body.timeZone" label={t('safePlaces.fields.timeZone')} hint={t('safePlaces.form.timeZoneHint')} optional autoComplete="off" spellCheck={false} value={draft.timeZone} onValueChange={set('timeZone')} error={field('body.timeZone')} />
      </fieldset>
      <HoursEditor hours={draft.hours} onChange={(hours) => setDraft((old) => ({ ...old, hours }))} error={field('body.hours')} />
      <fieldset className="form-section">
        <legend>{t('safePlaces.form.public')}</legend>
        <TextField path="body.publicPhone" label={t('safePlaces.fields.publicPhone')} hint={t('safePlaces.form.publicPhoneHint')} type="tel" optional autoComplete="off" value={draft.publicPhone} onValueChange={set('publicPhone')} error={field('body.publicPhone')} />
        <TextAreaField path="body.publicNote" label={t('safePlaces.fields.publicNote')} hint={t('safePlaces.form.publicNoteHint')} optional rows={2} value={draft.publicNote} onValueChange={set('publicNote')} error={field('body.publicNote')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('safePlaces.form.site')}</legend>
        <TextField path="body.contactName" label={t('safePlaces.fields.contactName')} optional autoComplete="off" value={draft.contactName} onValueChange={set('contactName')} error={field('body.contactName')} />
        <TextField path="body.contactPhone" label={t('safePlaces.fields.contactPhone')} type="tel" optional autoComplete="off" value={draft.contactPhone} onValueChange={set('contactPhone')} error={field('body.contactPhone')} />
        <CheckboxField path="body.contactPhonePublic" label={t('safePlaces.fields.contactPhonePublic')} hint={t('safePlaces.form.contactPhonePublicHint')} checked={draft.contactPhonePublic} onCheckedChange={(checked) => setDraft((old) => ({ ...old, contactPhonePublic: checked }))} />
        <TextField path="body.staffLastTrainedOn" label={t('safePlaces.fields.staffLastTrainedOn')} type="date" optional value={draft.staffLastTrainedOn} onValueChange={set('staffLastTrainedOn')} error={field('body.staffLastTrainedOn')} />
      </fieldset>
      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
        {children}
      </div>
    </form>
  );
}
