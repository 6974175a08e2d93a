import { useTranslation } from 'react-i18next';
import { accessLabel, caseStatusLabel } from './caseLabels.ts';
import type { CaseAccess, CaseStatus } from './caseTypes.ts';

const STATUS_BADGE: Record<CaseStatus, string> = { open: 'badge badge-info', active: 'badge badge-ok', closed: 'badge badge-off', referred: 'badge badge-off' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_BADGE[status] ?? 'badge'}>{caseStatusLabel(t, status)}</span>;
}

/** The viewer's access, in words: "Your access: read". */
export function AccessBadge({ access }: { access: CaseAccess }) {
  const { t } = useTranslation();
  return <span className="badge badge-access">{t('cases.yourAccess', { level: accessLabel(t, access) })}</span>;
}

/** Potential and confirmed victims are counted apart, never added together. */
export function CaseCounts({ counts }: { counts: { potentialVictims: number; confirmedVictims: number; suspects: number } }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list case-counts">
      <li>{t('cases.counts.potential', { count: counts.potentialVictims })}</li>
      <li>{t('cases.counts.confirmed', { count: counts.confirmedVictims })}</li>
      <li>{t('cases.counts.suspects', { count: counts.suspects })}</li>
    </ul>
  );
}
