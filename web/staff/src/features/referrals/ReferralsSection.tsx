import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import type { Referral, Survivor } from '../survivors/survivorTypes.ts';
import { ReferralForm } from './ReferralForm.tsx';
import { referralBadge, referralServiceLabel, referralStatusLabel } from './referralLabels.ts';
import { useReferralStep } from './referralsApi.ts';

const WITHDRAWABLE = ['draft', 'sent', 'accepted'];

/** The record's referrals to directory providers: draft, send, follow the answer, withdraw. */
export function ReferralsSection({ survivor, canRefer }: { survivor: Survivor; canRefer: boolean }) {
  const { t } = useTranslation();
  const step = useReferralStep();
  const [status, setStatus] = useState<string | null>(null);
  const referrals = survivor.referrals ?? [];
  const to = (r: Referral) => r.provider?.name ?? t('referrals.noProvider');

  const act = (r: Referral, next: 'send' | 'withdraw') => {
    if (step.isPending) return;
    step.mutate({ id: r.id, step: next }, { onSuccess: () => setStatus(t(next === 'send' ? 'referrals.sent' : 'referrals.withdrawn', { provider: to(r) })), onError: (e) => setStatus(describeError(t, e)) });
  };

  return (
    <section className="card" aria-labelledby="survivor-referrals-heading">
      <h2 id="survivor-referrals-heading">{t('referrals.title')}</h2>
      <StatusMessage message={status} />
      {referrals.length === 0 ? (
        <p className="muted">{t('referrals.none')}</p>
      ) : (
        <ul className="plain-list">
          {referrals.map((r) => (
            <li key={r.id} className="record-item" aria-label={t('referrals.itemLabel', { provider: to(r), service: referralServiceLabel(t, r.serviceType) })}>
              <div className="record-head">
                <strong>{to(r)}</strong>
                <span className={referralBadge(r.status)}>{referralStatusLabel(t, r.status)}</span>
              </div>
              <p className="small muted">
                {referralServiceLabel(t, r.serviceType)} · {formatDate(r.sentAt ?? r.createdAt)}
              </p>
              {r.declineReason && <p className="small">{t('referrals.declinedBecause', { reason: r.declineReason })}</p>}
              {r.outcome && <p className="small">{t('referrals.outcomeIs', { outcome: r.outcome })}</p>}
              {canRefer && (
                <div className="button-row">
                  {r.status === 'draft' && r.toAgency && (
                    <button type="button" className="button button-primary button-small" onClick={() => act(r, 'send')}>
                      {t('referrals.send', { provider: to(r) })}
                    </button>
                  )}
                  {WITHDRAWABLE.includes(r.status) && (
                    <button type="button" className="button button-secondary button-small" onClick={() => act(r, 'withdraw')}>
                      {t('referrals.withdraw', { provider: to(r) })}
                    </button>
                  )}
                </div>
              )}
              {r.status === 'draft' && !r.toAgency && <p className="small muted">{t('referrals.notInHaven')}</p>}
            </li>
          ))}
        </ul>
      )}
      {canRefer && <ReferralForm survivorId={survivor.id} onStarted={setStatus} />}
    </section>
  );
}
