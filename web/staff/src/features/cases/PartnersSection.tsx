import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { accessInSentence, accessLabel, codeOptions } from './caseLabels.ts';
import { useGrantPartner, useRevokePartner } from './casesApi.ts';
import { PARTNER_LEVELS, type Case, type Partner, type PartnerLevel } from './caseTypes.ts';

/** Agencies a case may be shared with; never a victim-service agency (decision 009). */
const PARTNER_AGENCY_TYPES = ['law_enforcement', 'prosecutor', 'immigration_service', 'central_government', 'child_welfare', 'task_force_coordinator'];

/** One partner's level, changed in place, or its access taken back. */
function PartnerRow({ caseId, partner, canManage, onDone }: { caseId: string; partner: Partner; canManage: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const grant = useGrantPartner(caseId);
  const revoke = useRevokePartner(caseId);
  const [level, setLevel] = useState<PartnerLevel>(partner.level);
  const name = partner.agency.name;
  const change = () => {
    if (grant.isPending || level === partner.level) return;
    grant.mutate({ agencyId: partner.agency.id, level }, { onSuccess: () => onDone(t('cases.partners.changed', { agency: name, level: accessInSentence(t, level) })), onError: (error) => onDone(describeError(t, error)) });
  };
  const takeBack = () => {
    if (revoke.isPending) return;
    revoke.mutate(partner.agency.id, { onSuccess: () => onDone(t('cases.partners.revoked', { agency: name })), onError: (error) => onDone(describeError(t, error)) });
  };
  return (
    <li className="partner-item">
      <div className="entity-head">
        <strong>{name}</strong>
        <span className="badge badge-info">{accessLabel(t, partner.level)}</span>
      </div>
      <p className="small muted">
        {t('cases.partners.since', { date: formatDate(partner.grantedAt) })}
        {partner.viaHitId && ` · ${t('cases.partners.viaHit')}`}
      </p>
      {canManage && (
        <div className="button-row partner-controls">
          <SelectField path={`partner.${partner.agency.id}.level`} label={t('cases.partners.levelFor', { agency: name })} value={level} onValueChange={(value) => setLevel(value as PartnerLevel)} options={codeOptions(t, PARTNER_LEVELS, accessLabel)} />
          <button type="button" className="button button-secondary button-small" onClick={change} aria-disabled={level === partner.level || undefined}>
            {t('cases.partners.change', { agency: name })}
          </button>
          <button type="button" className="button button-danger button-small" onClick={takeBack}>
            {t('cases.partners.revoke', { agency: name })}
          </button>
        </div>
      )}
    </li>
  );
}

/** The agencies the case is shared with and at what level; the lead agency grants, changes and revokes. */
export function PartnersSection({ kase, canManage }: { kase: Case; canManage: boolean }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const grant = useGrantPartner(kase.id);
  const [agencyId, setAgencyId] = useState('');
  const [level, setLevel] = useState<PartnerLevel>('read');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const partners = kase.detail?.partners ?? [];
  const candidates = (agencies.data ?? []).filter(
    (agency) => agency.isActive && PARTNER_AGENCY_TYPES.includes(agency.type) && agency.id !== kase.leadAgency.id && !partners.some((p) => p.agency.id === agency.id),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (grant.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { 'body.agencyId': agencyId ? undefined : t('cases.partners.chooseAgency') });
    setErrors(problems);
    if (problems) return;
    const name = candidates.find((agency) => agency.id === agencyId)?.name ?? '';
    grant.mutate(
      { agencyId, level },
      {
        onSuccess: () => {
          setAgencyId('');
          setStatus(t('cases.partners.granted', { agency: name, level: accessInSentence(t, level) }));
        },
        onError: (error) => setErrors(fromApiError(t, error, ['body.agencyId', 'body.level'])),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="case-partners-heading">
      <h2 id="case-partners-heading">{t('cases.partners.title')}</h2>
      <p className="hint">{t('cases.partners.hint')}</p>
      <StatusMessage message={status} />
      {partners.length === 0 ? (
        <p className="muted">{t('cases.partners.none')}</p>
      ) : (
        <ul className="plain-list partner-list">
          {partners.map((partner) => (
            <PartnerRow key={`${partner.agency.id}:${partner.level}`} caseId={kase.id} partner={partner} canManage={canManage} onDone={setStatus} />
          ))}
        </ul>
      )}
      {canManage && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-partner-heading">
          <h3 id="add-partner-heading">{t('cases.partners.add')}</h3>
          <FormAlert errors={errors} />
          <div className="field-row">
            <SelectField
              path="partner.agency"
              label={t('cases.partners.agency')}
              hint={t('cases.partners.agencyHint')}
              value={agencyId}
              onValueChange={setAgencyId}
              options={[{ value: '', label: t('cases.partners.chooseAgency') }, ...candidates.map((agency) => ({ value: agency.id, label: agency.name }))]}
              error={errors?.fields['body.agencyId']}
            />
            <SelectField path="partner.level" label={t('cases.partners.level')} value={level} onValueChange={(value) => setLevel(value as PartnerLevel)} options={codeOptions(t, PARTNER_LEVELS, accessLabel)} error={errors?.fields['body.level']} />
          </div>
          <p className="hint">{t('cases.partners.levelsExplained')}</p>
          <SubmitButton busy={grant.isPending} busyLabel={t('common.saving')}>
            {t('cases.partners.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
