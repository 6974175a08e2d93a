import { useTranslation } from 'react-i18next';
import type { TipSummary } from './tipTypes.ts';
import { priorityLabel, statusLabel } from './tipLabels.ts';

const PRIORITY_BADGE: Record<string, string> = { urgent: 'badge badge-urgent', high: 'badge badge-warn', normal: 'badge', low: 'badge badge-off' };
const STATUS_BADGE: Record<string, string> = { new: 'badge badge-info', under_review: 'badge badge-info', assigned: 'badge badge-ok', closed: 'badge badge-off', merged: 'badge badge-off' };

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return <span className={PRIORITY_BADGE[priority] ?? 'badge'}>{priorityLabel(t, priority)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={STATUS_BADGE[status] ?? 'badge'}>{statusLabel(t, status)}</span>;
}

/** What makes a tip pressing, each said in words (never by colour alone). */
export function TipFlags({ tip, status }: { tip: Pick<TipSummary, 'priority' | 'immediateDanger' | 'minorInvolved' | 'reviewOverdue'>; status?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="tag-list tip-flags">
      {status && (
        <li>
          <StatusBadge status={status} />
        </li>
      )}
      <li>
        <PriorityBadge priority={tip.priority} />
      </li>
      {tip.reviewOverdue && (
        <li>
          <span className="badge badge-overdue">{t('tips.flags.overdue')}</span>
        </li>
      )}
      {tip.immediateDanger && (
        <li>
          <span className="badge badge-danger">{t('tips.flags.danger')}</span>
        </li>
      )}
      {tip.minorInvolved && (
        <li>
          <span className="badge badge-warn">{t('tips.flags.minor')}</span>
        </li>
      )}
    </ul>
  );
}
