import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { formatMinutes, statusLabel } from './tipLabels.ts';
import type { TipDetail } from './tipTypes.ts';

/** The service-level clock: how long the tip has waited and how soon someone first looked at it. */
export function TipClock({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card tip-clock" aria-labelledby="tip-clock-heading">
      <h2 id="tip-clock-heading">{t('tips.clock.title')}</h2>
      {tip.reviewOverdue && <p className="notice notice-danger">{t('tips.clock.overdue')}</p>}
      <dl className="details details-stacked">
        <div>
          <dt>{t('tips.fields.status')}</dt>
          <dd>
            {statusLabel(t, tip.status)}
            {tip.closedReason && <div className="small">{t('tips.clock.closedReason', { reason: tip.closedReason })}</div>}
          </dd>
        </div>
        <div>
          <dt>{t('tips.fields.received')}</dt>
          <dd>{formatDateTime(tip.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('tips.clock.sinceReceipt')}</dt>
          <dd data-testid="tip-since-receipt">{formatMinutes(t, tip.minutesSinceReceipt)}</dd>
        </div>
        <div>
          <dt>{t('tips.clock.toFirstReview')}</dt>
          <dd>{tip.minutesToFirstReview === null ? t('tips.clock.notReviewed') : formatMinutes(t, tip.minutesToFirstReview)}</dd>
        </div>
        <div>
          <dt>{t('tips.fields.assignedTo')}</dt>
          <dd>
            {tip.assignedAgency?.name ?? t('tips.notAssigned')}
            {tip.assignedUser && <div className="small">{tip.assignedUser.name}</div>}
          </dd>
        </div>
      </dl>
    </section>
  );
}
