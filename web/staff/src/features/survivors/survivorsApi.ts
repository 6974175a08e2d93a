import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { NewSurvivor, ScreeningQuestions, Survivor, SurvivorSummary } from './survivorTypes.ts';

export const survivorsKey = ['survivors'] as const;
export const survivorKey = (id: string) => [...survivorsKey, 'one', id] as const;
export const survivorPath = (id: string) => `/api/survivors/${encodeURIComponent(id)}`;

/** `q` is an exact match through the blind indexes: a whole name, a date of birth, a phone, an email. */
export function useSurvivorList(q: string) {
  return useQuery({
    queryKey: [...survivorsKey, 'list', q],
    queryFn: async ({ signal }) => (await api.get<{ survivors: SurvivorSummary[] }>('/api/survivors', { signal, query: { q: q.trim().length >= 2 ? q.trim() : undefined, limit: 200 } })).survivors,
    gcTime: 0,
  });
}

export function useSurvivor(id: string) {
  // Never kept once the page is left: a consent revoked elsewhere must take the record away at the next look,
  // without the old answer showing while the new one comes.
  return useQuery({ queryKey: survivorKey(id), queryFn: () => api.get<Survivor>(survivorPath(id)), staleTime: 0, gcTime: 0, retry: false });
}

export function useScreeningQuestions() {
  return useQuery({ queryKey: [...survivorsKey, 'screening-questions'], queryFn: () => api.get<ScreeningQuestions>('/api/survivors/screening-questions'), staleTime: Infinity });
}

/** Most changes answer with the whole record, which the page shows at once. */
export function useSurvivorChanged(id: string) {
  const client = useQueryClient();
  return (next?: Survivor) => {
    if (next) client.setQueryData(survivorKey(id), next);
    else void client.invalidateQueries({ queryKey: survivorKey(id) });
    void client.invalidateQueries({ queryKey: [...survivorsKey, 'list'] });
  };
}

export function useCreateSurvivor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSurvivor) => api.post<Survivor>('/api/survivors', input),
    onSuccess: (created) => {
      client.setQueryData(survivorKey(created.id), created);
      void client.invalidateQueries({ queryKey: [...survivorsKey, 'list'] });
    },
  });
}

/** A POST or PATCH under the record that answers with the record. */
export function useSurvivorWork<Input>(id: string, method: 'post' | 'patch', path: (input: Input) => string, body: (input: Input) => unknown = (input) => input) {
  const changed = useSurvivorChanged(id);
  return useMutation({ mutationFn: (input: Input) => api[method]<Survivor>(`${survivorPath(id)}${path(input)}`, body(input)), onSuccess: changed });
}
