import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { hasAnyPermission, PERMISSIONS, useSignedInUser } from '../auth/session.ts';
import { TipFiltersForm } from './TipFiltersForm.tsx';
import { TipsTable } from './TipsTable.tsx';
import { TIP_FILTER_KEYS, useTipQueue, type TipFilters } from './tipsApi.ts';

function filtersFrom(params: URLSearchParams): TipFilters {
  return Object.fromEntries(TIP_FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as TipFilters;
}

export function TipsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const queue = useTipQueue(filters);
  const [status, setStatus] = useState<string | null>(null);
  const seesEveryTip = hasAnyPermission(me, 'read:tip:any');

  const applyFilters = (next: TipFilters) => {
    const params = new URLSearchParams();
    for (const key of TIP_FILTER_KEYS) if (next[key].trim()) params.set(key, next[key].trim());
    setStatus(null);
    setSearchParams(params);
  };

  const loadMore = async () => {
    const before = queue.data?.pages.flat().length ?? 0;
    const result = await queue.fetchNextPage();
    setStatus(t('tips.queue.loadedMore', { count: (result.data?.pages.flat().length ?? before) - before }));
  };

  const tips = queue.data?.pages.flat() ?? [];
  const filtered = TIP_FILTER_KEYS.some((key) => filters[key]);

  return (
    <Page
      title={t('tips.queue.title')}
      lead={seesEveryTip ? t('tips.queue.leadAny') : t('tips.queue.leadOwn', { agency: me.agency.name })}
      actions={
        hasAnyPermission(me, ...PERMISSIONS.createTips) && (
          <Link to="/tips/new" className="button button-primary">
            {t('tips.queue.new')}
          </Link>
        )
      }
    >
      <TipFiltersForm key={searchParams.toString()} filters={filters} showAgency={seesEveryTip} onApply={applyFilters} />
      {queue.isPending && <Loading />}
      {queue.isError && <LoadError error={queue.error} />}
      {queue.data && <TipsTable tips={tips} filtered={filtered} />}
      <StatusMessage message={status} />
      {queue.hasNextPage && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => void loadMore()} aria-disabled={queue.isFetchingNextPage || undefined}>
            {queue.isFetchingNextPage ? t('common.loading') : t('tips.queue.loadMore')}
          </button>
        </p>
      )}
    </Page>
  );
}
