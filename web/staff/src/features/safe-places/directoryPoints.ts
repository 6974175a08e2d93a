import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/**
 * Directory providers and hubs for the staff map, from the directory's own API. Positions come only from
 * what that API gives: a provider with a confidential location has none there, so it is listed (by city or
 * area) and never drawn.
 */
export interface DirectoryPlace {
  id: string;
  name: string;
  where: string;
  href: string;
  openNow: boolean | null;
  lat: number | null;
  lng: number | null;
  confidential: boolean;
}

interface ProviderSummary {
  id: string;
  name: string;
  organizationName: string;
  city: string | null;
  state: string | null;
  area: string | null;
  confidentialLocation: boolean;
  openNow: boolean | null;
}

interface ProviderDetail {
  location: { address1: string | null; latitude: number | null; longitude: number | null } | null;
}

interface HubSummary {
  id: string;
  name: string;
  city: string | null;
  state: string | null;
  area: string | null;
  openNow: boolean;
}

interface HubDetail {
  address1: string | null;
  latitude: number | null;
  longitude: number | null;
}

const placeName = (city: string | null, state: string | null, area: string | null) => [area, [city, state].filter(Boolean).join(', ')].filter(Boolean).join(' · ');

export function useDirectoryPlaces(enabled: { providers: boolean; hubs: boolean }) {
  const providers = useQuery({
    queryKey: ['map', 'providers'],
    enabled: enabled.providers,
    queryFn: async () => (await api.get<{ providers: ProviderSummary[] }>('/api/directory/providers', { query: { status: 'active', limit: 200 } })).providers,
  });
  const hubs = useQuery({ queryKey: ['map', 'hubs'], enabled: enabled.hubs, queryFn: async () => (await api.get<{ hubs: HubSummary[] }>('/api/directory/hubs')).hubs });
  // The lists carry no coordinates; each open location's detail does. Confidential ones are not asked for.
  const providerDetails = useQueries({
    queries: (enabled.providers ? (providers.data ?? []) : [])
      .filter((p) => !p.confidentialLocation)
      .map((p) => ({ queryKey: ['map', 'provider', p.id], queryFn: () => api.get<ProviderDetail>(`/api/directory/providers/${encodeURIComponent(p.id)}`), staleTime: 60_000 })),
  });
  const hubDetails = useQueries({
    queries: (enabled.hubs ? (hubs.data ?? []) : []).map((h) => ({ queryKey: ['map', 'hub', h.id], queryFn: () => api.get<HubDetail>(`/api/directory/hubs/${encodeURIComponent(h.id)}`), staleTime: 60_000 })),
  });

  const open = (providers.data ?? []).filter((p) => !p.confidentialLocation);
  const providerPlaces: DirectoryPlace[] = (providers.data ?? []).map((p) => {
    const detail = p.confidentialLocation ? undefined : providerDetails[open.indexOf(p)]?.data;
    const location = detail?.location ?? null;
    return {
      id: p.id,
      name: p.name === p.organizationName ? p.name : `${p.name} (${p.organizationName})`,
      where: [location?.address1, placeName(p.city, p.state, p.area)].filter(Boolean).join(', '),
      href: `/directory/providers/${p.id}`,
      openNow: p.openNow,
      lat: location?.latitude ?? null,
      lng: location?.longitude ?? null,
      confidential: p.confidentialLocation,
    };
  });
  const hubPlaces: DirectoryPlace[] = (hubs.data ?? []).map((h, i) => {
    const detail = hubDetails[i]?.data;
    return { id: h.id, name: h.name, where: [detail?.address1, placeName(h.city, h.state, h.area)].filter(Boolean).join(', '), href: `/directory/hubs/${h.id}`, openNow: h.openNow, lat: detail?.latitude ?? null, lng: detail?.longitude ?? null, confidential: false };
  });
  return {
    providers: enabled.providers ? providerPlaces : [],
    hubs: enabled.hubs ? hubPlaces : [],
    error: providers.error ?? hubs.error,
  };
}
