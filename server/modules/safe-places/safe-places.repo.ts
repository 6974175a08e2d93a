import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, SafePlaceHours } from '../../platform/db/schema.ts';
import type { SafePlaceListQuery } from './safe-places.schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const COLUMNS = [
  'id',
  'name',
  'kind',
  'address',
  'city',
  'state',
  'zip',
  'lat',
  'lng',
  'time_zone',
  'hours',
  'public_phone',
  'public_note',
  'contact_name',
  'contact_phone',
  'contact_phone_public',
  'staff_last_trained_on',
  'is_active',
  'created_at',
  'updated_at',
] as const;

export type SafePlaceRow = Awaited<ReturnType<typeof findSafePlace>> & object;

/** What a row is written from: the validated input with the time zone settled. */
export interface SafePlaceValues {
  name: string;
  kind: DB['safe_places']['kind'];
  address: string;
  city: string;
  state: string;
  zip: string;
  lat: number;
  lng: number;
  timeZone: string;
  hours: SafePlaceHours;
  publicPhone: string | null;
  publicNote: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactPhonePublic: boolean;
  staffLastTrainedOn: string | null;
}

export function findSafePlace(db: Db, id: string) {
  return db.selectFrom('safe_places').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findSafePlaceForUpdate(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('safe_places').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listSafePlaces(db: Db, query: SafePlaceListQuery) {
  let q = db.selectFrom('safe_places').select(COLUMNS);
  if (query.active !== 'all') q = q.where('is_active', '=', query.active === 'true');
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['city']), 'like', like), eb('zip', 'like', like)]));
  }
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(5000).execute();
}

const toRow = (v: SafePlaceValues) => ({
  name: v.name,
  kind: v.kind,
  address: v.address,
  city: v.city,
  state: v.state,
  zip: v.zip,
  lat: v.lat,
  lng: v.lng,
  time_zone: v.timeZone,
  hours: JSON.stringify(v.hours),
  public_phone: v.publicPhone,
  public_note: v.publicNote,
  contact_name: v.contactName,
  contact_phone: v.contactPhone,
  contact_phone_public: v.contactPhonePublic,
  staff_last_trained_on: v.staffLastTrainedOn,
});

export function insertSafePlace(trx: Transaction<DB>, values: SafePlaceValues, createdBy: string | null, now: Date) {
  return trx
    .insertInto('safe_places')
    .values({ ...toRow(values), created_by_user_id: createdBy, created_at: now, updated_at: now })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateSafePlace(trx: Transaction<DB>, id: string, values: SafePlaceValues, isActive: boolean, now: Date) {
  return trx
    .updateTable('safe_places')
    .set({ ...toRow(values), is_active: isActive, updated_at: now })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** What the public may see of a place; the hours as text, parsed only for the places kept. */
const PUBLIC_COLUMNS = ['id', 'name', 'kind', 'address', 'city', 'state', 'zip', 'lat', 'lng', 'time_zone', 'public_phone', 'public_note', 'contact_phone', 'contact_phone_public'] as const;

export type NearbyRow = Awaited<ReturnType<typeof scanNearest>>[number];

/**
 * Active places in order of planar distance in degrees from (lat, lng), `limit` from `offset`: one
 * index-ordered scan of the GiST index (`<->`), one round trip, however many places there are.
 */
export function scanNearest(db: Db, at: { lat: number; lng: number }, page: { limit: number; offset: number }) {
  const origin = sql`point(${at.lng}::float8, ${at.lat}::float8)`;
  return db
    .selectFrom('safe_places')
    .select(PUBLIC_COLUMNS)
    .select(sql<string>`hours::text`.as('hours_text'))
    .select(sql<number>`location <-> ${origin}`.as('planar'))
    .where('is_active', '=', true)
    .orderBy(sql`location <-> ${origin}`)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Whether PostgreSQL knows the time zone too: the nearest-site scan reads clocks there. */
export async function isKnownTimeZone(db: Db, zone: string): Promise<boolean> {
  const row = await sql<{ known: boolean }>`select exists (select 1 from pg_timezone_names where name = ${zone}) as known`.execute(db);
  return row.rows[0]?.known === true;
}
