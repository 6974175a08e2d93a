import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { distanceKm } from '../geo/geo.service.ts';
import { openStatus, WEEKDAYS, type WeeklyHours } from './hours.ts';
import { findNearest, lowerBoundFor, DEFAULT_RADIUS_KM } from './safe-places.nearest.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

type Days = Partial<WeeklyHours['days']>;
const week = (days: Days, alwaysOpen = false): WeeklyHours => ({ alwaysOpen, days: { ...Object.fromEntries(WEEKDAYS.map((d) => [d, []])), ...days } as WeeklyHours['days'] });
const ALWAYS = week({}, true);
const DAYTIME = week(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ opens: '09:00', closes: '17:00' }]])));
const NIGHTS = week(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ opens: '22:00', closes: '06:00' }]])));

interface Seed {
  name: string;
  lat: number;
  lng: number;
  hours: WeeklyHours;
  timeZone?: string;
  active?: boolean;
}

async function seed(places: Seed[]): Promise<void> {
  for (let i = 0; i < places.length; i += 500) {
    await h.ctx.db
      .insertInto('safe_places')
      .values(
        places.slice(i, i + 500).map((p) => ({
          name: p.name,
          kind: 'library' as const,
          address: '1 Main St',
          city: 'Test',
          state: 'TX',
          zip: '77002',
          lat: p.lat,
          lng: p.lng,
          time_zone: p.timeZone ?? 'America/Chicago',
          hours: JSON.stringify(p.hours),
          is_active: p.active ?? true,
        })),
      )
      .execute();
  }
}

const clear = () => h.ctx.db.deleteFrom('safe_places').execute();
const at = (iso: string): Pick<AppContext, 'db' | 'now'> => ({ db: h.ctx.db, now: () => new Date(iso) });
// Downtown Houston, and instants on Wednesday 4 March 2026 in Chicago time (UTC-6).
const HOUSTON = { lat: 29.7604, lng: -95.3698 };
const NOON = '2026-03-04T18:00:00Z';
const ELEVEN_PM = '2026-03-05T05:00:00Z';
/** A point `km` east of Houston. */
const east = (km: number) => ({ lat: HOUSTON.lat, lng: HOUSTON.lng + km / (111.32 * Math.cos((HOUSTON.lat * Math.PI) / 180)) });

describe('the nearest open Safe Places', () => {
  beforeAll(async () => {
    await clear();
    await seed([
      { name: 'A 24h fire station, 1 km', ...east(1), hours: ALWAYS },
      { name: 'B library, 2 km', ...east(2), hours: DAYTIME },
      { name: 'C night shelter, 3 km', ...east(3), hours: NIGHTS },
      { name: 'D closed for good, 0.5 km', ...east(0.5), hours: ALWAYS, active: false },
      { name: 'E youth center, 4 km', ...east(4), hours: DAYTIME },
      { name: 'F library, 5 km', ...east(5), hours: DAYTIME },
      { name: 'G far away, 400 km', ...east(400), hours: ALWAYS },
    ]);
  });

  it('answers the three nearest open at noon, nearest first, with exact distances', async () => {
    const found = await findNearest(at(NOON), { ...HOUSTON });
    expect(found.map((p) => p.name)).toEqual(['A 24h fire station, 1 km', 'B library, 2 km', 'E youth center, 4 km']);
    expect(found.map((p) => Math.round(p.distanceKm * 10) / 10)).toEqual([1, 2, 4]);
    expect(found[1]!.status).toEqual({ isOpen: true, closes: { day: 'wed', time: '17:00' } });
  });

  it('answers the ones open at night, across midnight', async () => {
    const found = await findNearest(at(ELEVEN_PM), { ...HOUSTON });
    expect(found.map((p) => p.name)).toEqual(['A 24h fire station, 1 km', 'C night shelter, 3 km']);
    expect(found[1]!.status).toEqual({ isOpen: true, closes: { day: 'thu', time: '06:00' } });
  });

  it('includes closed places only when asked, with when they open', async () => {
    const found = await findNearest(at(ELEVEN_PM), { ...HOUSTON, openOnly: false, limit: 4 });
    expect(found.map((p) => p.name)).toEqual(['A 24h fire station, 1 km', 'B library, 2 km', 'C night shelter, 3 km', 'E youth center, 4 km']);
    expect(found[1]!.status).toEqual({ isOpen: false, opens: { day: 'thu', time: '09:00' } });
  });

  it('never answers an inactive place or one beyond the radius', async () => {
    const found = await findNearest(at(NOON), { ...HOUSTON, limit: 20 });
    expect(found.map((p) => p.name)).not.toContain('D closed for good, 0.5 km');
    expect(found.map((p) => p.name)).not.toContain('G far away, 400 km');
    expect(await findNearest(at(NOON), { ...east(400), limit: 1 })).toMatchObject([{ name: 'G far away, 400 km' }]);
  });

  it('answers nothing where nothing is near', async () => {
    expect(await findNearest(at(NOON), { lat: 47.6, lng: -122.3 })).toEqual([]);
  });

  it('judges each place by its own clock, not the searcher’s', async () => {
    await clear();
    // Two libraries open 9–17 local, one in El Paso (Mountain time), one across the line in Central time.
    await seed([
      { name: 'El Paso library', lat: 31.7619, lng: -106.485, hours: DAYTIME, timeZone: 'America/Denver' },
      { name: 'Van Horn library', lat: 31.04, lng: -104.83, hours: DAYTIME, timeZone: 'America/Chicago' },
    ]);
    // 16:30 in Chicago, 15:30 in Denver: both open. 17:30 Central = 16:30 Mountain: only El Paso.
    const around = { lat: 31.4, lng: -105.6, radiusKm: 300, limit: 5 };
    expect((await findNearest(at('2026-03-04T22:30:00Z'), around)).map((p) => p.name).sort()).toEqual(['El Paso library', 'Van Horn library']);
    expect((await findNearest(at('2026-03-04T23:30:00Z'), around)).map((p) => p.name)).toEqual(['El Paso library']);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seedValue: number) {
  let s = seedValue >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the index search agrees with checking every place', () => {
  it('finds exactly what a full scan finds, in Texas and in Alaska, day and night', async () => {
    await clear();
    const rnd = random(20261123);
    const regions = [
      { lat: 29.76, lng: -95.37, spread: 3, zone: 'America/Chicago' },
      { lat: 61.2, lng: -149.9, spread: 4, zone: 'America/Anchorage' },
    ];
    const hoursChoices = [ALWAYS, DAYTIME, DAYTIME, NIGHTS, DAYTIME, week({ sat: [{ opens: '10:00', closes: '14:00' }] })];
    const places: Seed[] = [];
    for (const r of regions) {
      for (let i = 0; i < 600; i++) {
        places.push({ name: `P${places.length}`, lat: r.lat + (rnd() - 0.5) * r.spread, lng: r.lng + (rnd() - 0.5) * r.spread * 2, hours: hoursChoices[Math.floor(rnd() * hoursChoices.length)]!, timeZone: r.zone, active: rnd() > 0.1 });
      }
    }
    await seed(places);
    const mismatches: string[] = [];
    for (let q = 0; q < 40; q++) {
      const r = regions[q % 2]!;
      const origin = { lat: r.lat + (rnd() - 0.5) * r.spread * 1.5, lng: r.lng + (rnd() - 0.5) * r.spread * 3 };
      const when = q % 4 < 2 ? NOON : ELEVEN_PM;
      const openOnly = q % 3 !== 0;
      const limit = 1 + (q % 5);
      const found = await findNearest(at(when), { ...origin, limit, openOnly });
      const expected = places
        .filter((p) => p.active !== false && (!openOnly || openStatus(p.hours, p.timeZone!, new Date(when)).isOpen))
        .map((p) => ({ name: p.name, km: distanceKm(origin, p) }))
        .filter((p) => p.km <= DEFAULT_RADIUS_KM)
        .sort((a, b) => a.km - b.km)
        .slice(0, limit);
      const got = found.map((p) => p.distanceKm.toFixed(6));
      const want = expected.map((p) => p.km.toFixed(6));
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`query ${q} at ${origin.lat},${origin.lng}: got ${got.join(' ')}; want ${want.join(' ')}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('never puts the lower bound above the true distance', () => {
    const rnd = random(7);
    for (let i = 0; i < 5000; i++) {
      const a = { lat: (rnd() - 0.5) * 140, lng: (rnd() - 0.5) * 340 };
      const b = { lat: a.lat + (rnd() - 0.5) * 4, lng: a.lng + (rnd() - 0.5) * 8 };
      const km = distanceKm(a, b);
      if (km > DEFAULT_RADIUS_KM) continue;
      const planar = Math.hypot(b.lat - a.lat, b.lng - a.lng);
      expect(lowerBoundFor(a.lat, DEFAULT_RADIUS_KM)(planar)).toBeLessThanOrEqual(km + 1e-9);
    }
  });

  it('reads the nearest places through the GiST index', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from safe_places where is_active = true order by location <-> point(-95.37, 29.76) limit 12`.execute(h.ctx.db);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('safe_places_location_idx');
  });
});
