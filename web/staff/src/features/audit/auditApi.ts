import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AuditPage } from '../../api/types.ts';

export interface AuditFilters {
  action: string;
  actorUserId: string;
  entityType: string;
  entityId: string;
  outcome: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's time zone, both included. */
  from: string;
  to: string;
}

export const AUDIT_FILTER_KEYS = ['action', 'actorUserId', 'entityType', 'entityId', 'outcome', 'from', 'to'] as const;

const PAGE_SIZE = 50;

function startOfDay(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function endOfDay(day: string): string | undefined {
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The trail, newest first, a page at a time; each further page is older than the last. */
export function useAuditTrail(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/api/audit', {
        signal,
        query: {
          action: filters.action.trim(),
          actorUserId: filters.actorUserId.trim(),
          entityType: filters.entityType.trim(),
          entityId: filters.entityId.trim(),
          outcome: filters.outcome,
          from: filters.from ? startOfDay(filters.from) : undefined,
          to: filters.to ? endOfDay(filters.to) : undefined,
          before: pageParam,
          limit: PAGE_SIZE,
        },
      }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
