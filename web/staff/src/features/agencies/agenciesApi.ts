import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';

export interface AgencyInput {
  name: string;
  shortName: string;
  type: string;
  contactEmail: string;
  contactPhone: string;
}

export const agenciesKey = ['agencies'] as const;

export function useAgencies() {
  return useQuery({
    queryKey: agenciesKey,
    queryFn: async () => (await api.get<{ agencies: Agency[] }>('/api/agencies')).agencies,
  });
}

export function useAgency(id: string) {
  return useQuery({ queryKey: [...agenciesKey, id], queryFn: () => api.get<Agency>(`/api/agencies/${encodeURIComponent(id)}`) });
}

/** Blank optional fields are left out when creating. */
export function createBody(input: AgencyInput): Record<string, string> {
  const body: Record<string, string> = { name: input.name.trim(), type: input.type };
  if (input.shortName.trim()) body.shortName = input.shortName.trim();
  if (input.contactEmail.trim()) body.contactEmail = input.contactEmail.trim();
  if (input.contactPhone.trim()) body.contactPhone = input.contactPhone.trim();
  return body;
}

/** Only what changed is sent; an optional field emptied is sent as null to clear it. */
export function changesBody(agency: Agency, input: AgencyInput): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  if (input.name.trim() !== agency.name) body.name = input.name.trim();
  if (input.type !== agency.type) body.type = input.type;
  for (const key of ['shortName', 'contactEmail', 'contactPhone'] as const) {
    const next = input[key].trim();
    if (next !== (agency[key] ?? '')) body[key] = next || null;
  }
  return body;
}

export function useSaveAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api.patch<Agency>(`/api/agencies/${encodeURIComponent(id)}`, body) : api.post<Agency>('/api/agencies', body),
    onSuccess: (agency) => {
      queryClient.setQueryData([...agenciesKey, agency.id], agency);
      // The list shows the change at once, then refreshes in the background.
      queryClient.setQueryData<Agency[]>(agenciesKey, (list) =>
        list && (list.some((item) => item.id === agency.id) ? list.map((item) => (item.id === agency.id ? agency : item)) : [...list, agency]),
      );
      void queryClient.invalidateQueries({ queryKey: agenciesKey, exact: true });
    },
  });
}
