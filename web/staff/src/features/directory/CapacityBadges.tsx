import { useTranslation } from 'react-i18next';
import { capacityText, serviceTypeLabel, updatedAgo } from './directoryLabels.ts';
import type { Capacity } from './directoryTypes.ts';

/** Free beds and slots at a glance: green when free and fresh, grey when full, a warning when old. */
export function CapacityBadges({ capacity, highlight }: { capacity: Capacity[]; highlight?: string }) {
  const { t } = useTranslation();
  if (capacity.length === 0) return <p className="muted small">{t('directory.capacity.unknown')}</p>;
  const shown = highlight ? [...capacity].sort((a, b) => Number(b.serviceType === highlight) - Number(a.serviceType === highlight)) : capacity;
  return (
    <ul className="capacity-list">
      {shown.map((c) => (
        <li key={c.serviceType} className="capacity-item">
          <span className={`badge ${c.stale ? 'badge-warn' : c.available > 0 ? 'badge-ok' : 'badge-off'}`}>{capacityText(t, c)}</span>{' '}
          <span className="small">
            {serviceTypeLabel(t, c.serviceType)} · {c.stale ? <strong>{t('directory.capacity.stale', { ago: updatedAgo(t, c.updatedAt) })}</strong> : updatedAgo(t, c.updatedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
