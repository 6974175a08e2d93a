import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatDateTime } from '../../components/format.ts';
import { TipFlags } from './TipFlags.tsx';
import { channelLabel, concernLabel, formatMinutes } from './tipLabels.ts';
import type { TipSummary } from './tipTypes.ts';

const isUrgent = (tip: TipSummary) => tip.priority === 'urgent' || tip.immediateDanger;

export function TipsTable({ tips, filtered }: { tips: TipSummary[]; filtered: boolean }) {
  const { t } = useTranslation();
  if (tips.length === 0) return <p className="empty">{filtered ? t('tips.queue.noneMatch') : t('tips.queue.none')}</p>;
  return (
    <ScrollRegion label={t('tips.queue.title')}>
      <table className="table table-tips">
        <caption className="visually-hidden">{t('tips.queue.caption', { count: tips.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tips.fields.tip')}</th>
            <th scope="col">{t('tips.fields.received')}</th>
            <th scope="col">{t('tips.fields.priority')}</th>
            <th scope="col">{t('tips.fields.concern')}</th>
            <th scope="col">{t('tips.fields.where')}</th>
            <th scope="col">{t('tips.fields.assignedTo')}</th>
            <th scope="col">{t('tips.fields.unread')}</th>
          </tr>
        </thead>
        <tbody>
          {tips.map((tip) => (
            <tr key={tip.id} className={isUrgent(tip) ? 'row-urgent' : undefined}>
              <th scope="row">
                <Link to={`/tips/${tip.id}`}>{t('tips.number', { number: tip.number })}</Link>
                {tip.summary && <div className="muted small tip-summary">{tip.summary}</div>}
              </th>
              <td>
                <div className="nowrap">{formatDateTime(tip.receivedAt)}</div>
                <div className="small">{t('tips.queue.via', { channel: channelLabel(t, tip.channel) })}</div>
                <div className="small">{t('tips.queue.waiting', { time: formatMinutes(t, tip.minutesSinceReceipt) })}</div>
              </td>
              <td>
                <TipFlags tip={tip} />
              </td>
              <td>{concernLabel(t, tip.concernType)}</td>
              <td>{[tip.city, tip.zip].filter(Boolean).join(' ') || <span className="muted">{t('tips.unknown')}</span>}</td>
              <td>
                {tip.assignedAgency ? tip.assignedAgency.name : <span className="muted">{t('tips.notAssigned')}</span>}
                {tip.assignedUser && <div className="small">{tip.assignedUser.name}</div>}
              </td>
              <td>
                {tip.unreadReporterMessages > 0 ? (
                  <span className="badge badge-info">{t('tips.queue.unread', { count: tip.unreadReporterMessages })}</span>
                ) : (
                  <span className="muted">{t('tips.queue.noUnread')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
