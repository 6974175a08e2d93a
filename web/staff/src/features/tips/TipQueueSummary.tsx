import { useTranslation } from 'react-i18next';
import { useOpenTips } from './tipsApi.ts';

/** The home page's glance at the queue: how many tips are open and how many urgent ones wait too long. */
export function TipQueueSummary() {
  const { t } = useTranslation();
  const open = useOpenTips(true);
  if (!open.data) return <p className="muted">{open.isError ? t('tips.home.unavailable') : t('common.loading')}</p>;
  const count = open.data.length;
  const overdue = open.data.filter((tip) => tip.reviewOverdue).length;
  return (
    <p className="queue-counts" data-testid="home-tip-counts">
      <span>{count >= 200 ? t('tips.home.openMany', { count }) : t('tips.home.open', { count })}</span>
      {overdue > 0 ? <span className="badge badge-overdue">{t('tips.home.overdue', { count: overdue })}</span> : <span>{t('tips.home.noneOverdue')}</span>}
    </p>
  );
}
