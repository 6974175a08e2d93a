import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { HubInput, HubSessionInput } from './directory.schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const HUB_COLUMNS = [
  'id', 'name', 'description', 'phone', 'email', 'website', 'address_1', 'address_2', 'city', 'state', 'postal_code', 'area', 'latitude',
  'longitude', 'time_zone', 'hours_notes', 'status', 'created_at', 'updated_at',
] as const;

export type HubRow = NonNullable<Awaited<ReturnType<typeof findHub>>>;

export function findHub(db: Db, id: string) {
  return db.selectFrom('directory_hubs').select(HUB_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function lockHub(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('directory_hubs').select(HUB_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listHubs(db: Db, includeInactive: boolean) {
  let q = db.selectFrom('directory_hubs').select(HUB_COLUMNS);
  if (!includeInactive) q = q.where('status', '=', 'active');
  return q.orderBy(sql`lower(name)`).execute();
}

export type HubSessionRow = Awaited<ReturnType<typeof sessionsOf>>[number];

/** Sessions of the given hubs, with the provider's name; sessions of inactive providers are left out. */
export function sessionsOf(db: Db, hubIds: readonly string[]) {
  if (hubIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directory_hub_sessions as s')
    .innerJoin('directory_providers as p', 'p.id', 's.provider_id')
    .select(['s.id', 's.hub_id', 's.provider_id', 'p.name as provider_name', 'p.organization_name', 's.service_type', 's.days', 's.opens', 's.closes', 's.notes'])
    .where('s.hub_id', 'in', hubIds)
    .where('p.status', '=', 'active')
    .orderBy('s.opens')
    .orderBy(sql`lower(p.name)`)
    .execute();
}

/** A hub's fields as columns, for the fields given (a patch leaves the others). */
export function hubColumns(v: Partial<HubInput>) {
  const map = {
    name: v.name,
    description: v.description,
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
    hours_notes: v.hoursNotes,
    status: v.status,
  };
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined)) as Partial<typeof map>;
}

export async function isHubNameTaken(trx: Transaction<DB>, name: string, exceptId?: string): Promise<boolean> {
  let q = trx.selectFrom('directory_hubs').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertHub(trx: Transaction<DB>, values: HubInput & { timeZone: string }, userId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto('directory_hubs')
    .values({ ...hubColumns(values), name: values.name, time_zone: values.timeZone, created_by_user_id: userId, updated_by_user_id: userId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateHub(trx: Transaction<DB>, id: string, values: Partial<HubInput>, userId: string, now: Date) {
  return trx.updateTable('directory_hubs').set({ ...hubColumns(values), updated_by_user_id: userId, updated_at: now }).where('id', '=', id).execute();
}

export async function insertSession(trx: Transaction<DB>, hubId: string, s: HubSessionInput): Promise<string> {
  const row = await trx
    .insertInto('directory_hub_sessions')
    .values({ hub_id: hubId, provider_id: s.providerId, service_type: s.serviceType, days: s.days, opens: s.opens, closes: s.closes, notes: s.notes ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteSession(trx: Transaction<DB>, hubId: string, sessionId: string): Promise<boolean> {
  const result = await trx.deleteFrom('directory_hub_sessions').where('id', '=', sessionId).where('hub_id', '=', hubId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
