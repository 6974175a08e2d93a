import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const SAFE_PLACE_KINDS = ['library', 'fire_station', 'police_station', 'youth_center', 'community_center', 'business', 'other'] as const;
export type SafePlaceKind = (typeof SAFE_PLACE_KINDS)[number];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Period {
  opens: string;
  closes: string;
}

export interface WeeklyHours {
  alwaysOpen: boolean;
  days: Record<Weekday, Period[]>;
}

export type OpenNow = { isOpen: true; closes: { day: Weekday; time: string } | null } | { isOpen: false; opens: { day: Weekday; time: string } | null };

export interface SafePlace {
  id: string;
  name: string;
  kind: SafePlaceKind;
  address: string;
  city: string;
  state: string;
  zip: string;
  lat: number;
  lng: number;
  timeZone: string;
  hours: WeeklyHours;
  publicPhone: string | null;
  publicNote: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactPhonePublic: boolean;
  staffLastTrainedOn: string | null;
  isActive: boolean;
  openNow: OpenNow;
  createdAt: string;
  updatedAt: string;
}

export interface SafePlaceFilters {
  q: string;
  kind: string;
  active: string;
}

export const SAFE_PLACE_FILTER_KEYS = ['q', 'kind', 'active'] as const;
export const safePlacesKey = ['safe-places'] as const;

export function useSafePlaces(filters: Partial<SafePlaceFilters> = {}) {
  return useQuery({
    queryKey: [...safePlacesKey, 'list', filters],
    queryFn: async () => (await api.get<{ safePlaces: SafePlace[] }>('/api/safe-places', { query: { q: filters.q, kind: filters.kind, active: filters.active } })).safePlaces,
  });
}

export function useSafePlace(id: string) {
  return useQuery({ queryKey: [...safePlacesKey, id], queryFn: () => api.get<SafePlace>(`/api/safe-places/${encodeURIComponent(id)}`) });
}

export function useSaveSafePlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api.patch<SafePlace>(`/api/safe-places/${encodeURIComponent(id)}`, body) : api.post<SafePlace>('/api/safe-places', body),
    onSuccess: (place) => {
      queryClient.setQueryData([...safePlacesKey, place.id], place);
      void queryClient.invalidateQueries({ queryKey: [...safePlacesKey, 'list'] });
    },
  });
}

export interface Located {
  lat: number;
  lng: number;
  label: string;
  timeZone: string | null;
}

/** Where a ZIP code or city is, from the data Haven ships (no outside service). */
export function locate(q: string): Promise<Located> {
  return api.get<Located>('/api/geo/locate', { query: { q } });
}

export interface MapSettings {
  tileUrl: string | null;
  attribution: string;
}

export function useMapSettings() {
  return useQuery({ queryKey: ['map-settings'], queryFn: () => api.get<MapSettings>('/api/geo/map-settings'), staleTime: Infinity });
}
