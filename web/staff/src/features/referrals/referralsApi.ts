import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { survivorPath, useSurvivorChanged } from '../survivors/survivorsApi.ts';
import type { Referral, Survivor } from '../survivors/survivorTypes.ts';

export const referralsKey = ['referrals'] as const;
const referralPath = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

export type ReferralDetail = Referral & { survivor: Survivor | null };

export function useReferrals(box: 'inbox' | 'sent') {
  return useQuery({ queryKey: [...referralsKey, box], queryFn: async ({ signal }) => (await api.get<{ referrals: Referral[] }>('/api/referrals', { signal, query: { box } })).referrals });
}

/** What the ledger shares now: never kept, so a revoked consent shows at the next look. */
export function useReferral(id: string) {
  return useQuery({ queryKey: [...referralsKey, 'one', id], queryFn: () => api.get<ReferralDetail>(referralPath(id)), staleTime: 0, gcTime: 0, retry: false });
}

export function useStartReferral(survivorId: string) {
  const changed = useSurvivorChanged(survivorId);
  return useMutation({ mutationFn: (input: { providerId: string; serviceType: string; note?: string }) => api.post<Referral>(`${survivorPath(survivorId)}/referrals`, input), onSuccess: () => changed() });
}

/** Send, withdraw, accept, decline or complete: each answers with the referral. */
export function useReferralStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: 'send' | 'withdraw' | 'accept' | 'decline' | 'complete'; body?: Record<string, string> }) => api.post<Referral>(`${referralPath(id)}/${step}`, body ?? {}),
    onSuccess: (referral) => {
      void client.invalidateQueries({ queryKey: referralsKey });
      void client.invalidateQueries({ queryKey: ['survivors', 'one', referral.survivorId] });
    },
  });
}
