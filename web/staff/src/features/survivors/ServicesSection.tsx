import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { useProviders } from '../directory/directoryApi.ts';
import { serviceTypeLabel } from './survivorLabels.ts';
import { useSurvivorWork } from './survivorsApi.ts';
import { DELIVERED_SERVICE_TYPES, type Survivor } from './survivorTypes.ts';

const FIELDS = ['body.serviceType', 'body.deliveredOn', 'body.providerId', 'body.units', 'body.hours', 'body.note'];
const today = () => new Date().toISOString().slice(0, 10);
const amount = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/** What was delivered, for the counts funders ask for: type, date, provider, units or hours. */
export function ServicesSection({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useSurvivorWork<{ serviceType: string; deliveredOn: string; providerId?: string; units?: number; hours?: number; note?: string }>(survivor.id, 'post', () => '/services');
  const empty = { serviceType: '', deliveredOn: today(), providerId: '', units: '', hours: '', note: '' };
  // Who delivered it, from the directory; left empty when the agency delivered it itself.
  const providers = useProviders({ q: '', serviceType: '', status: 'active', mine: '' });
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const units = amount(draft.units);
    const hours = amount(draft.hours);
    const bad = (n: number | undefined) => n !== undefined && (Number.isNaN(n) || n < 0);
    const problems = fromFieldProblems(t, {
      'body.serviceType': draft.serviceType ? undefined : t('survivors.services.typeRequired'),
      'body.deliveredOn': draft.deliveredOn ? undefined : t('survivors.services.dateRequired'),
      'body.units': bad(units) ? t('survivors.services.amountInvalid') : units === undefined && hours === undefined ? t('survivors.services.amountRequired') : undefined,
      'body.hours': bad(hours) ? t('survivors.services.amountInvalid') : undefined,
    });
    setErrors(problems);
    if (problems) return;
    add.mutate(
      { serviceType: draft.serviceType, deliveredOn: draft.deliveredOn, providerId: draft.providerId || undefined, units, hours, note: draft.note.trim() || undefined },
      { onSuccess: () => { setStatus(t('survivors.services.added', { service: serviceTypeLabel(t, draft.serviceType) })); setDraft(empty); }, onError: (e) => setErrors(fromApiError(t, e, FIELDS)) },
    );
  };

  const services = survivor.services ?? [];
  return (
    <section className="card" aria-labelledby="survivor-services-heading">
      <h2 id="survivor-services-heading">{t('survivors.services.title')}</h2>
      <StatusMessage message={status} />
      {services.length === 0 ? (
        <p className="muted">{t('survivors.services.none')}</p>
      ) : (
        <ul className="plain-list">
          {services.map((s) => (
            <li key={s.id} className="record-item">
              <div className="record-head">
                <strong>{serviceTypeLabel(t, s.serviceType)}</strong>
                <span className="small muted">{formatDate(`${s.deliveredOn}T12:00:00`)}</span>
              </div>
              <p className="small">
                {[s.units !== null ? t('survivors.services.units', { count: s.units }) : null, s.hours !== null ? t('survivors.services.hours', { count: s.hours }) : null, s.provider ? s.provider.name : null].filter(Boolean).join(' · ')}
              </p>
              {s.note && <p className="small narrative">{s.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-service-heading">
          <h3 id="add-service-heading">{t('survivors.services.add')}</h3>
          <FormAlert errors={errors} />
          <div className="field-row">
            <SelectField path="service.serviceType" label={t('survivors.services.type')} value={draft.serviceType} onValueChange={set('serviceType')} options={[{ value: '', label: t('survivors.choose') }, ...DELIVERED_SERVICE_TYPES.map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))]} error={errors?.fields['body.serviceType']} />
            <TextField path="service.deliveredOn" label={t('survivors.services.deliveredOn')} type="date" className="input-short" value={draft.deliveredOn} onValueChange={set('deliveredOn')} error={errors?.fields['body.deliveredOn']} />
          </div>
          <SelectField path="service.providerId" label={t('survivors.services.provider')} value={draft.providerId} onValueChange={set('providerId')} options={[{ value: '', label: t('survivors.services.ownAgency') }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} error={errors?.fields['body.providerId']} />
          <div className="field-row">
            <TextField path="service.units" label={t('survivors.services.unitsLabel')} inputMode="decimal" optional className="input-short" value={draft.units} onValueChange={set('units')} error={errors?.fields['body.units']} />
            <TextField path="service.hours" label={t('survivors.services.hoursLabel')} inputMode="decimal" optional className="input-short" value={draft.hours} onValueChange={set('hours')} error={errors?.fields['body.hours']} />
          </div>
          <TextField path="service.note" label={t('survivors.services.note')} hint={t('survivors.noNamesHint')} optional value={draft.note} onValueChange={set('note')} error={errors?.fields['body.note']} />
          <SubmitButton busy={add.isPending} busyLabel={t('common.saving')}>
            {t('survivors.services.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
