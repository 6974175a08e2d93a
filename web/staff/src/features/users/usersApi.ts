import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';

export const usersKey = ['users'] as const;

export interface UserFilters {
  agencyId: string;
  q: string;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users', { query: { agencyId: filters.agencyId, q: filters.q } })).users,
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: [...usersKey, 'one', id], queryFn: () => api.get<User>(`/api/users/${encodeURIComponent(id)}`) });
}

export interface NewUserInput {
  agencyId: string;
  email: string;
  displayName: string;
  roles: string[];
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUserInput) => api.post<{ user: User; activationUrl: string }>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] }),
  });
}

function useUserChanged() {
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.setQueryData([...usersKey, 'one', user.id], user);
    void queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
  };
}

export function useUpdateUser(id: string) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: { displayName?: string; roles?: string[]; disabled?: boolean }) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: changed,
  });
}

export type UserAction = 'unlock' | 'reset-mfa' | 'end-sessions';

/** Unlock, reset two-step verification, end sessions: each answers the user again (or a count). */
export function useUserAction(id: string) {
  const queryClient = useQueryClient();
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (action: UserAction) => api.post<User | { ended: number }>(`/api/users/${encodeURIComponent(id)}/${action}`),
    onSuccess: (answer) => {
      if ('id' in answer) changed(answer);
      else void queryClient.invalidateQueries({ queryKey: [...usersKey, 'one', id] });
    },
  });
}

export function useNewActivationLink(id: string) {
  return useMutation({
    mutationFn: () => api.post<{ activationUrl: string }>(`/api/users/${encodeURIComponent(id)}/activation-link`),
  });
}
