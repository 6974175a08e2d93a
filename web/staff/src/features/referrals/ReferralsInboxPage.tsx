import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { formatDate } from '../../components/format.ts';
import { useSignedInUser } from '../auth/session.ts';
import { referralBadge, referralServiceLabel, referralStatusLabel } from './referralLabels.ts';
import { useReferrals } from './referralsApi.ts';
import '../survivors/survivors.css';

/** Referrals to this agency's providers (the inbox) and those this agency sent. */
export function ReferralsInboxPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'sent' ? 'sent' : 'inbox';
  const list = useReferrals(box);

  return (
    <Page title={t('referrals.inbox.title')} lead={t(box === 'sent' ? 'referrals.inbox.leadSent' : 'referrals.inbox.leadInbox', { agency: me.agency.name })}>
      <div className="button-row box-switch" role="group" aria-label={t('referrals.inbox.boxes')}>
        <button type="button" className={box === 'inbox' ? 'button button-primary button-small' : 'button button-secondary button-small'} aria-pressed={box === 'inbox'} onClick={() => setParams({})}>
          {t('referrals.inbox.inbox')}
        </button>
        <button type="button" className={box === 'sent' ? 'button button-primary button-small' : 'button button-secondary button-small'} aria-pressed={box === 'sent'} onClick={() => setParams({ box: 'sent' })}>
          {t('referrals.inbox.sent')}
        </button>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data && list.data.length === 0 && <p className="empty">{t(box === 'sent' ? 'referrals.inbox.noneSent' : 'referrals.inbox.none')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="card">
          <ul className="plain-list">
            {list.data.map((r) => (
              <li key={r.id} className="record-item">
                <div className="record-head">
                  <Link to={`/referrals/${r.id}`}>{t('referrals.inbox.item', { service: referralServiceLabel(t, r.serviceType), provider: r.provider?.name ?? t('referrals.noProvider') })}</Link>
                  <span className={referralBadge(r.status)}>{referralStatusLabel(t, r.status)}</span>
                </div>
                <p className="small muted">{t(box === 'sent' ? 'referrals.inbox.to' : 'referrals.inbox.from', { agency: box === 'sent' ? r.toAgency?.name ?? '—' : r.fromAgency.name, date: formatDate(r.sentAt ?? r.createdAt) })}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Page>
  );
}
