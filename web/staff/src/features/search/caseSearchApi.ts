import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CaseRef, CaseSummary, EntityKind } from '../cases/caseTypes.ts';

export interface CaseSearchResult {
  /** How the query was read: as which identifiers (normalized), and as a name. */
  query: { identifiers: { kind: string; value: string }[]; name: string };
  cases: (CaseSummary & { matchedOn: string[] })[];
  entities: { id: string; kind: EntityKind; label: string; matchedOn: 'identifier' | 'name'; cases: (CaseRef & { access: string })[] }[];
}

/** Searches cases and entities the person may see; each search is audited (counts and case ids, never the query). */
export function useCaseSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    enabled: text.length >= 2,
    queryFn: ({ signal }) => api.get<CaseSearchResult>('/api/search', { signal, query: { q: text, limit: 50 } }),
  });
}
