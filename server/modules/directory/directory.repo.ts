import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ProviderListQuery, ProviderValues } from './directory.schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const PROVIDER_COLUMNS = [
  'p.id', 'p.external_id', 'p.organization_name', 'p.name', 'p.description', 'p.service_types', 'p.languages', 'p.min_age', 'p.max_age',
  'p.accepts_minors', 'p.genders', 'p.immigration_requirement', 'p.eligibility_notes', 'p.hours', 'p.open_24_hours', 'p.hours_notes', 'p.cost',
  'p.cost_notes', 'p.accessibility', 'p.accessibility_notes', 'p.intake_process', 'p.phone', 'p.email', 'p.website', 'p.address_1', 'p.address_2',
  'p.city', 'p.state', 'p.postal_code', 'p.area', 'p.latitude', 'p.longitude', 'p.time_zone', 'p.confidential_location', 'p.status',
  'p.linked_agency_id', 'p.created_at', 'p.updated_at',
] as const;

export function providerSelect(db: Db) {
  return db.selectFrom('directory_providers as p').leftJoin('agencies as a', 'a.id', 'p.linked_agency_id').select([...PROVIDER_COLUMNS, 'a.name as linked_agency_name']);
}

export type ProviderRow = NonNullable<Awaited<ReturnType<typeof findProvider>>>;

export function findProvider(db: Db, id: string) {
  return providerSelect(db).where('p.id', '=', id).executeTakeFirst();
}

/** Locks the entry for a read-modify-write (a patch, a capacity change, a hold). */
export async function lockProvider(trx: Transaction<DB>, id: string) {
  await trx.selectFrom('directory_providers').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return findProvider(trx, id);
}

/** The directory's list: by name, filtered; `mine` is the entries linked to the reader's agency. */
export function listProviders(db: Db, query: ProviderListQuery, actorAgencyId: string) {
  let q = providerSelect(db);
  if (query.status !== 'all') q = q.where('p.status', '=', query.status);
  if (query.serviceType) q = q.where(sql<boolean>`p.service_types @> array[${query.serviceType}]::text[]`);
  if (query.linkedAgencyId) q = q.where('p.linked_agency_id', '=', query.linkedAgencyId);
  if (query.mine) q = q.where('p.linked_agency_id', '=', actorAgencyId);
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    q = q.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.organization_name', 'ilike', like), eb('p.area', 'ilike', like), eb('p.city', 'ilike', like)]));
  }
  return q.orderBy(sql`lower(p.name)`).orderBy('p.id').limit(query.limit).offset(query.offset).execute();
}

/** A provider's fields as columns. */
export function providerColumns(v: ProviderValues) {
  return {
    organization_name: v.organizationName,
    name: v.name,
    description: v.description,
    service_types: v.serviceTypes,
    languages: v.languages,
    min_age: v.minAge,
    max_age: v.maxAge,
    accepts_minors: v.acceptsMinors,
    genders: v.genders,
    immigration_requirement: v.immigrationRequirement,
    eligibility_notes: v.eligibilityNotes,
    hours: JSON.stringify(v.hours),
    open_24_hours: v.open24Hours,
    hours_notes: v.hoursNotes,
    cost: v.cost,
    cost_notes: v.costNotes,
    accessibility: v.accessibility,
    accessibility_notes: v.accessibilityNotes,
    intake_process: v.intakeProcess,
    phone: v.phone,
    email: v.email,
    website: v.website,
    address_1: v.address1,
    address_2: v.address2,
    city: v.city,
    state: v.state,
    postal_code: v.postalCode,
    area: v.area,
    latitude: v.latitude,
    longitude: v.longitude,
    time_zone: v.timeZone,
    confidential_location: v.confidentialLocation,
    status: v.status,
  };
}

/** A stored row read back as the fields a patch is applied to. */
export function providerValues(row: ProviderRow): ProviderValues {
  return {
    organizationName: row.organization_name,
    name: row.name,
    description: row.description,
    serviceTypes: row.service_types as ProviderValues['serviceTypes'],
    languages: row.languages,
    minAge: row.min_age,
    maxAge: row.max_age,
    acceptsMinors: row.accepts_minors,
    genders: row.genders as ProviderValues['genders'],
    immigrationRequirement: row.immigration_requirement,
    eligibilityNotes: row.eligibility_notes,
    hours: row.hours as ProviderValues['hours'],
    open24Hours: row.open_24_hours,
    hoursNotes: row.hours_notes,
    cost: row.cost,
    costNotes: row.cost_notes,
    accessibility: row.accessibility as ProviderValues['accessibility'],
    accessibilityNotes: row.accessibility_notes,
    intakeProcess: row.intake_process,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address1: row.address_1,
    address2: row.address_2,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    area: row.area,
    latitude: row.latitude,
    longitude: row.longitude,
    timeZone: row.time_zone,
    confidentialLocation: row.confidential_location,
    status: row.status,
  };
}

export async function insertProvider(trx: Transaction<DB>, v: ProviderValues, linkedAgencyId: string | null, userId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto('directory_providers')
    .values({ ...providerColumns(v), linked_agency_id: linkedAgencyId, created_by_user_id: userId, updated_by_user_id: userId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProvider(trx: Transaction<DB>, id: string, v: ProviderValues, linkedAgencyId: string | null, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('directory_providers')
    .set({ ...providerColumns(v), linked_agency_id: linkedAgencyId, updated_by_user_id: userId, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function isActiveAgency(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('agencies').select(['id', 'name']).where('id', '=', id).where('is_active', '=', true).executeTakeFirst();
}

// ---- Capacity ----

export type CapacityRow = Awaited<ReturnType<typeof capacityFor>>[number];

export function capacityFor(db: Db, providerIds: readonly string[]) {
  if (providerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directory_capacity')
    .select(['provider_id', 'service_type', 'available', 'total', 'updated_at'])
    .where('provider_id', 'in', providerIds)
    .orderBy('provider_id')
    .orderBy('service_type')
    .execute();
}

export interface CapacityChange {
  providerId: string;
  serviceType: string;
  available: number;
  total: number | null;
  source: 'staff' | 'import' | 'inquiry_hold';
  userId: string | null;
  at: Date;
}

/** Sets the count now (even unchanged: confirming a count renews its date) and appends it to the history. */
export async function setCapacity(trx: Transaction<DB>, changes: readonly CapacityChange[]): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto('directory_capacity')
    .values(changes.map((c) => ({ provider_id: c.providerId, service_type: c.serviceType, available: c.available, total: c.total, updated_at: c.at, updated_by_user_id: c.userId })))
    .onConflict((oc) =>
      oc.columns(['provider_id', 'service_type']).doUpdateSet((eb) => ({
        available: eb.ref('excluded.available'),
        total: eb.ref('excluded.total'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by_user_id: eb.ref('excluded.updated_by_user_id'),
      })),
    )
    .execute();
  await trx
    .insertInto('directory_capacity_history')
    .values(changes.map((c) => ({ provider_id: c.providerId, service_type: c.serviceType, available: c.available, total: c.total, source: c.source, changed_by_user_id: c.userId, changed_at: c.at })))
    .execute();
}

/** Counts for services an entry no longer offers are dropped with the change that removed the service. */
export function dropCapacityOutside(trx: Transaction<DB>, providerId: string, serviceTypes: readonly string[]) {
  return trx.deleteFrom('directory_capacity').where('provider_id', '=', providerId).where('service_type', 'not in', serviceTypes).execute();
}

export function capacityHistory(db: Db, providerId: string, limit: number) {
  return db
    .selectFrom('directory_capacity_history')
    .select(['service_type', 'available', 'total', 'source', 'changed_at'])
    .where('provider_id', '=', providerId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function hubSessionsOf(db: Db, providerId: string) {
  return db
    .selectFrom('directory_hub_sessions as s')
    .innerJoin('directory_hubs as h', 'h.id', 's.hub_id')
    .select(['s.id', 's.hub_id', 'h.name as hub_name', 's.service_type', 's.days', 's.opens', 's.closes'])
    .where('s.provider_id', '=', providerId)
    .where('h.status', '=', 'active')
    .orderBy(sql`lower(h.name)`)
    .orderBy('s.opens')
    .execute();
}
