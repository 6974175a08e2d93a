import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { AppError } from '../../platform/errors.ts';
import { locate } from '../geo/geo.service.ts';
import { isOpenAt, type WeeklyHours } from './hours.ts';
import { presentProviderSummary } from './directory.presenter.ts';
import { capacityByProvider, presentOptions } from './directory.service.ts';
import { findCandidates, type Point } from './search.repo.ts';
import type { z } from 'zod';
import type { SearchQuery, searchView } from './directory.schema.ts';

type SearchView = z.infer<typeof searchView>;

/** Where to measure from: "lat,lng", a ZIP code or a place name, through the geo module's offline gazetteer. */
function resolveNear(text: string): { point: Point; label: string } {
  const found = locate(text);
  if (!found) {
    throw new AppError('validation_failed', `Haven does not know where "${text}" is.`, [
      { path: 'querystring.near', message: 'Give a ZIP code (77002), a city and state (Houston, TX) or coordinates (29.76,-95.36).' },
    ]);
  }
  return { point: { lat: found.lat, lng: found.lng }, label: found.label };
}

/**
 * The referral search: providers matching a need, a language, a person's age, gender and immigration status,
 * with free capacity now and near a place, nearest first. Confidential locations take part like any other,
 * with their distance rounded (search.repo.ts) and never their address.
 */
export async function searchProviders(ctx: AppContext, actor: Actor, query: SearchQuery): Promise<SearchView> {
  requireAccess(actor, 'read', 'directory');
  if (query.radiusKm !== undefined && !query.near) {
    throw new AppError('validation_failed', 'Say where to search around.', [{ path: 'querystring.near', message: 'Give a ZIP code, a city or coordinates to search within a distance of.' }]);
  }
  const near = query.near ? resolveNear(query.near) : null;
  const o = presentOptions(ctx);
  const staleBefore = new Date(o.now.getTime() - o.staleHours * 3_600_000);
  let rows = await findCandidates(ctx.db, query, near?.point ?? null, staleBefore);
  if (query.openNow) rows = rows.filter((r) => isOpenAt(r.open_24_hours, r.hours as WeeklyHours[], r.time_zone, o.now) === true);
  rows = rows.slice(0, query.limit);
  const capacity = await capacityByProvider(ctx.db, rows.map((r) => r.id));
  return {
    near: near ? { latitude: near.point.lat, longitude: near.point.lng, label: near.label } : null,
    results: rows.map((r) => ({
      ...presentProviderSummary(r, capacity.get(r.id) ?? [], o),
      distanceKm: r.distance_km,
      distanceApproximate: r.confidential_location && r.distance_km !== null,
    })),
  };
}
