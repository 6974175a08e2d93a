import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isRefetch } from '../../api/polling.ts';
import type { HotlineReport, ReporterContact, TipDetail, TipSummary, TriageChange } from './tipTypes.ts';

export const tipsKey = ['tips'] as const;

/** The queue's filters as they sit in the address, so a link to a filtered queue can be shared. */
export interface TipFilters {
  /** Empty for open tips, `all` for every tip, or one status. */
  status: string;
  concernType: string;
  channel: string;
  agencyId: string;
  campaign: string;
  from: string;
  to: string;
  q: string;
}

export const TIP_FILTER_KEYS = ['status', 'concernType', 'channel', 'agencyId', 'campaign', 'from', 'to', 'q'] as const;

export const PAGE_SIZE = 50;

function queueQuery(filters: TipFilters) {
  const { status, ...rest } = filters;
  return {
    ...rest,
    status: status && status !== 'all' ? status : undefined,
    open: status === 'all' ? 'false' : undefined,
    q: filters.q.trim(),
    campaign: filters.campaign.trim(),
  };
}

/** The queue, a page at a time, in the server's order: urgent first, then minors, then the oldest. */
export function useTipQueue(filters: TipFilters) {
  return useInfiniteQuery({
    queryKey: [...tipsKey, 'queue', filters],
    initialPageParam: 0,
    // Loading a further page is the person's doing; the first page fetched again is the timer's.
    queryFn: async (context) =>
      (await api.get<{ tips: TipSummary[] }>('/api/tips', { signal: context.signal, query: { ...queueQuery(filters), limit: PAGE_SIZE, offset: context.pageParam }, background: context.pageParam === 0 && isRefetch(context) })).tips,
    getNextPageParam: (last, pages) => (last.length === PAGE_SIZE ? pages.length * PAGE_SIZE : undefined),
    // The clock on each row moves; a coordinator leaves the queue open.
    refetchInterval: 60_000,
  });
}

/** Open tips for the home page's counts: the largest page the server gives. */
export function useOpenTips(enabled: boolean) {
  return useQuery({
    queryKey: [...tipsKey, 'open-count'],
    queryFn: async (context) => (await api.get<{ tips: TipSummary[] }>('/api/tips', { query: { limit: 200 }, background: isRefetch(context) })).tips,
    enabled,
    refetchInterval: 60_000,
  });
}

export function useTip(id: string) {
  return useQuery({ queryKey: [...tipsKey, 'one', id], queryFn: () => api.get<TipDetail>(`/api/tips/${encodeURIComponent(id)}`) });
}

/** Every change answers the tip as it is now; the page shows it at once and the queue refreshes. */
function useTipChanged() {
  const queryClient = useQueryClient();
  return (tip: TipDetail) => {
    queryClient.setQueryData([...tipsKey, 'one', tip.id], tip);
    void queryClient.invalidateQueries({ queryKey: [...tipsKey, 'queue'] });
    void queryClient.invalidateQueries({ queryKey: [...tipsKey, 'open-count'] });
  };
}

export function useTriageTip(id: string) {
  const changed = useTipChanged();
  return useMutation({ mutationFn: (change: TriageChange) => api.patch<TipDetail>(`/api/tips/${encodeURIComponent(id)}`, change), onSuccess: changed });
}

export function useAddNote(id: string) {
  const changed = useTipChanged();
  return useMutation({ mutationFn: (body: string) => api.post<TipDetail>(`/api/tips/${encodeURIComponent(id)}/notes`, { body }), onSuccess: changed });
}

export function useMessageReporter(id: string) {
  const changed = useTipChanged();
  return useMutation({ mutationFn: (body: string) => api.post<TipDetail>(`/api/tips/${encodeURIComponent(id)}/messages`, { body }), onSuccess: changed });
}

export function useMergeTip(id: string) {
  const queryClient = useQueryClient();
  const changed = useTipChanged();
  return useMutation({
    mutationFn: (intoTipId: string) => api.post<TipDetail>(`/api/tips/${encodeURIComponent(id)}/merge`, { intoTipId }),
    onSuccess: (survivor) => {
      changed(survivor);
      void queryClient.invalidateQueries({ queryKey: [...tipsKey, 'one', id] });
    },
  });
}

/** Each look is recorded in the audit trail, so it is asked for on purpose and never cached. */
export function useRevealContact(id: string) {
  return useMutation({
    mutationFn: async () => (await api.get<{ contact: ReporterContact | null }>(`/api/tips/${encodeURIComponent(id)}/contact`)).contact,
  });
}

export function useCreateHotlineTip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: HotlineReport) => api.post<{ tip: TipDetail; receipt: string }>('/api/tips', report),
    onSuccess: ({ tip }) => {
      queryClient.setQueryData([...tipsKey, 'one', tip.id], tip);
      void queryClient.invalidateQueries({ queryKey: [...tipsKey, 'queue'] });
      void queryClient.invalidateQueries({ queryKey: [...tipsKey, 'open-count'] });
    },
  });
}

/** Finds a tip by its number (or takes an id as it is), among the tips the viewer may see. */
export async function findTipId(reference: string): Promise<{ id: string; number: number | null } | null> {
  const text = reference.trim().replace(/^#/, '');
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return { id: text.toLowerCase(), number: null };
  if (!/^\d{1,12}$/.test(text)) return null;
  const { tips } = await api.get<{ tips: TipSummary[] }>('/api/tips', { query: { q: text, open: 'false', limit: 200 } });
  const found = tips.find((tip) => tip.number === Number(text));
  return found ? { id: found.id, number: found.number } : null;
}
