import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import type { Case, CasePatch, CaseSummary, NewCase, PartnerLevel } from './caseTypes.ts';

export const casesKey = ['cases'] as const;
export const caseKey = (id: string) => [...casesKey, 'one', id] as const;
const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** The list's filters as they sit in the address, so a filtered list can be shared or reloaded. */
export interface CaseFilters {
  scope: string;
  status: string;
  traffickingType: string;
  q: string;
}

export const CASE_FILTER_KEYS = ['scope', 'status', 'traffickingType', 'q'] as const;

export function useCaseList(filters: CaseFilters) {
  return useQuery({
    queryKey: [...casesKey, 'list', filters],
    queryFn: async ({ signal }) =>
      (await api.get<{ cases: CaseSummary[] }>('/api/cases', { signal, query: { ...filters, scope: filters.scope || 'all', q: filters.q.trim(), limit: 200 } })).cases,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api.get<Case>(casePath(id)) });
}

/**
 * Something in the case changed: the case, its timeline and its chart are asked again (the list too, for its
 * counts). `next` is the case as the server answered, when the change answered it.
 */
export function useCaseChanged(id: string) {
  const client = useQueryClient();
  return (next?: Case) => {
    if (next) client.setQueryData(caseKey(id), next);
    else void client.invalidateQueries({ queryKey: caseKey(id) });
    void client.invalidateQueries({ queryKey: [...casesKey, 'timeline', id] });
    void client.invalidateQueries({ queryKey: [...casesKey, 'graph', id] });
    void client.invalidateQueries({ queryKey: [...casesKey, 'list'] });
  };
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCase) => api.post<Case>('/api/cases', input),
    onSuccess: (created) => {
      client.setQueryData(caseKey(created.id), created);
      void client.invalidateQueries({ queryKey: [...casesKey, 'list'] });
    },
  });
}

/** Opens a case from a tip: its report, people, identifiers and files come along, and the two are linked. */
export function useOpenCaseFromTip(tipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Case>('/api/cases/from-tip', { tipId }),
    onSuccess: (created) => {
      client.setQueryData(caseKey(created.id), created);
      void client.invalidateQueries({ queryKey: [...casesKey, 'list'] });
      // The tip now links to the case.
      void client.invalidateQueries({ queryKey: ['tips'] });
    },
  });
}

export function useUpdateCase(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({ mutationFn: (patch: CasePatch) => api.patch<Case>(casePath(id), patch), onSuccess: changed });
}

export function useGrantPartner(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({ mutationFn: (grant: { agencyId: string; level: PartnerLevel }) => api.post<Case>(`${casePath(id)}/partners`, grant), onSuccess: changed });
}

export function useRevokePartner(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({
    mutationFn: (agencyId: string) => apiRequest<Case>(`${casePath(id)}/partners/${encodeURIComponent(agencyId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function useAssignPerson(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({ mutationFn: (input: { userId: string; role: 'lead' | 'member' }) => api.post<Case>(`${casePath(id)}/assignments`, input), onSuccess: changed });
}

export function useUnassignPerson(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({
    mutationFn: (userId: string) => apiRequest<Case>(`${casePath(id)}/assignments/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}
