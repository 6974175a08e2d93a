import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { referralStatusLabel } from '../referrals/referralLabels.ts';
import { survivorPath, useSurvivorChanged } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

/**
 * Safe Harbor for a minor: marked a minor victim, referred to child welfare rather than the justice system, with
 * the mandated report due. A supervisor may override the routing, with a reason that is audited.
 */
export function SafeHarborSection({ survivor, canOverride }: { survivor: Survivor; canOverride: boolean }) {
  const { t } = useTranslation();
  const changed = useSurvivorChanged(survivor.id);
  const override = useMutation({ mutationFn: (reason: string) => api.post(`${survivorPath(survivor.id)}/safe-harbor/override`, { reason }), onSuccess: () => changed() });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const facts = survivor.facts;
  if (!facts?.isMinor) return null;
  const referral = survivor.referrals?.find((r) => r.kind === 'child_welfare' && r.status !== 'withdrawn') ?? null;
  const report = survivor.tasks?.find((task) => task.kind === 'mandated_report') ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (override.isPending) return;
    const problems = fromFieldProblems(t, { 'body.reason': reason.trim().length >= 10 ? undefined : t('survivors.safeHarbor.reasonRequired') });
    setErrors(problems);
    if (problems) return;
    override.mutate(reason.trim(), { onSuccess: () => setStatus(t('survivors.safeHarbor.overridden')), onError: (e) => setErrors(fromApiError(t, e, ['body.reason'])) });
  };

  return (
    <section className="card safe-harbor" aria-labelledby="survivor-safe-harbor-heading">
      <h2 id="survivor-safe-harbor-heading">{t('survivors.safeHarbor.title')}</h2>
      <StatusMessage message={status} />
      <p>
        <span className="badge badge-warn">{t('survivors.safeHarbor.minorVictim')}</span> {t(`survivors.safeHarbor.state.${facts.safeHarbor}`, { defaultValue: facts.safeHarbor })}
      </p>
      {survivor.access === 'own' && (
        <ul>
          <li>
            {referral
              ? t('survivors.safeHarbor.referral', { provider: referral.provider?.name ?? t('survivors.safeHarbor.noProvider'), status: referralStatusLabel(t, referral.status) })
              : t('survivors.safeHarbor.noReferral')}
          </li>
          <li>
            {report ? t('survivors.safeHarbor.report', { date: formatDateTime(report.dueAt), status: t(`survivors.tasks.status.${report.status}`, { defaultValue: report.status }) }) : t('survivors.safeHarbor.noReport')}
          </li>
        </ul>
      )}
      {canOverride && facts.safeHarbor === 'routed' && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="safe-harbor-override-heading">
          <h3 id="safe-harbor-override-heading">{t('survivors.safeHarbor.overrideTitle')}</h3>
          <FormAlert errors={errors} />
          <TextAreaField path="body.reason" label={t('survivors.safeHarbor.reason')} hint={t('survivors.safeHarbor.reasonHint')} rows={3} value={reason} onValueChange={setReason} error={errors?.fields['body.reason']} />
          <SubmitButton busy={override.isPending} busyLabel={t('common.saving')} variant="danger">
            {t('survivors.safeHarbor.override')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
