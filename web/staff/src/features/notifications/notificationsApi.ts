import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isRefetch } from '../../api/polling.ts';

export interface Notification {
  id: string;
  kind: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

export const notificationsKey = ['notifications'] as const;

/**
 * Unread ones for the header, asked again every 15 seconds: an urgent tip or a deconfliction hit should not wait
 * for a reload. The query is one indexed read of the person's own rows, so asking often is cheap.
 */
export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: async (context) => (await api.get<{ notifications: Notification[] }>('/api/notifications', { query: { unread: 'true' }, background: isRefetch(context) })).notifications,
    enabled,
    refetchInterval: 15_000,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: [...notificationsKey, 'all'],
    queryFn: async () => (await api.get<{ notifications: Notification[] }>('/api/notifications')).notifications,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (_answer, id) => {
      queryClient.setQueryData<Notification[]>([...notificationsKey, 'all'], (list) => list?.map((n) => (n.id === id ? { ...n, read: true } : n)));
      queryClient.setQueryData<Notification[]>([...notificationsKey, 'unread'], (list) => list?.filter((n) => n.id !== id));
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}
