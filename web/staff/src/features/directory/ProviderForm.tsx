import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHoursText, parseHoursText } from '../../../../../common/directory/hours.ts';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { accessibilityLabel, costLabel, genderLabel, immigrationLabel, languageName, serviceTypeLabel } from './directoryLabels.ts';
import { ACCESSIBILITY_FEATURES, COSTS, GENDERS, IMMIGRATION_REQUIREMENTS, SERVICE_TYPES, type ProviderDetail, type ProviderInput } from './directoryTypes.ts';

/** Every API field path the form shows, so a server error lands beside its field. */
export const PROVIDER_FIELDS = [
  'body.organizationName', 'body.name', 'body.description', 'body.serviceTypes', 'body.languages', 'body.minAge', 'body.maxAge', 'body.acceptsMinors',
  'body.genders', 'body.immigrationRequirement', 'body.eligibilityNotes', 'body.hours', 'body.hoursNotes', 'body.cost', 'body.costNotes',
  'body.accessibility', 'body.accessibilityNotes', 'body.intakeProcess', 'body.phone', 'body.email', 'body.website', 'body.address1', 'body.address2',
  'body.city', 'body.state', 'body.postalCode', 'body.area', 'body.latitude', 'body.longitude', 'body.timeZone', 'body.confidentialLocation',
  'body.status', 'body.linkedAgencyId',
];

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() ? value.trim() : null);
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago';

interface Draft {
  organizationName: string;
  name: string;
  description: string;
  status: string;
  linkedAgencyId: string;
  serviceTypes: string[];
  languages: string;
  minAge: string;
  maxAge: string;
  acceptsMinors: boolean;
  genders: string[];
  immigrationRequirement: string;
  eligibilityNotes: string;
  hours: string;
  hoursNotes: string;
  cost: string;
  costNotes: string;
  accessibility: string[];
  accessibilityNotes: string;
  intakeProcess: string;
  phone: string;
  email: string;
  website: string;
  confidentialLocation: boolean;
  area: string;
  city: string;
  state: string;
  address1: string;
  address2: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  timeZone: string;
  clearAddress: boolean;
}

function draftOf(p: ProviderDetail | undefined): Draft {
  const location = p?.location;
  return {
    organizationName: text(p?.organizationName),
    name: text(p?.name),
    description: text(p?.description),
    status: p?.status ?? 'active',
    linkedAgencyId: p?.linkedAgency?.id ?? '',
    serviceTypes: p?.serviceTypes ?? [],
    languages: (p?.languages ?? []).join(', '),
    minAge: p?.minAge === null || p?.minAge === undefined ? '' : String(p.minAge),
    maxAge: p?.maxAge === null || p?.maxAge === undefined ? '' : String(p.maxAge),
    acceptsMinors: p?.acceptsMinors ?? false,
    genders: p?.genders ?? [],
    immigrationRequirement: p?.immigrationRequirement ?? 'none',
    eligibilityNotes: text(p?.eligibilityNotes),
    hours: p ? formatHoursText(p.open24Hours, p.hours) : '',
    hoursNotes: text(p?.hoursNotes),
    cost: p?.cost ?? 'free',
    costNotes: text(p?.costNotes),
    accessibility: p?.accessibility ?? [],
    accessibilityNotes: text(p?.accessibilityNotes),
    intakeProcess: text(p?.intakeProcess),
    phone: text(p?.phone),
    email: text(p?.email),
    website: text(p?.website),
    confidentialLocation: p?.confidentialLocation ?? false,
    area: text(p?.area),
    city: text(p?.city),
    state: text(p?.state),
    // A confidential address is never sent to the editor: it is typed anew, or left as it is.
    address1: text(location?.address1),
    address2: text(location?.address2),
    postalCode: text(location?.postalCode),
    latitude: location?.latitude === null || location?.latitude === undefined ? '' : String(location.latitude),
    longitude: location?.longitude === null || location?.longitude === undefined ? '' : String(location.longitude),
    timeZone: p?.timeZone ?? browserTimeZone(),
    clearAddress: false,
  };
}

interface ProviderFormProps {
  provider?: ProviderDetail;
  /** Whether this person may choose the agency that keeps the entry (directory keepers only). */
  canLink: boolean;
  busy: boolean;
  errors: FormErrors | null;
  onErrors: (errors: FormErrors | null) => void;
  onSubmit: (input: Partial<ProviderInput>) => void;
  submitLabel: string;
}

/** The whole entry, in the order a provider describes itself: who, what, for whom, when, how much, where. */
export function ProviderForm({ provider, canLink, busy, errors, onErrors, onSubmit, submitLabel }: ProviderFormProps) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [d, setDraft] = useState<Draft>(() => draftOf(provider));
  const set = (key: keyof Draft) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const setList = (key: keyof Draft) => (value: string[]) => setDraft((old) => ({ ...old, [key]: value }));
  const setFlag = (key: keyof Draft) => (value: boolean) => setDraft((old) => ({ ...old, [key]: value }));
  const error = (path: string) => errors?.fields[`body.${path}`];
  const keepsHiddenAddress = Boolean(provider?.confidentialLocation && provider.addressOnFile);
  const languages = d.languages.split(/[,;\s]+/).filter(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const hours = parseHoursText(d.hours);
    const problems = fromFieldProblems(t, {
      'body.organizationName': d.organizationName.trim().length >= 2 ? undefined : t('directory.editor.required'),
      'body.name': d.name.trim().length >= 2 ? undefined : t('directory.editor.required'),
      'body.serviceTypes': d.serviceTypes.length ? undefined : t('directory.editor.chooseService'),
      'body.hours': 'problem' in hours ? t('directory.editor.hoursInvalid') : undefined,
      'body.phone': d.confidentialLocation && !d.phone.trim() ? t('directory.editor.confidentialNeedsPhone') : undefined,
      'body.area': d.confidentialLocation && !d.area.trim() ? t('directory.editor.confidentialNeedsArea') : undefined,
    });
    onErrors(problems);
    if (problems || 'problem' in hours) return;
    const address = {
      address1: orNull(d.address1),
      address2: orNull(d.address2),
      postalCode: orNull(d.postalCode),
      latitude: numberOrNull(d.latitude),
      longitude: numberOrNull(d.longitude),
    };
    const typedAddress = Object.values(address).some((v) => v !== null);
    const input: Partial<ProviderInput> = {
      organizationName: d.organizationName.trim(),
      name: d.name.trim(),
      description: orNull(d.description),
      status: d.status as 'active' | 'inactive',
      serviceTypes: d.serviceTypes,
      languages,
      minAge: numberOrNull(d.minAge),
      maxAge: numberOrNull(d.maxAge),
      acceptsMinors: d.acceptsMinors,
      genders: d.genders,
      immigrationRequirement: d.immigrationRequirement,
      eligibilityNotes: orNull(d.eligibilityNotes),
      hours: hours.hours,
      open24Hours: hours.open24Hours,
      hoursNotes: orNull(d.hoursNotes),
      cost: d.cost,
      costNotes: orNull(d.costNotes),
      accessibility: d.accessibility,
      accessibilityNotes: orNull(d.accessibilityNotes),
      intakeProcess: orNull(d.intakeProcess),
      phone: orNull(d.phone),
      email: orNull(d.email),
      website: orNull(d.website),
      confidentialLocation: d.confidentialLocation,
      area: orNull(d.area),
      city: orNull(d.city),
      state: orNull(d.state),
      timeZone: d.timeZone.trim(),
      // An address on file that this person cannot see stays as it is unless they type a new one or clear it.
      ...(keepsHiddenAddress && !typedAddress && !d.clearAddress ? {} : address),
      ...(canLink ? { linkedAgencyId: d.linkedAgencyId || null } : {}),
    };
    onSubmit(input);
  };

  return (
    <form className="card form provider-form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.about')}</legend>
        <TextField path="body.organizationName" label={t('directory.fields.organization')} autoComplete="organization" value={d.organizationName} onValueChange={set('organizationName')} error={error('organizationName')} />
        <TextField path="body.name" label={t('directory.fields.name')} hint={t('directory.editor.nameHint')} value={d.name} onValueChange={set('name')} error={error('name')} />
        <TextAreaField path="body.description" label={t('directory.fields.description')} hint={t('directory.editor.noAddressHint')} optional value={d.description} onValueChange={set('description')} error={error('description')} />
        <SelectField path="body.status" label={t('directory.fields.status')} value={d.status} onValueChange={set('status')} options={[{ value: 'active', label: t('directory.active') }, { value: 'inactive', label: t('directory.inactive') }]} />
        {canLink && (
          <SelectField
            path="body.linkedAgencyId"
            label={t('directory.fields.keptBy')}
            hint={t('directory.editor.linkHint')}
            value={d.linkedAgencyId}
            onValueChange={set('linkedAgencyId')}
            options={[{ value: '', label: t('directory.detail.keptByTaskForce') }, ...(agencies.data ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }))]}
            error={error('linkedAgencyId')}
          />
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.services')}</legend>
        <CheckboxGroup path="body.serviceTypes" legend={t('directory.fields.services')} options={SERVICE_TYPES.map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))} selected={d.serviceTypes} onSelectedChange={setList('serviceTypes')} error={error('serviceTypes')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.eligibility')}</legend>
        <TextField
          path="body.languages"
          label={t('directory.fields.languages')}
          hint={t('directory.editor.languagesHint', { names: languages.map(languageName).join(', ') || '—' })}
          optional
          spellCheck={false}
          autoComplete="off"
          value={d.languages}
          onValueChange={set('languages')}
          error={error('languages')}
        />
        <div className="field-row">
          <TextField path="body.minAge" label={t('directory.fields.minAge')} type="number" inputMode="numeric" min={0} max={120} optional className="input-short" value={d.minAge} onValueChange={set('minAge')} error={error('minAge')} />
          <TextField path="body.maxAge" label={t('directory.fields.maxAge')} type="number" inputMode="numeric" min={0} max={120} optional className="input-short" value={d.maxAge} onValueChange={set('maxAge')} error={error('maxAge')} />
        </div>
        <CheckboxField path="body.acceptsMinors" label={t('directory.fields.acceptsMinors')} hint={error('acceptsMinors') ?? t('directory.editor.minorsHint')} checked={d.acceptsMinors} onCheckedChange={setFlag('acceptsMinors')} />
        <CheckboxGroup path="body.genders" legend={t('directory.fields.genders')} hint={t('directory.editor.gendersHint')} options={GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))} selected={d.genders} onSelectedChange={setList('genders')} error={error('genders')} />
        <SelectField path="body.immigrationRequirement" label={t('directory.fields.immigration')} value={d.immigrationRequirement} onValueChange={set('immigrationRequirement')} options={IMMIGRATION_REQUIREMENTS.map((r) => ({ value: r, label: immigrationLabel(t, r) }))} />
        <TextAreaField path="body.eligibilityNotes" label={t('directory.fields.eligibilityNotes')} optional rows={2} value={d.eligibilityNotes} onValueChange={set('eligibilityNotes')} error={error('eligibilityNotes')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.hoursAndCost')}</legend>
        <TextField path="body.hours" label={t('directory.fields.hours')} hint={t('directory.editor.hoursHint')} optional spellCheck={false} value={d.hours} onValueChange={set('hours')} error={error('hours')} />
        <TextField path="body.hoursNotes" label={t('directory.fields.hoursNotes')} optional value={d.hoursNotes} onValueChange={set('hoursNotes')} error={error('hoursNotes')} />
        <SelectField path="body.cost" label={t('directory.fields.cost')} value={d.cost} onValueChange={set('cost')} options={COSTS.map((c) => ({ value: c, label: costLabel(t, c) }))} />
        <TextField path="body.costNotes" label={t('directory.fields.costNotes')} optional value={d.costNotes} onValueChange={set('costNotes')} error={error('costNotes')} />
        <CheckboxGroup path="body.accessibility" legend={t('directory.fields.accessibility')} options={ACCESSIBILITY_FEATURES.map((a) => ({ value: a, label: accessibilityLabel(t, a) }))} selected={d.accessibility} onSelectedChange={setList('accessibility')} />
        <TextField path="body.accessibilityNotes" label={t('directory.fields.accessibilityNotes')} optional value={d.accessibilityNotes} onValueChange={set('accessibilityNotes')} error={error('accessibilityNotes')} />
        <TextAreaField path="body.intakeProcess" label={t('directory.fields.intake')} hint={t('directory.editor.noAddressHint')} optional rows={3} value={d.intakeProcess} onValueChange={set('intakeProcess')} error={error('intakeProcess')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.contact')}</legend>
        <TextField path="body.phone" label={t('directory.fields.phone')} type="tel" optional autoComplete="off" value={d.phone} onValueChange={set('phone')} error={error('phone')} />
        <TextField path="body.email" label={t('directory.fields.email')} type="email" optional autoComplete="off" value={d.email} onValueChange={set('email')} error={error('email')} />
        <TextField path="body.website" label={t('directory.fields.website')} type="url" optional autoComplete="off" value={d.website} onValueChange={set('website')} error={error('website')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('directory.editor.sections.location')}</legend>
        <CheckboxField path="body.confidentialLocation" label={t('directory.fields.confidential')} hint={t('directory.editor.confidentialHint')} checked={d.confidentialLocation} onCheckedChange={setFlag('confidentialLocation')} />
        <TextField path="body.area" label={t('directory.fields.area')} hint={t('directory.editor.areaHint')} optional value={d.area} onValueChange={set('area')} error={error('area')} />
        <div className="field-row">
          <TextField path="body.city" label={t('directory.fields.city')} optional autoComplete="off" value={d.city} onValueChange={set('city')} error={error('city')} />
          <TextField path="body.state" label={t('directory.fields.state')} optional autoComplete="off" className="input-short" value={d.state} onValueChange={set('state')} error={error('state')} />
        </div>
        {keepsHiddenAddress && <p className="notice">{t('directory.editor.addressOnFile')}</p>}
        <TextField path="body.address1" label={t('directory.fields.address1')} optional autoComplete="off" value={d.address1} onValueChange={set('address1')} error={error('address1')} />
        <TextField path="body.address2" label={t('directory.fields.address2')} optional autoComplete="off" value={d.address2} onValueChange={set('address2')} error={error('address2')} />
        <div className="field-row">
          <TextField path="body.postalCode" label={t('directory.fields.postalCode')} optional inputMode="numeric" autoComplete="off" className="input-short" value={d.postalCode} onValueChange={set('postalCode')} error={error('postalCode')} />
          <TextField path="body.latitude" label={t('directory.fields.latitude')} optional inputMode="decimal" className="input-short" value={d.latitude} onValueChange={set('latitude')} error={error('latitude')} />
          <TextField path="body.longitude" label={t('directory.fields.longitude')} optional inputMode="decimal" className="input-short" value={d.longitude} onValueChange={set('longitude')} error={error('longitude')} />
        </div>
        {keepsHiddenAddress && <CheckboxField path="body.clearAddress" label={t('directory.editor.clearAddress')} checked={d.clearAddress} onCheckedChange={setFlag('clearAddress')} />}
        <TextField path="body.timeZone" label={t('directory.fields.timeZone')} hint={t('directory.editor.timeZoneHint')} spellCheck={false} value={d.timeZone} onValueChange={set('timeZone')} error={error('timeZone')} />
      </fieldset>

      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
