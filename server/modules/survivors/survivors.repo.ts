import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { BlindIndexKind } from '../../platform/db/schema-survivors.ts';

export type Db = Kysely<DB> | Transaction<DB>;

// Every query here runs inside `withRowScope` (row-level security as haven_app); the filters are still written
// out, so the policies are a second line, not the only one.

export function findSurvivorRow(db: Db, id: string) {
  return db
    .selectFrom('survivors as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .select([
      's.id', 's.number', 's.agency_id', 'a.name as agency_name', 's.key_version', 's.identity_enc', 's.contact_enc', 's.narrative_enc', 's.gender',
      's.age_at_identification', 's.age_basis', 's.is_minor', 's.primary_language', 's.trafficking_type', 's.identified_at', 's.status', 's.closed_at',
      's.safe_harbor', 's.created_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SurvivorRow = NonNullable<Awaited<ReturnType<typeof findSurvivorRow>>>;

export function findSurvivorFacts(db: Db, id: string, lock = false) {
  const q = db.selectFrom('survivors').select(['id', 'agency_id', 'key_version', 'is_minor', 'status', 'safe_harbor', 'identified_at']).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function listSurvivorRows(db: Db, options: { agencyId: string; sharedIds: readonly string[]; onlyIds?: readonly string[]; limit: number }) {
  let q = db
    .selectFrom('survivors as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .select(['s.id', 's.number', 's.agency_id', 'a.name as agency_name', 's.key_version', 's.identity_enc', 's.is_minor', 's.status', 's.identified_at'])
    .where((eb) => (options.sharedIds.length ? eb.or([eb('s.agency_id', '=', options.agencyId), eb('s.id', 'in', options.sharedIds)]) : eb('s.agency_id', '=', options.agencyId)));
  if (options.onlyIds) q = options.onlyIds.length ? q.where('s.id', 'in', options.onlyIds) : q.where('s.id', 'is', null);
  return q.orderBy('s.created_at', 'desc').limit(options.limit).execute();
}

export async function replaceBlindIndexes(trx: Transaction<DB>, survivorId: string, agencyId: string, kinds: readonly BlindIndexKind[], entries: Array<{ kind: BlindIndexKind; value: Buffer }>): Promise<void> {
  if (kinds.length) await trx.deleteFrom('survivor_blind_indexes').where('survivor_id', '=', survivorId).where('kind', 'in', kinds).execute();
  if (entries.length) {
    await trx
      .insertInto('survivor_blind_indexes')
      .values(entries.map((e) => ({ survivor_id: survivorId, agency_id: agencyId, kind: e.kind, value: e.value })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function findByBlindIndexes(db: Db, agencyId: string, values: readonly Buffer[]): Promise<string[]> {
  if (!values.length) return [];
  const rows = await db.selectFrom('survivor_blind_indexes').select('survivor_id').distinct().where('agency_id', '=', agencyId).where('value', 'in', values).execute();
  return rows.map((r) => r.survivor_id);
}

export function listScreenings(db: Db, id: string) {
  return db.selectFrom('survivor_screenings').select(['id', 'answers', 'indicators', 'score', 'potential_victim', 'reasons', 'methods_of_control', 'types_of_exploitation', 'screened_at']).where('survivor_id', '=', id).orderBy('screened_at', 'desc').execute();
}

export function listNeeds(db: Db, id: string) {
  return db.selectFrom('survivor_needs').select(['id', 'domain', 'detail', 'priority', 'status', 'note', 'created_at', 'updated_at']).where('survivor_id', '=', id).orderBy('created_at').execute();
}

export function listGoals(db: Db, id: string) {
  return db.selectFrom('survivor_goals').select(['id', 'domain', 'description', 'target_date', 'status', 'achieved_on']).where('survivor_id', '=', id).orderBy('created_at').execute();
}

export function listServices(db: Db, id: string) {
  return db
    .selectFrom('survivor_services as v')
    .leftJoin('directory_providers as p', 'p.id', 'v.provider_id')
    .select(['v.id', 'v.service_type', 'v.delivered_on', 'v.provider_id', 'p.name as provider_name', 'v.units', 'v.hours', 'v.note'])
    .where('v.survivor_id', '=', id)
    .orderBy('v.delivered_on', 'desc')
    .execute();
}

export function listTasks(db: Db, id: string) {
  return db.selectFrom('survivor_tasks').select(['id', 'kind', 'title', 'due_at', 'status', 'done_at']).where('survivor_id', '=', id).orderBy('created_at').execute();
}

export function listDocuments(db: Db, id: string) {
  return db.selectFrom('survivor_documents').select(['id', 'key_version', 'title_enc', 'content_type', 'byte_size', 'created_at']).where('survivor_id', '=', id).orderBy('created_at').execute();
}

export function listConsents(db: Db, id: string) {
  return db
    .selectFrom('survivor_consents as c')
    .innerJoin('agencies as a', 'a.id', 'c.recipient_agency_id')
    .select(['c.id', 'c.recipient_agency_id', 'a.name as recipient_name', 'c.purpose', 'c.categories', 'c.method', 'c.starts_at', 'c.expires_at', 'c.signer', 'c.minor_consent_basis', 'c.revoked_at', 'c.created_at'])
    .where('c.survivor_id', '=', id)
    .orderBy('c.created_at', 'desc')
    .execute();
}
export type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number];

export function listDisclosures(db: Db, id: string) {
  return db
    .selectFrom('survivor_disclosures as d')
    .leftJoin('agencies as a', 'a.id', 'd.recipient_agency_id')
    .select(['d.id', 'd.recipient_agency_id', 'a.name as recipient_name', 'd.recipient_description', 'd.basis', 'd.legal_reference', 'd.categories', 'd.status', 'd.expires_at', 'd.notice_given_at', 'd.notice_method', 'd.requested_at', 'd.decided_at'])
    .where('d.survivor_id', '=', id)
    .orderBy('d.requested_at', 'desc')
    .execute();
}
export type DisclosureRow = Awaited<ReturnType<typeof listDisclosures>>[number];
