import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatTimestamp } from '../../components/format.ts';

const OUTCOME_BADGE: Record<string, string> = { success: 'badge badge-ok', failure: 'badge badge-warn', denied: 'badge badge-danger' };

function detailPairs(details: unknown): [string, string][] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]);
}

export function AuditTable({ entries, filtered }: { entries: AuditEntry[]; filtered: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="empty">{filtered ? t('audit.noneMatch') : t('audit.none')}</p>;
  return (
    <ScrollRegion label={t('audit.title')}>
      <table className="table table-audit">
        <caption className="visually-hidden">{t('audit.tableCaption', { count: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={String(entry.seq)}>
              <td className="nowrap">{formatTimestamp(entry.occurredAt)}</td>
              <td>{entry.actorName ?? (entry.actorUserId ? <code>{entry.actorUserId}</code> : <span className="muted">{t('audit.noActor')}</span>)}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType}
                {entry.entityId && (
                  <div className="muted small">
                    <code>{entry.entityId}</code>
                  </div>
                )}
              </td>
              <td>
                <span className={OUTCOME_BADGE[entry.outcome] ?? 'badge'}>{t(`audit.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}</span>
              </td>
              <td>
                {detailPairs(entry.details).length > 0 && (
                  <dl className="audit-details">
                    {detailPairs(entry.details).map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
