import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { CASE_PERMISSIONS } from './caseAbilities.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CasesTable } from './CasesTable.tsx';
import { CASE_FILTER_KEYS, useCaseList, type CaseFilters } from './casesApi.ts';
import './cases.css';

function filtersFrom(params: URLSearchParams): CaseFilters {
  return Object.fromEntries(CASE_FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as CaseFilters;
}

export function CasesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const list = useCaseList(filters);
  const seesEveryCase = hasAnyPermission(me, 'read:case-list:any');

  const applyFilters = (next: CaseFilters) => {
    const params = new URLSearchParams();
    for (const key of CASE_FILTER_KEYS) if (next[key].trim() && !(key === 'scope' && next[key] === 'all')) params.set(key, next[key].trim());
    setSearchParams(params);
  };

  return (
    <Page
      title={t('cases.list.title')}
      lead={seesEveryCase ? t('cases.list.leadAny') : t('cases.list.leadOwn', { agency: me.agency.name })}
      actions={
        hasAnyPermission(me, ...CASE_PERMISSIONS.create) && (
          <Link to="/cases/new" className="button button-primary">
            {t('cases.list.new')}
          </Link>
        )
      }
    >
      <CaseFiltersForm key={searchParams.toString()} filters={filters} onApply={applyFilters} />
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data && <CasesTable cases={list.data} filtered={CASE_FILTER_KEYS.some((key) => filters[key] && !(key === 'scope' && filters[key] === 'all'))} />}
    </Page>
  );
}
