import type { AppContext } from '../../platform/context.ts';
import { cleanQuery, isValidLatLng, locate, type LatLng } from '../geo/geo.service.ts';
import { findNearest, type NearbyPlace } from './safe-places.nearest.ts';

/**
 * What the public finder shows for one visit: a search by ZIP code or city (`q`), or by the coordinates
 * the visitor's browser shared (`lat`, `lng`). Nothing here is logged or stored.
 */
export interface FinderInput {
  q?: string | undefined;
  lat?: string | undefined;
  lng?: string | undefined;
  /** Also show places that are closed now. */
  all?: boolean;
  /** Ten places instead of three. */
  more?: boolean;
}

export type FinderResult =
  | { kind: 'form'; query: string }
  | { kind: 'not_found'; query: string }
  | { kind: 'bad_point' }
  | { kind: 'results'; query: string; origin: LatLng; label: string | null; places: NearbyPlace[]; openOnly: boolean };

const PRECISION = 1000;

export async function findForVisitor(ctx: Pick<AppContext, 'db' | 'now'>, input: FinderInput): Promise<FinderResult> {
  const query = cleanQuery(input.q ?? '');
  const limit = input.more ? 10 : 3;
  const openOnly = !input.all;
  if (!query && (input.lat || input.lng)) {
    const lat = Number(input.lat);
    const lng = Number(input.lng);
    if (!input.lat || !input.lng || !isValidLatLng(lat, lng)) return { kind: 'bad_point' };
    // About 100 m: enough to rank nearby sites, no finer than the visitor needs to give away.
    const origin = { lat: Math.round(lat * PRECISION) / PRECISION, lng: Math.round(lng * PRECISION) / PRECISION };
    return { kind: 'results', query, origin, label: null, places: await findNearest(ctx, { ...origin, limit, openOnly }), openOnly };
  }
  if (!query) return { kind: 'form', query };
  const where = locate(query);
  if (!where) return { kind: 'not_found', query };
  const origin = { lat: where.lat, lng: where.lng };
  return { kind: 'results', query, origin, label: where.label, places: await findNearest(ctx, { ...origin, limit, openOnly }), openOnly };
}
