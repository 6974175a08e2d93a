import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { categoryLabel } from '../survivors/survivorLabels.ts';
import type { Consent, Survivor } from '../survivors/survivorTypes.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { consentFormUrl, useRevokeConsent } from './consentsApi.ts';

const STATE_BADGE: Record<Consent['state'], string> = { active: 'badge badge-ok', pending: 'badge badge-info', expired: 'badge badge-off', revoked: 'badge badge-danger' };

/** The consent ledger for this record: who may read which categories until when; revoking takes effect at once. */
export function ConsentsSection({ survivor, canManage }: { survivor: Survivor; canManage: boolean }) {
  const { t } = useTranslation();
  const revoke = useRevokeConsent(survivor.id);
  const [status, setStatus] = useState<string | null>(null);
  const consents = survivor.consents ?? [];

  const revokeNow = (consent: Consent) => {
    if (revoke.isPending) return;
    revoke.mutate(consent.id, { onSuccess: () => setStatus(t('consents.revoked', { agency: consent.recipientAgency.name })), onError: (e) => setStatus(describeError(t, e)) });
  };

  return (
    <section className="card" aria-labelledby="survivor-consents-heading">
      <h2 id="survivor-consents-heading">{t('consents.title')}</h2>
      <p className="small muted">{t('consents.lead')}</p>
      <StatusMessage message={status} />
      {consents.length === 0 ? (
        <p className="muted">{t('consents.none')}</p>
      ) : (
        <ul className="plain-list">
          {consents.map((c) => (
            <li key={c.id} className="record-item" aria-label={t('consents.itemLabel', { agency: c.recipientAgency.name })}>
              <div className="record-head">
                <strong>{c.recipientAgency.name}</strong>
                <span className={STATE_BADGE[c.state]}>{t(`consents.states.${c.state}`)}</span>
              </div>
              <p className="small">{c.categories.map((cat) => categoryLabel(t, cat)).join(', ')}</p>
              <p className="small muted">
                {t('consents.period', { start: formatDate(c.startsAt), end: formatDate(c.expiresAt) })} · {t(`consents.methods.${c.method}`, { defaultValue: c.method })}
              </p>
              <p className="small narrative">{c.purpose}</p>
              {c.revokedAt && <p className="small">{t('consents.revokedOn', { date: formatDate(c.revokedAt) })}</p>}
              <p className="small">
                {t('consents.printable')}{' '}
                <a href={consentFormUrl(survivor.id, c.id, 'en')} target="_blank" rel="noreferrer" lang="en">
                  English
                </a>{' '}
                ·{' '}
                <a href={consentFormUrl(survivor.id, c.id, 'es')} target="_blank" rel="noreferrer" lang="es">
                  Español
                </a>
              </p>
              {canManage && (c.state === 'active' || c.state === 'pending') && (
                <button type="button" className="button button-danger button-small" onClick={() => revokeNow(c)}>
                  {t('consents.revoke', { agency: c.recipientAgency.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && <ConsentForm survivor={survivor} onRecorded={setStatus} />}
    </section>
  );
}
