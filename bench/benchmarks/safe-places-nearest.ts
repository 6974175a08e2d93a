import { sql } from 'kysely';
import { gazetteer } from '../../server/modules/geo/geo.data.ts';
import { timeZoneAt } from '../../server/modules/geo/geo.service.ts';
import { WEEKDAYS, type WeeklyHours } from '../../server/modules/safe-places/hours.ts';
import { findNearest } from '../../server/modules/safe-places/safe-places.nearest.ts';
import { answerText } from '../../server/modules/sms/sms.reply.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { emit, percentile, positiveInt, round } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'safe-places-nearest';

export const description = 'nearest-open Safe Place query (and the SAFE <zip> text reply) with 100,000 sites stored, day and night';

export const options: Benchmark['options'] = {
  sites: { type: 'string', default: '100000' },
  queries: { type: 'string', default: '2000' },
};

/** A small deterministic generator, so two runs seed the same sites and ask the same questions. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const everyDay = (opens: string, closes: string, days: readonly string[] = WEEKDAYS): WeeklyHours => ({
  alwaysOpen: false,
  days: Object.fromEntries(WEEKDAYS.map((d) => [d, days.includes(d) ? [{ opens, closes }] : []])) as WeeklyHours['days'],
});

// A realistic mix: fire and police stations around the clock, libraries and businesses by day, youth centres
// in the afternoon and evening, a few night desks across midnight.
const HOURS: Array<{ share: number; kind: 'fire_station' | 'library' | 'business' | 'youth_center' | 'community_center'; hours: WeeklyHours }> = [
  { share: 0.2, kind: 'fire_station', hours: { alwaysOpen: true, days: everyDay('00:00', '24:00', []).days } },
  { share: 0.35, kind: 'library', hours: everyDay('09:00', '18:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']) },
  { share: 0.2, kind: 'business', hours: everyDay('07:00', '22:00') },
  { share: 0.15, kind: 'youth_center', hours: everyDay('15:00', '21:00', ['mon', 'tue', 'wed', 'thu', 'fri']) },
  { share: 0.1, kind: 'community_center', hours: everyDay('22:00', '06:00') },
];

/**
 * Seeds `sites` Safe Places around the shipped ZIP code centroids (so they are dense where people live and
 * sparse elsewhere), then asks for the 3 nearest open ones from random ZIP code centroids ("populated") and
 * from random points of the lower 48 states' bounding box ("anywhere", often far from any site), at noon
 * and at 2 a.m. Central time.
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const sites = positiveInt(values, 'sites');
  const queries = positiveInt(values, 'queries');
  const haven = await openBenchHaven();
  const { ctx } = haven;
  const rnd = random(2026);
  const zips = [...gazetteer().zips.values()];
  const contiguous = zips.filter((z) => z.state !== 'AK' && z.state !== 'HI');
  try {
    const seedStarted = performance.now();
    for (let done = 0; done < sites; ) {
      const rows = [];
      for (const end = Math.min(sites, done + 1000); done < end; done++) {
        const zip = zips[Math.floor(rnd() * zips.length)]!;
        const lat = zip.lat + (rnd() - 0.5) * 0.05;
        const lng = zip.lng + (rnd() - 0.5) * 0.05;
        let pick = rnd();
        const choice = HOURS.find((h) => (pick -= h.share) < 0) ?? HOURS[0]!;
        rows.push({ name: `Site ${done}`, kind: choice.kind, address: `${done} Main St`, city: zip.place, state: zip.state, zip: zip.zip, lat, lng, time_zone: timeZoneAt(lat, lng) ?? 'America/Chicago', hours: JSON.stringify(choice.hours), is_active: rnd() > 0.03 });
      }
      await ctx.db.insertInto('safe_places').values(rows).execute();
    }
    await sql`analyze safe_places`.execute(ctx.db);
    emit({ bench: BENCH, metric: 'seed_time', value: round((performance.now() - seedStarted) / 1000), unit: 's', engine: haven.engine, sites });

    // The floor under every figure: one trivial round trip to the database, on this machine, now.
    const floor: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await sql`select 1`.execute(ctx.db);
      floor.push(performance.now() - t0);
    }
    floor.sort((a, b) => a - b);
    emit({ bench: BENCH, metric: 'db_roundtrip_p50', value: round(percentile(floor, 50), 3), unit: 'ms', engine: haven.engine });
    emit({ bench: BENCH, metric: 'db_roundtrip_p99', value: round(percentile(floor, 99), 3), unit: 'ms', engine: haven.engine });

    const moments = { noon: '2026-03-04T18:00:00Z', night: '2026-03-05T08:00:00Z' };
    const points = {
      populated: () => {
        const z = zips[Math.floor(rnd() * zips.length)]!;
        return { lat: z.lat, lng: z.lng };
      },
      anywhere: () => ({ lat: 25 + rnd() * 24, lng: -124 + rnd() * 57 }),
    };
    for (const [when, iso] of Object.entries(moments)) {
      const at = { db: ctx.db, now: () => new Date(iso) };
      for (const [where, point] of Object.entries(points)) {
        for (let i = 0; i < 50; i++) await findNearest(at, point()); // warm-up
        const durations: number[] = [];
        let found = 0;
        const stats = { queries: 0, rows: 0 };
        for (let i = 0; i < queries; i++) {
          const p = point();
          const t0 = performance.now();
          found += (await findNearest(at, { ...p, limit: 3, stats })).length;
          durations.push(performance.now() - t0);
        }
        durations.sort((a, b) => a - b);
        const context = { engine: haven.engine, sites, queries, when, where };
        emit({ bench: BENCH, metric: 'nearest_open_p50', value: round(percentile(durations, 50), 3), unit: 'ms', ...context });
        emit({ bench: BENCH, metric: 'nearest_open_p90', value: round(percentile(durations, 90), 3), unit: 'ms', ...context });
        emit({ bench: BENCH, metric: 'nearest_open_p99', value: round(percentile(durations, 99), 3), unit: 'ms', ...context });
        emit({ bench: BENCH, metric: 'nearest_open_found', value: round(found / queries, 2), unit: 'places/query', ...context });
        emit({ bench: BENCH, metric: 'nearest_open_pages', value: round(stats.queries / queries, 2), unit: 'queries/search', ...context });
        emit({ bench: BENCH, metric: 'nearest_open_rows', value: round(stats.rows / queries, 1), unit: 'rows/search', ...context });
      }
    }

    // The whole text reply, from the message to the words: "SAFE <zip>" at noon.
    const config = { ...ctx.config };
    const smsCtx = { db: ctx.db, now: () => new Date(moments.noon), config };
    const durations: number[] = [];
    for (let i = 0; i < Math.min(queries, 1000); i++) {
      const zip = contiguous[Math.floor(rnd() * contiguous.length)]!;
      const t0 = performance.now();
      await answerText(smsCtx, `SAFE ${zip.zip}`);
      durations.push(performance.now() - t0);
    }
    durations.sort((a, b) => a - b);
    emit({ bench: BENCH, metric: 'sms_reply_p50', value: round(percentile(durations, 50), 3), unit: 'ms', engine: haven.engine, sites });
    emit({ bench: BENCH, metric: 'sms_reply_p99', value: round(percentile(durations, 99), 3), unit: 'ms', engine: haven.engine, sites });
  } finally {
    await haven.close();
  }
}
