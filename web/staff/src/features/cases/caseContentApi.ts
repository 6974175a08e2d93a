import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import { casesKey, useCaseChanged } from './casesApi.ts';
import type { AddedEntity, CaseDocument, Graph, Link, Note, Outcome, SafeHarborCheck, Task, TimelineEvent } from './caseTypes.ts';
import type { EntityInput } from './entities/entityDraft.ts';

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** A new entity (`entity`), or one already known by id (`entityId`), such as a person given a second role. */
export interface AddEntityInput {
  entity?: EntityInput;
  entityId?: string;
  role?: string;
  suspectRoles: string[];
  note?: string;
}

/** The answer says at once which other agencies hold the same target (`deconfliction`). */
export function useAddEntity(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({ mutationFn: (input: AddEntityInput) => api.post<AddedEntity>(`${casePath(caseId)}/entities`, input), onSuccess: () => changed() });
}

export function useRemoveEntity(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (caseEntityId: string) => apiRequest<void>(`${casePath(caseId)}/entities/${encodeURIComponent(caseEntityId)}`, { method: 'DELETE' }),
    onSuccess: () => changed(),
  });
}

export function useAddLink(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (input: { fromEntityId: string; toEntityId: string; type: string; note?: string }) => api.post<Link>(`${casePath(caseId)}/links`, input),
    onSuccess: () => changed(),
  });
}

export function useRemoveLink(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (linkId: string) => apiRequest<void>(`${casePath(caseId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
    onSuccess: () => changed(),
  });
}

/** The link chart; `expand` adds what the given entities link to elsewhere, where the viewer may read it. */
export function useCaseGraph(caseId: string, expand: readonly string[], enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'graph', caseId, expand],
    enabled,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const id of expand) params.append('expand', id);
      const search = params.toString();
      return api.get<Graph>(`${casePath(caseId)}/graph${search ? `?${search}` : ''}`, { signal });
    },
    // Expanding keeps the chart on screen while the larger one loads.
    placeholderData: (previous) => previous,
  });
}

export function useAddTask(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (input: { title: string; details?: string; ownerUserId?: string; dueOn?: string }) => api.post<Task>(`${casePath(caseId)}/tasks`, input),
    onSuccess: () => changed(),
  });
}

export function useUpdateTask(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: ({ taskId, ...patch }: { taskId: string; status?: Task['status']; ownerUserId?: string | null; dueOn?: string | null }) =>
      api.patch<Task>(`${casePath(caseId)}/tasks/${encodeURIComponent(taskId)}`, patch),
    onSuccess: () => changed(),
  });
}

export function useAddCaseNote(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({ mutationFn: (body: string) => api.post<Note>(`${casePath(caseId)}/notes`, { body }), onSuccess: () => changed() });
}

export function useAddDocument(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (input: { title: string; contentBase64: string }) => api.post<CaseDocument>(`${casePath(caseId)}/documents`, input),
    onSuccess: () => changed(),
  });
}

export const documentUrl = (caseId: string, documentId: string) => `${casePath(caseId)}/documents/${encodeURIComponent(documentId)}`;

export function useRecordOutcome(caseId: string) {
  const changed = useCaseChanged(caseId);
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<Outcome>(`${casePath(caseId)}/outcomes`, input), onSuccess: () => changed() });
}

/** The guard's answer for a person on a day: asked when an arrest or charge for commercial sex is refused. */
export function checkSafeHarbor(caseId: string, caseEntityId: string, on: string) {
  return api.get<SafeHarborCheck>(`${casePath(caseId)}/entities/${encodeURIComponent(caseEntityId)}/safe-harbor`, { query: { on } });
}

const TIMELINE_PAGE = 50;

/** The case's story, newest first, a page at a time. */
export function useTimeline(caseId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...casesKey, 'timeline', caseId],
    enabled,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<{ events: TimelineEvent[]; nextBefore: number | null }>(`${casePath(caseId)}/timeline`, { signal, query: { before: pageParam, limit: TIMELINE_PAGE } }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
