import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isRefetch } from '../../api/polling.ts';
import { casesKey } from '../cases/casesApi.ts';
import type { PartnerLevel } from '../cases/caseTypes.ts';
import { notificationsKey } from '../notifications/notificationsApi.ts';
import type { Hit, HitStatus } from './deconflictionTypes.ts';

export const hitsKey = ['deconfliction', 'hits'] as const;

/** How often an open case page asks for hits, so the other investigator hears of one within seconds. */
export const HIT_POLL_MS = 5_000;

/** The viewer's agency's hits (every hit for coordinators), or one case's; `poll` asks again every few seconds. */
export function useHits(options: { status?: HitStatus | ''; caseId?: string; enabled?: boolean; poll?: boolean } = {}) {
  const status = options.status || undefined;
  const caseId = options.caseId;
  return useQuery({
    queryKey: [...hitsKey, 'list', status ?? 'all', caseId ?? 'any'],
    enabled: options.enabled ?? true,
    queryFn: async (context) => (await api.get<{ hits: Hit[] }>('/api/deconfliction/hits', { signal: context.signal, query: { status, caseId, limit: 200 }, background: isRefetch(context) })).hits,
    refetchInterval: options.poll ? HIT_POLL_MS : false,
  });
}

export function useHit(id: string) {
  return useQuery({ queryKey: [...hitsKey, 'one', id], queryFn: () => api.get<Hit>(`/api/deconfliction/hits/${encodeURIComponent(id)}`) });
}

/** An answer changes the hit, may share both cases, and sends notifications: all of those are asked again. */
function useHitAnswered() {
  const client = useQueryClient();
  return (hit: Hit) => {
    client.setQueryData([...hitsKey, 'one', hit.id], hit);
    void client.invalidateQueries({ queryKey: [...hitsKey, 'list'] });
    void client.invalidateQueries({ queryKey: casesKey });
    void client.invalidateQueries({ queryKey: notificationsKey });
  };
}

export function useAgreeToShare() {
  const answered = useHitAnswered();
  return useMutation({
    mutationFn: ({ hitId, level }: { hitId: string; level: PartnerLevel }) => api.post<Hit>(`/api/deconfliction/hits/${encodeURIComponent(hitId)}/agree`, { level }),
    onSuccess: answered,
  });
}

export function useDeclineToShare() {
  const answered = useHitAnswered();
  return useMutation({ mutationFn: (hitId: string) => api.post<Hit>(`/api/deconfliction/hits/${encodeURIComponent(hitId)}/decline`), onSuccess: answered });
}
