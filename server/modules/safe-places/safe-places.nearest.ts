import type { AppContext } from '../../platform/context.ts';
import type { SafePlaceHours } from '../../platform/db/schema.ts';
import { distanceKm } from '../geo/geo.service.ts';
import { isOpenAt, localMinuteOfWeek, normalizeHours, openRangesOfText, openStatusAtMinute, type OpenStatus } from './hours.ts';
import * as repo from './safe-places.repo.ts';
import type { SafePlaceKind } from './safe-places.schema.ts';

/** A Safe Place as the public sees it: no site contact unless marked public, no training date. */
export interface NearbyPlace {
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
  hours: SafePlaceHours;
  phone: string | null;
  note: string | null;
  distanceKm: number;
  status: OpenStatus;
}

export interface NearestQuery {
  lat: number;
  lng: number;
  /** How many places (default 3). */
  limit?: number;
  /** Only places open right now (default true). */
  openOnly?: boolean;
  /** Nothing farther than this (default 100 miles). */
  radiusKm?: number;
  /** Filled with what the search read, for benchmarks. */
  stats?: { queries: number; rows: number };
}

export const DEFAULT_RADIUS_KM = 160.9344;
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;
const MAX_BATCH = 1000;
// A bound on the work of one search, should the same spot hold thousands of places.
const MAX_SCANNED = 20_000;

const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * A lower bound on the true distance of any place within `radiusKm` whose planar distance in degrees (what
 * the index orders by) is at least `planarDeg`. Longitude degrees shrink towards the poles, so planar order
 * is not distance order; this bound says when no place further down the index can still be nearer than
 * what was found. From the haversine formula: hav θ = hav Δφ + cos φ₀ cos φ₁ hav Δλ ≥ cos φ₀ cos φ₁ (hav Δφ + hav Δλ),
 * and sin(x/2) ≥ k·x/2 for the small angles involved.
 */
export function lowerBoundFor(lat: number, radiusKm: number): (planarDeg: number) => number {
  const reachDeg = radiusKm / KM_PER_DEGREE;
  const cosNear = Math.cos(rad(Math.abs(lat)));
  const cosFar = Math.cos(rad(Math.min(90, Math.abs(lat) + reachDeg)));
  if (cosNear * cosFar <= 1e-6) return () => 0;
  const maxDeg = Math.min(360, 2 * Math.hypot(reachDeg, reachDeg / cosFar));
  const half = Math.min(Math.PI / 2, rad(maxDeg) / 2);
  const k = half > 0 ? Math.sin(half) / half : 1;
  // A place at planar distance p lies within p degrees of latitude of the search, so cos φ₁ ≥ cos(|φ₀| + p):
  // tighter than the radius-wide figure for the small p of a dense area, and still rising with p.
  return (planarDeg) => {
    const c = cosNear * Math.cos(rad(Math.min(90, Math.abs(lat) + Math.min(planarDeg, reachDeg))));
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, (Math.sqrt(Math.max(0, c)) * k * rad(planarDeg)) / 2));
  };
}

function toNearby(row: repo.NearbyRow, distance: number, minuteOfWeek: number): NearbyPlace {
  const hours = normalizeHours(JSON.parse(row.hours_text) as Partial<SafePlaceHours>);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    city: row.city,
    state: row.state,
    zip: row.zip,
    lat: row.lat,
    lng: row.lng,
    timeZone: row.time_zone,
    hours,
    phone: row.public_phone ?? (row.contact_phone_public ? row.contact_phone : null),
    note: row.public_note,
    distanceKm: distance,
    status: openStatusAtMinute(hours, minuteOfWeek),
  };
}

/**
 * The nearest active Safe Places to a point, nearest first, by great-circle distance, open right now in
 * their own time zone unless `openOnly` is false. Public: no actor, and nothing about the search is kept.
 * The GiST index is read in planar order, in growing pages (one is almost always enough), until no place
 * further down can still be nearer than the ones found, or within the radius (`lowerBoundFor`).
 */
export async function findNearest(ctx: Pick<AppContext, 'db' | 'now'>, query: NearestQuery): Promise<NearbyPlace[]> {
  const limit = query.limit ?? 3;
  const radiusKm = query.radiusKm ?? DEFAULT_RADIUS_KM;
  const openOnly = query.openOnly ?? true;
  const at = { lat: query.lat, lng: query.lng };
  const now = ctx.now();
  const bound = lowerBoundFor(at.lat, radiusKm);
  // Most places share a handful of time zones: read each zone's clock once per search.
  const minutes = new Map<string, number>();
  const minuteIn = (zone: string) => minutes.get(zone) ?? minutes.set(zone, localMinuteOfWeek(now, zone)).get(zone)!;
  const found: Array<{ row: repo.NearbyRow; distanceKm: number; minute: number }> = [];
  let offset = 0;
  // Enough that one page nearly always settles it, day or night; planar order needs a margin over `limit`.
  let batch = Math.max(40, limit * 8);
  for (;;) {
    const rows = await repo.scanNearest(ctx.db, at, { limit: batch, offset });
    if (query.stats) {
      query.stats.queries++;
      query.stats.rows += rows.length;
    }
    for (const row of rows) {
      const km = distanceKm(at, row);
      if (km > radiusKm) continue;
      const minute = minuteIn(row.time_zone);
      if (openOnly && !isOpenAt(openRangesOfText(row.hours_text), minute)) continue;
      found.push({ row, distanceKm: km, minute });
    }
    offset += rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < batch || !last || offset >= MAX_SCANNED) break;
    const nearestUnseenKm = bound(Number(last.planar));
    if (nearestUnseenKm > radiusKm) break;
    found.sort((a, b) => a.distanceKm - b.distanceKm);
    if (found.length >= limit && found[limit - 1]!.distanceKm <= nearestUnseenKm) break;
    batch = Math.min(batch * 4, MAX_BATCH);
  }
  // Only the winners are read in full.
  return found
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit)
    .map((f) => toNearby(f.row, f.distanceKm, f.minute));
}
