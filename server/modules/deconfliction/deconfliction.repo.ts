import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { addDays } from '../entities/person-age.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Replaces what the index holds for one entity in one case. */
export async function replaceIndexRows(
  trx: Transaction<DB>,
  at: { caseId: string; agencyId: string; entityId: string },
  identifiers: ReadonlyArray<{ kind: string; value: string }>,
  persons: ReadonlyArray<{ nameKey: string; phoneticKey: string; bornFrom: string; bornTo: string }>,
): Promise<void> {
  await trx.deleteFrom('deconfliction_identifiers').where('case_id', '=', at.caseId).where('entity_id', '=', at.entityId).execute();
  await trx.deleteFrom('deconfliction_persons').where('case_id', '=', at.caseId).where('entity_id', '=', at.entityId).execute();
  if (identifiers.length) {
    await trx
      .insertInto('deconfliction_identifiers')
      .values(identifiers.map((i) => ({ kind: i.kind, value: i.value, case_id: at.caseId, agency_id: at.agencyId, entity_id: at.entityId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (persons.length) {
    await trx
      .insertInto('deconfliction_persons')
      .values(persons.map((p) => ({ case_id: at.caseId, agency_id: at.agencyId, entity_id: at.entityId, name_key: p.nameKey, phonetic_key: p.phoneticKey, born_from: p.bornFrom, born_to: p.bornTo })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function removeIndexRows(trx: Transaction<DB>, caseId: string, entityId: string): Promise<void> {
  await trx.deleteFrom('deconfliction_identifiers').where('case_id', '=', caseId).where('entity_id', '=', entityId).execute();
  await trx.deleteFrom('deconfliction_persons').where('case_id', '=', caseId).where('entity_id', '=', entityId).execute();
}

/** Every other agency's case holding one of these identifiers: one index lookup per identifier. */
export function findIdentifierMatches(db: Db, agencyId: string, identifiers: ReadonlyArray<{ kind: string; value: string }>) {
  if (!identifiers.length) return Promise.resolve([]);
  return db
    .selectFrom('deconfliction_identifiers')
    .select(['kind', 'value', 'case_id', 'agency_id', 'entity_id'])
    .where((eb) => eb.or(identifiers.map((i) => eb.and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))))
    .where('agency_id', '!=', agencyId)
    .limit(500)
    .execute();
}

/**
 * The trigram similarity a name key needs to be a candidate (the default, 0.3, lets "garcia jose" through for
 * "garcia maria"); local to the transaction. Transliterations that trigrams miss are caught by the skeleton.
 */
export async function narrowNameCandidates(trx: Transaction<DB>): Promise<void> {
  await sql`set local pg_trgm.similarity_threshold = 0.5`.execute(trx);
}

/**
 * Other agencies' persons whose name key is trigram-similar or phonetically equal to this one, born within a
 * year of the range this person's age allows (the final decision, with typo-tolerant dates, is matching.ts's).
 */
export function findPersonCandidates(db: Db, agencyId: string, key: { nameKey: string; phoneticKey: string; bornFrom: string; bornTo: string }) {
  return db
    .selectFrom('deconfliction_persons as p')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .select(['p.case_id', 'p.agency_id', 'p.entity_id', 'p.name_key', 'e.birth_date', 'e.estimated_age', 'e.age_as_of'])
    .where('p.agency_id', '!=', agencyId)
    .where((eb) => eb.or([sql<boolean>`${sql.ref('p.name_key')} % ${key.nameKey}`, eb('p.phonetic_key', '=', key.phoneticKey)]))
    .where('p.born_from', '<=', addDays(key.bornTo, 366))
    .where('p.born_to', '>=', addDays(key.bornFrom, -366))
    .limit(200)
    .execute();
}

/**
 * Records a match between two cases: the hit of the pair (created once) and the pair of entities behind it.
 * Returns the hit and whether it is new.
 */
export async function upsertHit(
  trx: Transaction<DB>,
  mine: { caseId: string; agencyId: string; entityId: string },
  theirs: { caseId: string; agencyId: string; entityId: string },
  kind: string,
  now: Date,
): Promise<{ id: string; isNew: boolean; kindIsNew: boolean }> {
  const [a, b] = mine.caseId < theirs.caseId ? [mine, theirs] : [theirs, mine];
  const inserted = await trx
    .insertInto('deconfliction_hits')
    .values({ case_a_id: a.caseId, agency_a_id: a.agencyId, case_b_id: b.caseId, agency_b_id: b.agencyId, matched_kinds: [kind], created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['case_a_id', 'case_b_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  let id = inserted?.id;
  let kindIsNew = true;
  if (!id) {
    const existing = await trx.selectFrom('deconfliction_hits').select(['id', 'matched_kinds']).where('case_a_id', '=', a.caseId).where('case_b_id', '=', b.caseId).forUpdate().executeTakeFirstOrThrow();
    id = existing.id;
    kindIsNew = !existing.matched_kinds.includes(kind);
    if (kindIsNew) await trx.updateTable('deconfliction_hits').set({ matched_kinds: [...existing.matched_kinds, kind], updated_at: now }).where('id', '=', id).execute();
  }
  await trx
    .insertInto('deconfliction_hit_matches')
    .values({ hit_id: id, kind, entity_a_id: a.entityId, entity_b_id: b.entityId, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { id, isNew: Boolean(inserted), kindIsNew };
}

export type HitRow = NonNullable<Awaited<ReturnType<typeof findHit>>>;

const HIT_COLUMNS = [
  'h.id', 'h.case_a_id', 'h.agency_a_id', 'h.case_b_id', 'h.agency_b_id', 'h.matched_kinds', 'h.a_answer', 'h.a_level', 'h.b_answer', 'h.b_level', 'h.shared_at', 'h.created_at', 'h.updated_at',
  'ca.number as case_a_number', 'ca.title as case_a_title', 'cb.number as case_b_number', 'cb.title as case_b_title', 'aa.name as agency_a_name', 'ab.name as agency_b_name',
] as const;

function hitSelect(db: Db) {
  return db
    .selectFrom('deconfliction_hits as h')
    .innerJoin('cases as ca', 'ca.id', 'h.case_a_id')
    .innerJoin('cases as cb', 'cb.id', 'h.case_b_id')
    .innerJoin('agencies as aa', 'aa.id', 'h.agency_a_id')
    .innerJoin('agencies as ab', 'ab.id', 'h.agency_b_id')
    .select(HIT_COLUMNS);
}

export function findHit(db: Db, id: string) {
  return hitSelect(db).where('h.id', '=', id).executeTakeFirst();
}

export function listHits(db: Db, filter: { agencyId: string | null; status?: 'open' | 'shared' | 'declined' | undefined; caseId?: string | undefined; limit: number }) {
  const { agencyId, status, caseId, limit } = filter;
  let q = hitSelect(db);
  if (caseId) q = q.where((eb) => eb.or([eb('h.case_a_id', '=', caseId), eb('h.case_b_id', '=', caseId)]));
  if (agencyId) q = q.where((eb) => eb.or([eb('h.agency_a_id', '=', agencyId), eb('h.agency_b_id', '=', agencyId)]));
  if (status === 'shared') q = q.where('h.shared_at', 'is not', null);
  if (status === 'declined') q = q.where((eb) => eb.or([eb('h.a_answer', '=', 'declined'), eb('h.b_answer', '=', 'declined')]));
  if (status === 'open') q = q.where('h.shared_at', 'is', null).where((eb) => eb.and([eb.or([eb('h.a_answer', 'is', null), eb('h.a_answer', '=', 'agreed')]), eb.or([eb('h.b_answer', 'is', null), eb('h.b_answer', '=', 'agreed')])]));
  return q.orderBy('h.created_at', 'desc').limit(limit).execute();
}

/** The matched entities of one side of a hit (that side's own records only). */
export function matchedEntitiesOf(db: Db, hitId: string, side: 'a' | 'b') {
  const column = side === 'a' ? 'm.entity_a_id' : 'm.entity_b_id';
  return db
    .selectFrom('deconfliction_hit_matches as m')
    .innerJoin('entities as e', 'e.id', column)
    .select(['m.kind', 'e.id', 'e.label', 'e.kind as entity_kind'])
    .where('m.hit_id', '=', hitId)
    .distinct()
    .execute();
}
