import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import { isRefetch } from '../../api/polling.ts';
import type { Capacity, HubDetail, HubSummary, ImportResult, Inquiry, InquiryInput, ProviderDetail, ProviderInput, ProviderSummary, RevealedLocation, SearchResult } from './directoryTypes.ts';

export const directoryKey = ['directory'] as const;
const providerKey = (id: string) => [...directoryKey, 'provider', id] as const;
const hubKey = (id: string) => [...directoryKey, 'hub', id] as const;

/** The referral search's filters as they sit in the address, so a search can be shared or reloaded. */
export interface SearchFilters {
  need: string;
  language: string;
  age: string;
  gender: string;
  immigrationStatus: string;
  near: string;
  radiusKm: string;
  openCapacity: string;
  includeStale: string;
  openNow: string;
}

export const SEARCH_KEYS = ['need', 'language', 'age', 'gender', 'immigrationStatus', 'near', 'radiusKm', 'openCapacity', 'includeStale', 'openNow'] as const;

export function useDirectorySearch(filters: SearchFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...directoryKey, 'search', filters],
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ near: { latitude: number; longitude: number; label: string } | null; results: SearchResult[] }>('/api/directory/search', {
        signal,
        query: { ...filters, near: filters.near.trim(), limit: 50 },
      }),
  });
}

export interface ProviderFilters {
  q: string;
  serviceType: string;
  status: string;
  mine: string;
}

export function useProviders(filters: ProviderFilters) {
  return useQuery({
    queryKey: [...directoryKey, 'providers', filters],
    queryFn: async ({ signal }) => (await api.get<{ providers: ProviderSummary[] }>('/api/directory/providers', { signal, query: { ...filters, q: filters.q.trim(), limit: 200 } })).providers,
  });
}

export function useProvider(id: string) {
  return useQuery({ queryKey: providerKey(id), queryFn: () => api.get<ProviderDetail>(`/api/directory/providers/${encodeURIComponent(id)}`) });
}

/** An entry changed: the page shows the answer at once; lists and searches ask again. */
function useProviderChanged() {
  const client = useQueryClient();
  return (provider: ProviderDetail) => {
    client.setQueryData(providerKey(provider.id), provider);
    void client.invalidateQueries({ queryKey: [...directoryKey, 'providers'] });
    void client.invalidateQueries({ queryKey: [...directoryKey, 'search'] });
    void client.invalidateQueries({ queryKey: [...directoryKey, 'history', provider.id] });
  };
}

export function useSaveProvider(id: string | null) {
  const changed = useProviderChanged();
  return useMutation({
    mutationFn: (input: Partial<ProviderInput>) =>
      id ? api.patch<ProviderDetail>(`/api/directory/providers/${encodeURIComponent(id)}`, input) : api.post<ProviderDetail>('/api/directory/providers', input),
    onSuccess: changed,
  });
}

export function useUpdateCapacity(id: string) {
  const changed = useProviderChanged();
  return useMutation({
    mutationFn: (change: { serviceType: string; available: number; total?: number | null }) => api.post<ProviderDetail>(`/api/directory/providers/${encodeURIComponent(id)}/capacity`, change),
    onSuccess: changed,
  });
}

export function useCapacityHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...directoryKey, 'history', id],
    enabled,
    queryFn: async () => (await api.get<{ history: Array<Pick<Capacity, 'serviceType' | 'available' | 'total'> & { source: string; changedAt: string }> }>(`/api/directory/providers/${encodeURIComponent(id)}/capacity/history`)).history,
  });
}

/** Each look at a confidential address is recorded in the audit trail: asked for on purpose, never cached. */
export function useRevealLocation(id: string) {
  return useMutation({ mutationFn: async () => (await api.get<{ location: RevealedLocation }>(`/api/directory/providers/${encodeURIComponent(id)}/location`)).location });
}

export function useSendInquiry(providerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InquiryInput) => api.post<Inquiry>(`/api/directory/providers/${encodeURIComponent(providerId)}/referral-inquiries`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...directoryKey, 'inquiries'] }),
  });
}

export function useInquiries(box: 'inbox' | 'sent', enabled: boolean) {
  return useQuery({
    queryKey: [...directoryKey, 'inquiries', box],
    enabled,
    queryFn: async (context) => (await api.get<{ inquiries: Inquiry[] }>('/api/directory/inquiries', { signal: context.signal, query: { box, limit: 100 }, background: isRefetch(context) })).inquiries,
    // An inbox left open shows new inquiries as they come.
    refetchInterval: 60_000,
  });
}

function useInquiryChanged() {
  const client = useQueryClient();
  return (inquiry: Inquiry) => {
    void client.invalidateQueries({ queryKey: [...directoryKey, 'inquiries'] });
    if (inquiry.capacityHeld) void client.invalidateQueries({ queryKey: providerKey(inquiry.provider.id) });
  };
}

export function useAnswerInquiry() {
  const changed = useInquiryChanged();
  return useMutation({
    mutationFn: ({ id, ...answer }: { id: string; decision: 'accepted' | 'declined'; note: string | null; holdCapacity: boolean }) =>
      api.post<Inquiry>(`/api/directory/inquiries/${encodeURIComponent(id)}/answer`, answer),
    onSuccess: changed,
  });
}

export function useWithdrawInquiry() {
  const changed = useInquiryChanged();
  return useMutation({ mutationFn: (id: string) => api.post<Inquiry>(`/api/directory/inquiries/${encodeURIComponent(id)}/withdraw`), onSuccess: changed });
}

export function useHubs(all: boolean) {
  return useQuery({ queryKey: [...directoryKey, 'hubs', all], queryFn: async () => (await api.get<{ hubs: HubSummary[] }>('/api/directory/hubs', { query: { all: all ? 'true' : undefined } })).hubs });
}

export function useHub(id: string) {
  return useQuery({ queryKey: hubKey(id), queryFn: () => api.get<HubDetail>(`/api/directory/hubs/${encodeURIComponent(id)}`) });
}

function useHubChanged() {
  const client = useQueryClient();
  return (hub: HubDetail) => {
    client.setQueryData(hubKey(hub.id), hub);
    void client.invalidateQueries({ queryKey: [...directoryKey, 'hubs'] });
    void client.invalidateQueries({ queryKey: [...directoryKey, 'provider'] });
  };
}

export function useSaveHub(id: string | null) {
  const changed = useHubChanged();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => (id ? api.patch<HubDetail>(`/api/directory/hubs/${encodeURIComponent(id)}`, input) : api.post<HubDetail>('/api/directory/hubs', input)),
    onSuccess: changed,
  });
}

export function useAddHubSession(hubId: string) {
  const changed = useHubChanged();
  return useMutation({
    mutationFn: (session: { providerId: string; serviceType: string; days: string[]; opens: string; closes: string; notes: string | null }) =>
      api.post<HubDetail>(`/api/directory/hubs/${encodeURIComponent(hubId)}/sessions`, session),
    onSuccess: changed,
  });
}

export function useRemoveHubSession(hubId: string) {
  const changed = useHubChanged();
  return useMutation({
    mutationFn: (sessionId: string) => apiRequest<HubDetail>(`/api/directory/hubs/${encodeURIComponent(hubId)}/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

/** Sends a file to import as it is: HSDS as JSON, CSV as text. */
export function useImportFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ format, text, dryRun }: { format: 'hsds' | 'csv'; text: string; dryRun: boolean }) =>
      apiRequest<ImportResult>('/api/directory/import', {
        method: 'POST',
        query: { format, dryRun: dryRun ? 'true' : undefined },
        rawBody: { contentType: format === 'csv' ? 'text/csv' : 'application/json', data: text },
      }),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: directoryKey });
    },
  });
}

export const exportUrl = (format: 'hsds' | 'csv') => `/api/directory/export?format=${format}`;
