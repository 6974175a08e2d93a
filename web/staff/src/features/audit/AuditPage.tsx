import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_FILTER_KEYS, useAuditTrail, type AuditFilters } from './auditApi.ts';

function filtersFrom(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as AuditFilters;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const trail = useAuditTrail(filters);
  const [status, setStatus] = useState<string | null>(null);

  const applyFilters = (next: AuditFilters) => {
    const params = new URLSearchParams();
    for (const key of AUDIT_FILTER_KEYS) if (next[key].trim()) params.set(key, next[key].trim());
    setStatus(null);
    setSearchParams(params);
  };

  const loadOlder = async () => {
    const before = trail.data?.pages.reduce((sum, page) => sum + page.entries.length, 0) ?? 0;
    const result = await trail.fetchNextPage();
    const after = result.data?.pages.reduce((sum, page) => sum + page.entries.length, 0) ?? before;
    setStatus(t('audit.loadedOlder', { count: after - before }));
  };

  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = AUDIT_FILTER_KEYS.some((key) => filters[key]);

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <AuditFiltersForm key={searchParams.toString()} filters={filters} onApply={applyFilters} />
      {trail.isPending && <Loading />}
      {trail.isError && <LoadError error={trail.error} />}
      {trail.data && <AuditTable entries={entries} filtered={filtered} />}
      <StatusMessage message={status} />
      {trail.hasNextPage && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => void loadOlder()} aria-disabled={trail.isFetchingNextPage || undefined}>
            {trail.isFetchingNextPage ? t('common.loading') : t('audit.loadOlder')}
          </button>
        </p>
      )}
    </Page>
  );
}
