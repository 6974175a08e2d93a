import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { survivorPath, useSurvivorChanged } from '../survivors/survivorsApi.ts';
import type { Consent } from '../survivors/survivorTypes.ts';

export interface ConsentInput {
  recipientAgencyId: string;
  purpose: string;
  categories: string[];
  method: string;
  startsAt?: string;
  expiresAt: string;
  guardian?: { name: string; relationship: string; isAllegedTrafficker: boolean };
  minorConsentBasis?: string;
}

/** The printable form, rendered by the server in the language asked for. */
export const consentFormUrl = (survivorId: string, consentId: string, lang: 'en' | 'es') => `${survivorPath(survivorId)}/consents/${encodeURIComponent(consentId)}/form?lang=${lang}`;

export function useRecordConsent(survivorId: string) {
  const changed = useSurvivorChanged(survivorId);
  return useMutation({ mutationFn: (input: ConsentInput) => api.post<Consent>(`${survivorPath(survivorId)}/consents`, input), onSuccess: () => changed() });
}

export function useRevokeConsent(survivorId: string) {
  const changed = useSurvivorChanged(survivorId);
  return useMutation({ mutationFn: (consentId: string) => api.post<Consent>(`${survivorPath(survivorId)}/consents/${encodeURIComponent(consentId)}/revoke`, {}), onSuccess: () => changed() });
}
