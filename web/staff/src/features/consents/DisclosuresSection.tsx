import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { categoryLabel } from '../survivors/survivorLabels.ts';
import { survivorPath, useSurvivorChanged } from '../survivors/survivorsApi.ts';
import { CONSENT_CATEGORIES, type Disclosure, type Survivor } from '../survivors/survivorTypes.ts';

const BASES = ['court_order', 'mandated_report', 'other_legal_duty'];
const FIELDS = ['body.recipientAgencyId', 'body.recipientDescription', 'body.basis', 'body.legalReference', 'body.categories', 'body.expiresAt', 'body.notice.givenAt', 'body.notice.method'];
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const emptyDraft = () => ({ recipientAgencyId: '', recipientDescription: '', basis: 'court_order', legalReference: '', categories: [] as string[], expiresOn: localDate(new Date(Date.now() + 30 * 86_400_000)), noticeOn: localDate(new Date()), noticeMethod: '' });
type Draft = ReturnType<typeof emptyDraft>;

/**
 * Compelled disclosures (a court order, a mandated report, another legal duty): a case worker asks, a supervisor
 * other than the asker decides, and the notice given to the survivor is recorded.
 */
export function DisclosuresSection({ survivor, canRequest, canDecide }: { survivor: Survivor; canRequest: boolean; canDecide: boolean }) {
  const { t } = useTranslation();
  const changed = useSurvivorChanged(survivor.id);
  const agencies = useAgencies();
  const request = useMutation({ mutationFn: (body: unknown) => api.post<Disclosure>(`${survivorPath(survivor.id)}/disclosures`, body), onSuccess: () => changed() });
  const decide = useMutation({ mutationFn: ({ id, ...body }: { id: string; decision: string; reason: string }) => api.post<Disclosure>(`${survivorPath(survivor.id)}/disclosures/${id}/decide`, body), onSuccess: () => changed() });
  const [draft, setDraft] = useState(emptyDraft);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const disclosures = survivor.disclosures ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.recipientDescription': draft.recipientDescription.trim().length >= 3 ? undefined : t('disclosures.form.recipientRequired'),
      'body.legalReference': draft.legalReference.trim().length >= 3 ? undefined : t('disclosures.form.referenceRequired'),
      'body.categories': draft.categories.length ? undefined : t('consents.form.categoriesRequired'),
      'body.notice.method': draft.noticeMethod.trim().length >= 2 ? undefined : t('disclosures.form.noticeRequired'),
    });
    setErrors(problems);
    if (problems) return;
    request.mutate(
      {
        recipientAgencyId: draft.recipientAgencyId || undefined,
        recipientDescription: draft.recipientDescription.trim(),
        basis: draft.basis,
        legalReference: draft.legalReference.trim(),
        categories: draft.categories,
        expiresAt: new Date(`${draft.expiresOn}T23:59:00`).toISOString(),
        notice: { givenAt: new Date(`${draft.noticeOn}T12:00:00`).toISOString(), method: draft.noticeMethod.trim() },
      },
      { onSuccess: () => { setDraft(emptyDraft()); setStatus(t('disclosures.requested')); }, onError: (e) => setErrors(fromApiError(t, e, FIELDS)) },
    );
  };

  const answer = (d: Disclosure, decision: 'approved' | 'refused') => {
    const reason = (reasons[d.id] ?? '').trim();
    if (reason.length < 3) return setStatus(t('disclosures.reasonRequired'));
    decide.mutate({ id: d.id, decision, reason }, { onSuccess: () => setStatus(t(`disclosures.decided.${decision}`)), onError: (e) => setStatus(describeError(t, e)) });
  };

  return (
    <section className="card" aria-labelledby="survivor-disclosures-heading">
      <h2 id="survivor-disclosures-heading">{t('disclosures.title')}</h2>
      <StatusMessage message={status} />
      {disclosures.length === 0 ? (
        <p className="muted">{t('disclosures.none')}</p>
      ) : (
        <ul className="plain-list">
          {disclosures.map((d) => (
            <li key={d.id} className="record-item" aria-label={t('disclosures.itemLabel', { recipient: d.recipientDescription })}>
              <div className="record-head">
                <strong>{d.recipientDescription}</strong>
                <span className={d.status === 'approved' ? 'badge badge-warn' : 'badge badge-info'}>{t(`disclosures.status.${d.status}`, { defaultValue: d.status })}</span>
              </div>
              <p className="small">
                {t(`disclosures.bases.${d.basis}`)}: {d.legalReference}
              </p>
              <p className="small muted">
                {d.categories.map((c) => categoryLabel(t, c)).join(', ')} · {t('disclosures.until', { date: formatDate(d.expiresAt) })}
              </p>
              {canDecide && d.status === 'requested' && (
                <div className="entry-form">
                  <TextField path={`disclosure.${d.id}.reason`} label={t('disclosures.reason')} hint={t('disclosures.reasonHint')} value={reasons[d.id] ?? ''} onValueChange={(v) => setReasons((old) => ({ ...old, [d.id]: v }))} />
                  <div className="button-row">
                    <button type="button" className="button button-primary button-small" onClick={() => answer(d, 'approved')}>
                      {t('disclosures.approve')}
                    </button>
                    <button type="button" className="button button-secondary button-small" onClick={() => answer(d, 'refused')}>
                      {t('disclosures.refuse')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRequest && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="disclosure-form-heading">
          <h3 id="disclosure-form-heading">{t('disclosures.form.title')}</h3>
          <p className="hint">{t('disclosures.form.hint')}</p>
          <FormAlert errors={errors} />
          <TextField path="disclosure.recipientDescription" label={t('disclosures.form.recipient')} hint={t('disclosures.form.recipientHint')} value={draft.recipientDescription} onValueChange={set('recipientDescription')} error={errors?.fields['body.recipientDescription']} />
          <SelectField path="disclosure.recipientAgencyId" label={t('disclosures.form.agency')} hint={t('disclosures.form.agencyHint')} value={draft.recipientAgencyId} onValueChange={set('recipientAgencyId')} options={[{ value: '', label: t('disclosures.form.noAgency') }, ...(agencies.data ?? []).filter((a) => a.isActive && a.id !== survivor.agency.id).map((a) => ({ value: a.id, label: a.name }))]} error={errors?.fields['body.recipientAgencyId']} />
          <SelectField path="disclosure.basis" label={t('disclosures.form.basis')} value={draft.basis} onValueChange={set('basis')} options={BASES.map((b) => ({ value: b, label: t(`disclosures.bases.${b}`) }))} />
          <TextField path="disclosure.legalReference" label={t('disclosures.form.reference')} hint={t('disclosures.form.referenceHint')} value={draft.legalReference} onValueChange={set('legalReference')} error={errors?.fields['body.legalReference']} />
          <CheckboxGroup path="disclosure.categories" legend={t('consents.form.categories')} options={CONSENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} selected={draft.categories} onSelectedChange={set('categories')} error={errors?.fields['body.categories']} />
          <TextField path="disclosure.expiresAt" label={t('consents.form.expiresOn')} type="date" className="input-short" value={draft.expiresOn} onValueChange={set('expiresOn')} error={errors?.fields['body.expiresAt']} />
          <div className="field-row">
            <TextField path="disclosure.notice.givenAt" label={t('disclosures.form.noticeOn')} type="date" className="input-short" value={draft.noticeOn} onValueChange={set('noticeOn')} error={errors?.fields['body.notice.givenAt']} />
            <TextField path="disclosure.notice.method" label={t('disclosures.form.noticeMethod')} hint={t('disclosures.form.noticeMethodHint')} value={draft.noticeMethod} onValueChange={set('noticeMethod')} error={errors?.fields['body.notice.method']} />
          </div>
          <SubmitButton busy={request.isPending} busyLabel={t('common.saving')}>
            {t('disclosures.form.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
