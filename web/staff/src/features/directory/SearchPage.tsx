import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { DirectoryNav } from './DirectoryNav.tsx';
import { ProviderCard } from './ProviderCard.tsx';
import { SearchFiltersForm } from './SearchFiltersForm.tsx';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';
import { SEARCH_KEYS, useDirectorySearch, type SearchFilters } from './directoryApi.ts';

function filtersFrom(params: URLSearchParams): SearchFilters {
  return Object.fromEntries(SEARCH_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as SearchFilters;
}

/** The referral search: a need, a language, the person's age and what else matters, near a place. */
export function SearchPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const asked = SEARCH_KEYS.some((key) => filters[key]) || params.get('all') === '1';
  const search = useDirectorySearch(filters, asked);
  const canRefer = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.refer);

  const apply = (next: SearchFilters) => {
    const query = new URLSearchParams();
    for (const key of SEARCH_KEYS) if (next[key].trim()) query.set(key, next[key].trim());
    if (!query.toString()) query.set('all', '1');
    setParams(query);
  };

  const results = search.data?.results ?? [];
  return (
    <Page title={t('directory.search.title')} lead={t('directory.search.lead')}>
      <DirectoryNav />
      <SearchFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      {!asked && <p className="empty">{t('directory.search.prompt')}</p>}
      {asked && search.isPending && <Loading />}
      {search.isError && <LoadError error={search.error} />}
      {search.data && (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" className="results-heading" aria-live="polite">
            {search.data.near ? t('directory.search.resultsNear', { count: results.length, place: search.data.near.label }) : t('directory.search.results', { count: results.length })}
          </h2>
          {results.length === 0 ? (
            <p className="empty">{t('directory.search.none')}</p>
          ) : (
            <ol className="result-list">
              {results.map((provider) => (
                <li key={provider.id}>
                  <ProviderCard provider={provider} need={filters.need} canRefer={canRefer} carry={{ age: filters.age, language: filters.language }} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Page>
  );
}
