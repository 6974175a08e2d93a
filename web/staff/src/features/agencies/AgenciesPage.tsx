import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatDate } from '../../components/format.ts';
import { agencyTypeLabel } from '../../components/labels.ts';
import { useAgencies } from './agenciesApi.ts';

export function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();

  return (
    <Page
      title={t('agencies.title')}
      lead={t('agencies.lead')}
      actions={
        <Link to="/agencies/new" className="button button-primary">
          {t('agencies.new')}
        </Link>
      }
    >
      {agencies.isPending && <Loading />}
      {agencies.isError && <LoadError error={agencies.error} />}
      {agencies.data && (
        <ScrollRegion label={t('agencies.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('agencies.tableCaption', { count: agencies.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col">{t('agencies.type')}</th>
                <th scope="col">{t('agencies.status')}</th>
                <th scope="col">{t('fields.created')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.data.map((agency) => (
                <tr key={agency.id}>
                  <td>
                    <Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
                    {agency.shortName && <span className="muted"> ({agency.shortName})</span>}
                  </td>
                  <td>{agencyTypeLabel(t, agency.type)}</td>
                  <td>
                    <span className={agency.isActive ? 'badge badge-ok' : 'badge badge-off'}>
                      {agency.isActive ? t('agencies.active') : t('agencies.inactive')}
                    </span>
                  </td>
                  <td>{formatDate(agency.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Page>
  );
}
