import { sql, type Kysely, type RawBuilder } from 'kysely';
import { REQUIREMENTS_MET_BY } from '../../../common/directory/vocabulary.ts';
import type { DB } from '../../platform/db/schema.ts';
import { providerSelect } from './directory.repo.ts';
import type { SearchQuery } from './directory.schema.ts';

const EARTH_RADIUS_KM = 6371.0088;
/** A confidential location's distance is rounded up to this step, so searching from several places cannot pin it down. */
export const CONFIDENTIAL_DISTANCE_STEP_KM = 5;
/** How many candidates are read before the filters that need the clock (open now) and the page's limit apply. */
export const CANDIDATE_LIMIT = 500;

export interface Point {
  lat: number;
  lng: number;
}

/** Great-circle distance in km from a point to the row's position (haversine), null where the row has none. */
function distanceFrom(near: Point): RawBuilder<number | null> {
  return sql<number | null>`(${EARTH_RADIUS_KM}::float8 * 2 * asin(least(1, sqrt(
    power(sin(radians(p.latitude - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ${near.lng}::float8) / 2), 2)
  ))))`;
}

/**
 * The distance people are shown, and that the radius and order use: to 0.1 km for a public place, rounded up
 * to whole 5 km for a confidential one. Filtering on the exact figure would let anyone find a shelter by
 * narrowing the radius step by step.
 */
function shownDistance(near: Point): RawBuilder<number | null> {
  const exact = distanceFrom(near);
  return sql<number | null>`case
    when p.latitude is null then null
    when p.confidential_location then greatest(${CONFIDENTIAL_DISTANCE_STEP_KM}::float8, ceil(${exact} / ${CONFIDENTIAL_DISTANCE_STEP_KM}::float8) * ${CONFIDENTIAL_DISTANCE_STEP_KM}::float8)
    else round((${exact})::numeric, 1)::float8
  end`;
}

/** The language's first subtag: "es-MX" finds providers listing es, es-MX or es-US. */
const baseLanguage = (tag: string) => tag.toLowerCase().split('-')[0]!;

/**
 * Active providers matching every filter given, nearest first when a point is given (then by name). Reads at
 * most CANDIDATE_LIMIT rows: the caller applies the clock-dependent filter and the page size.
 */
export async function findCandidates(db: Kysely<DB>, query: SearchQuery, near: Point | null, staleBefore: Date) {
  let q = providerSelect(db).where('p.status', '=', 'active');
  if (query.need) q = q.where(sql<boolean>`p.service_types @> array[${query.need}]::text[]`);
  if (query.language) {
    const base = baseLanguage(query.language);
    q = q.where(sql<boolean>`exists (select 1 from unnest(p.languages) as l(tag) where lower(l.tag) = ${base} or lower(l.tag) like ${`${base}-%`})`);
  }
  if (query.age !== undefined) {
    const age = query.age;
    q = q
      .where((eb) => eb.or([eb('p.min_age', 'is', null), eb('p.min_age', '<=', age)]))
      .where((eb) => eb.or([eb('p.max_age', 'is', null), eb('p.max_age', '>=', age)]));
    if (age < 18) q = q.where('p.accepts_minors', '=', true);
  }
  if (query.gender) q = q.where(sql<boolean>`(cardinality(p.genders) = 0 or p.genders @> array[${query.gender}]::text[])`);
  if (query.immigrationStatus) q = q.where('p.immigration_requirement', 'in', [...REQUIREMENTS_MET_BY[query.immigrationStatus]]);
  if (query.openCapacity) {
    q = q.where((eb) => {
      let c = eb.selectFrom('directory_capacity as c').select('c.provider_id').whereRef('c.provider_id', '=', 'p.id').where('c.available', '>', 0);
      if (query.need) c = c.where('c.service_type', '=', query.need);
      if (!query.includeStale) c = c.where('c.updated_at', '>=', staleBefore);
      return eb.exists(c);
    });
  }

  if (near && query.radiusKm !== undefined) {
    // A box around the point first, which the position index can use; the exact distance decides after.
    const dLat = query.radiusKm / 111;
    q = q.where('p.latitude', '>=', near.lat - dLat).where('p.latitude', '<=', near.lat + dLat);
    // The circle is widest in longitude towards the pole: take the box's poleward edge.
    const cosLat = Math.cos((Math.min(89.9, Math.abs(near.lat) + dLat) * Math.PI) / 180);
    const dLng = cosLat > 0.1 ? query.radiusKm / (111 * cosLat) : 360;
    // Near the poles or across the date line the box would be wrong; the distance alone decides there.
    if (Math.abs(near.lng) + dLng < 180) q = q.where('p.longitude', '>=', near.lng - dLng).where('p.longitude', '<=', near.lng + dLng);
    q = q.where(shownDistance(near), '<=', query.radiusKm);
  }
  return q
    .select((near ? shownDistance(near) : sql<number | null>`null::float8`).as('distance_km'))
    .orderBy(sql`distance_km asc nulls last`)
    .orderBy(sql`lower(p.name)`)
    .orderBy('p.id')
    .limit(CANDIDATE_LIMIT)
    .execute();
}
