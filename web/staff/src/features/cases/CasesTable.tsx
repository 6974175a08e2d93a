import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatDate } from '../../components/format.ts';
import { atLeast } from './caseAbilities.ts';
import { CaseStatusBadge } from './CaseBadges.tsx';
import { accessLabel, caseNumber, traffickingLabel } from './caseLabels.ts';
import type { CaseSummary } from './caseTypes.ts';

/**
 * The list of cases. Potential and confirmed victims sit in columns of their own, never added together. A case
 * seen only in the list (coordinators) is a row without a link: its content is not theirs to open.
 */
export function CasesTable({ cases, filtered }: { cases: CaseSummary[]; filtered: boolean }) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="empty">{filtered ? t('cases.list.noneMatch') : t('cases.list.none')}</p>;
  return (
    <ScrollRegion label={t('cases.list.title')}>
      <table className="table table-cases">
        <caption className="visually-hidden">{t('cases.list.caption', { count: cases.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.fields.case')}</th>
            <th scope="col">{t('cases.fields.leadAgency')}</th>
            <th scope="col">{t('cases.fields.status')}</th>
            <th scope="col">{t('cases.fields.access')}</th>
            <th scope="col">{t('cases.fields.potentialVictims')}</th>
            <th scope="col">{t('cases.fields.confirmedVictims')}</th>
            <th scope="col">{t('cases.fields.suspects')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {atLeast(item.access, 'summary') ? (
                  <Link to={`/cases/${item.id}`}>
                    {caseNumber(t, item.number)}: {item.title}
                  </Link>
                ) : (
                  <span>
                    {caseNumber(t, item.number)}: {item.title}
                  </span>
                )}
                <div className="small muted">
                  {traffickingLabel(t, item.traffickingType)} · {t('cases.list.updated', { date: formatDate(item.updatedAt) })}
                </div>
              </th>
              <td>{item.leadAgency.name}</td>
              <td>
                <CaseStatusBadge status={item.status} />
              </td>
              <td>
                {accessLabel(t, item.access)}
                {item.access === 'list' && <div className="small muted">{t('cases.list.listOnly')}</div>}
              </td>
              <td className="number">{item.counts.potentialVictims}</td>
              <td className="number">{item.counts.confirmedVictims}</td>
              <td className="number">{item.counts.suspects}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
