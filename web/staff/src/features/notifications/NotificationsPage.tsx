import { useState } from 'react';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { accessInSentence, identifierKindLabel } from '../cases/caseLabels.ts';
import { contactLine } from '../deconfliction/DeconflictionNotice.tsx';
import { referralServiceLabel } from '../referrals/referralLabels.ts';
import { useMarkRead, useNotifications, type Notification } from './notificationsApi.ts';

/**
 * A deconfliction notification says who holds a matching record and whom to call, never what they hold; it
 * leads to the hit, where the person agrees to share or declines.
 */
function describeDeconfliction(t: TFunction, notification: Notification): { text: string; to: string | null; linkLabel: string } {
  const data = notification.data;
  const hitId = String(data.hitId ?? notification.entityId);
  const to = `/deconfliction/${encodeURIComponent(hitId)}`;
  const agency = String(data.otherAgencyName ?? '');
  if (notification.kind === 'deconfliction.hit') {
    const contact = (data.pointOfContact ?? {}) as { name?: string | null; email?: string | null; phone?: string | null };
    const kind = identifierKindLabel(t, String(data.matchedKind ?? ''));
    return { text: t('notifications.kinds.deconfliction.hit', { agency, contact: contactLine({ name: contact.name ?? agency, email: contact.email ?? null, phone: contact.phone ?? null }), kind }), to, linkLabel: t('notifications.openHit') };
  }
  if (notification.kind === 'deconfliction.share_proposed') {
    return { text: t('notifications.kinds.deconfliction.share_proposed', { agency, level: data.level ? accessInSentence(t, String(data.level)) : '' }), to, linkLabel: t('notifications.answerHit') };
  }
  if (notification.kind === 'deconfliction.shared') return { text: t('notifications.kinds.deconfliction.shared'), to, linkLabel: t('notifications.openHit') };
  return { text: t('notifications.kinds.other', { kind: notification.kind }), to, linkLabel: t('notifications.openHit') };
}

const REFERRAL_KINDS = ['referral.received', 'referral.accepted', 'referral.declined', 'referral.completed', 'referral.withdrawn'];

/** A referral notification names the agencies, the provider and the service, never the survivor. */
function describeReferral(t: TFunction, notification: Notification): { text: string; to: string | null; linkLabel: string } {
  const data = notification.data;
  const values = { from: String(data.fromAgencyName ?? ''), to: String(data.toAgencyName ?? ''), provider: String(data.providerName ?? ''), service: referralServiceLabel(t, String(data.serviceType ?? '')) };
  const to = `/referrals/${encodeURIComponent(String(data.referralId ?? notification.entityId))}`;
  return { text: t(`notifications.kinds.${notification.kind}`, values), to, linkLabel: t('notifications.openReferral') };
}

/** What a notification says, and where it leads. Kinds the app does not know yet are still listed. */
function describe(t: TFunction, notification: Notification): { text: string; to: string | null; linkLabel: string } {
  if (notification.kind === 'tip.urgent_unreviewed') {
    const number = String(notification.data.number ?? '');
    return { text: t('notifications.kinds.tip.urgent_unreviewed', { number }), to: `/tips/${notification.entityId}`, linkLabel: t('notifications.openTip', { number }) };
  }
  if (notification.kind === 'directory.inquiry_received' || notification.kind === 'directory.inquiry_answered') {
    const values = { number: String(notification.data.number ?? ''), provider: String(notification.data.providerName ?? '') };
    const box = notification.kind === 'directory.inquiry_received' ? '' : '?box=sent';
    return { text: t(`notifications.kinds.${notification.kind}`, values), to: `/directory/inquiries${box}`, linkLabel: t('notifications.openInquiries') };
  }
  if (notification.kind.startsWith('deconfliction.')) return describeDeconfliction(t, notification);
  if (REFERRAL_KINDS.includes(notification.kind)) return describeReferral(t, notification);
  return { text: t('notifications.kinds.other', { kind: notification.kind }), to: null, linkLabel: '' };
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const [status, setStatus] = useState<string | null>(null);

  const mark = (id: string) => {
    setStatus(null);
    markRead.mutate(id, { onSuccess: () => setStatus(t('notifications.markedRead')), onError: (error) => setStatus(describeError(t, error)) });
  };

  return (
    <Page title={t('notifications.title')} lead={t('notifications.lead')} width="narrow">
      <StatusMessage message={status} takeFocus />
      {notifications.isPending && <Loading />}
      {notifications.isError && <LoadError error={notifications.error} />}
      {notifications.data && notifications.data.length === 0 && <p className="empty">{t('notifications.none')}</p>}
      {notifications.data && notifications.data.length > 0 && (
        <ul className="notification-list">
          {notifications.data.map((notification) => {
            const { text, to, linkLabel } = describe(t, notification);
            return (
              <li key={notification.id} className={notification.read ? 'notification' : 'notification notification-new'}>
                <p className="notification-text">
                  {!notification.read && <span className="badge badge-info">{t('notifications.unread')}</span>} {text}
                </p>
                <p className="muted small">
                  <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
                </p>
                <div className="button-row">
                  {to && (
                    <Link to={to} onClick={() => !notification.read && markRead.mutate(notification.id)}>
                      {linkLabel}
                    </Link>
                  )}
                  {!notification.read && (
                    <button type="button" className="button button-secondary button-small" onClick={() => mark(notification.id)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
