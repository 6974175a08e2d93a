import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { providerColumns, providerSelect, type ProviderRow } from './directory.repo.ts';
import type { ProviderValues } from './directory.schema.ts';

/** Rows written per statement: each batch travels as one JSON parameter, read back with jsonb_to_recordset. */
export const BATCH = 1_000;

// The provider columns an import writes, with their types for jsonb_to_recordset.
const WRITTEN: ReadonlyArray<readonly [string, string]> = [
  ['organization_name', 'text'], ['name', 'text'], ['description', 'text'], ['service_types', 'text[]'], ['languages', 'text[]'],
  ['min_age', 'integer'], ['max_age', 'integer'], ['accepts_minors', 'boolean'], ['genders', 'text[]'], ['immigration_requirement', 'text'],
  ['eligibility_notes', 'text'], ['hours', 'jsonb'], ['open_24_hours', 'boolean'], ['hours_notes', 'text'], ['cost', 'text'], ['cost_notes', 'text'],
  ['accessibility', 'text[]'], ['accessibility_notes', 'text'], ['intake_process', 'text'], ['phone', 'text'], ['email', 'text'], ['website', 'text'],
  ['address_1', 'text'], ['address_2', 'text'], ['city', 'text'], ['state', 'text'], ['postal_code', 'text'], ['area', 'text'],
  ['latitude', 'float8'], ['longitude', 'float8'], ['time_zone', 'text'], ['confidential_location', 'boolean'], ['status', 'text'],
];
const COLUMN_NAMES = WRITTEN.map(([name]) => name);
// Static text only: column names and types from the list above.
const RECORD_TYPE = sql.raw(['id uuid', 'external_id text', ...WRITTEN.map(([name, type]) => `${name} ${type}`)].join(', '));
const ids = (names: readonly string[], prefix = '') => sql.join(names.map((n) => (prefix ? sql.ref(`${prefix}.${n}`) : sql.id(n))));

export interface PlannedWrite {
  id: string;
  externalId: string | null;
  values: ProviderValues;
}

const record = (w: PlannedWrite) => ({ id: w.id, external_id: w.externalId, ...providerColumns(w.values), hours: w.values.hours });

/** Entries the file's ids point at: by an earlier import's id, or by Haven's own id (a file exported from Haven). */
export async function findExisting(db: Kysely<DB> | Transaction<DB>, sourceIds: readonly string[]): Promise<Map<string, ProviderRow>> {
  const found = new Map<string, ProviderRow>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (let i = 0; i < sourceIds.length; i += BATCH) {
    const chunk = sourceIds.slice(i, i + BATCH);
    const uuids = chunk.filter((s) => uuid.test(s)).map((s) => s.toLowerCase());
    // One array parameter each, not a thousand parameters: far quicker to plan, on PGlite above all.
    const rows = await providerSelect(db)
      .where((eb) => eb.or([eb('p.external_id', '=', sql<string>`any(${chunk}::text[])`), ...(uuids.length ? [eb('p.id', '=', sql<string>`any(${uuids}::uuid[])`)] : [])]))
      .forUpdate('p')
      .execute();
    for (const row of rows) {
      if (row.external_id && chunk.includes(row.external_id)) found.set(row.external_id, row);
      else found.set(row.id, row);
    }
  }
  return found;
}

export async function insertProviders(trx: Transaction<DB>, writes: readonly PlannedWrite[], userId: string, now: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += BATCH) {
    const json = JSON.stringify(writes.slice(i, i + BATCH).map(record));
    await sql`
      insert into directory_providers (id, external_id, ${ids(COLUMN_NAMES)}, created_by_user_id, updated_by_user_id, created_at, updated_at)
      select x.id, x.external_id, ${ids(COLUMN_NAMES, 'x')}, ${userId}::uuid, ${userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as x(${RECORD_TYPE})
    `.execute(trx);
  }
}

/** Updates entries in place (their link to an agency stays) and drops counts for services they no longer offer. */
export async function updateProviders(trx: Transaction<DB>, writes: readonly PlannedWrite[], userId: string, now: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += BATCH) {
    const json = JSON.stringify(writes.slice(i, i + BATCH).map(record));
    await sql`
      update directory_providers as p set (${ids(COLUMN_NAMES)}, updated_by_user_id, updated_at) = (${ids(COLUMN_NAMES, 'x')}, ${userId}::uuid, ${now}::timestamptz)
      from jsonb_to_recordset(${json}::jsonb) as x(${RECORD_TYPE})
      where p.id = x.id
    `.execute(trx);
    await sql`
      delete from directory_capacity as c using jsonb_to_recordset(${json}::jsonb) as x(${RECORD_TYPE})
      where c.provider_id = x.id and not (c.service_type = any (x.service_types))
    `.execute(trx);
  }
}

/** Every entry, a page at a time in a fixed order, for an export that never holds the whole directory. */
export function exportPage(db: Kysely<DB>, afterId: string | null, limit: number) {
  let q = providerSelect(db);
  if (afterId) q = q.where('p.id', '>', afterId);
  return q.orderBy('p.id').limit(limit).execute();
}
