import type { AppContext } from '../../platform/context.ts';
import type { TestClock } from '../../test/test-app.ts';
import { WEEKDAYS, type WeeklyHours } from './hours.ts';
import type { SafePlaceKind } from './safe-places.schema.ts';

/** Test helpers: places written straight to the table, and a clock set to an exact instant. */
export const week = (days: Partial<WeeklyHours['days']>, alwaysOpen = false): WeeklyHours => ({
  alwaysOpen,
  days: { ...Object.fromEntries(WEEKDAYS.map((d) => [d, []])), ...days } as WeeklyHours['days'],
});
export const ALWAYS = week({}, true);
export const DAYTIME = week(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ opens: '09:00', closes: '17:00' }]])));

export const HOUSTON = { lat: 29.7604, lng: -95.3698 };
/** A point `km` east of downtown Houston. */
export const eastOfHouston = (km: number) => ({ lat: HOUSTON.lat, lng: HOUSTON.lng + km / (111.32 * Math.cos((HOUSTON.lat * Math.PI) / 180)) });
/** Wednesday 4 March 2026 at noon in Houston. */
export const WEDNESDAY_NOON = '2026-03-04T18:00:00Z';

export interface PlaceSeed {
  name: string;
  lat: number;
  lng: number;
  hours: WeeklyHours;
  kind?: SafePlaceKind;
  address?: string;
  timeZone?: string;
  publicPhone?: string | null;
  contactPhone?: string | null;
  contactPhonePublic?: boolean;
  active?: boolean;
}

export async function seedSafePlaces(ctx: AppContext, places: PlaceSeed[]): Promise<void> {
  await ctx.db
    .insertInto('safe_places')
    .values(
      places.map((p) => ({
        name: p.name,
        kind: p.kind ?? 'library',
        address: p.address ?? '1 Main St',
        city: 'Houston',
        state: 'TX',
        zip: '77002',
        lat: p.lat,
        lng: p.lng,
        time_zone: p.timeZone ?? 'America/Chicago',
        hours: JSON.stringify(p.hours),
        public_phone: p.publicPhone ?? null,
        contact_phone: p.contactPhone ?? null,
        contact_phone_public: p.contactPhonePublic ?? false,
        is_active: p.active ?? true,
      })),
    )
    .execute();
}

/** Moves the test clock to `iso`; returns the function that moves it back. */
export function setClock(clock: TestClock, iso: string): () => void {
  const offset = Date.parse(iso) - clock.now().getTime();
  clock.advance(offset);
  return () => clock.advance(-offset);
}
