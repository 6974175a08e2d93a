import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatDate } from '../../components/format.ts';
import { recordStatusLabel, survivorNumber } from './survivorLabels.ts';
import type { SurvivorSummary } from './survivorTypes.ts';

/** The agency's own records and those another agency shares with it; a shared one shows only what is shared. */
export function SurvivorsTable({ survivors, searched }: { survivors: SurvivorSummary[]; searched: boolean }) {
  const { t } = useTranslation();
  if (survivors.length === 0) return <p className="empty">{searched ? t('survivors.list.noneMatch') : t('survivors.list.none')}</p>;
  return (
    <ScrollRegion label={t('survivors.list.title')}>
      <table className="table">
        <caption className="visually-hidden">{t('survivors.list.caption', { count: survivors.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('survivors.fields.record')}</th>
            <th scope="col">{t('survivors.fields.status')}</th>
            <th scope="col">{t('survivors.fields.minor')}</th>
            <th scope="col">{t('survivors.fields.identified')}</th>
            <th scope="col">{t('survivors.fields.access')}</th>
          </tr>
        </thead>
        <tbody>
          {survivors.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/survivors/${item.id}`}>{item.label ? `${survivorNumber(t, item.number)}: ${item.label}` : survivorNumber(t, item.number)}</Link>
              </th>
              <td>{item.status ? recordStatusLabel(t, item.status) : '—'}</td>
              <td>{item.isMinor === null ? '—' : item.isMinor ? <span className="badge badge-warn">{t('survivors.minor')}</span> : t('survivors.adult')}</td>
              <td>{formatDate(item.identifiedAt) || '—'}</td>
              <td>{item.access === 'own' ? t('survivors.access.own') : t('survivors.access.consented', { agency: item.agency.name })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
