import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseEntityRole, DB, EntityKind } from '../../platform/db/schema.ts';
import type { DescribedEntity, Identifier } from './entities.model.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const ENTITY_COLUMNS = ['e.id', 'e.kind', 'e.owner_agency_id', 'e.label', 'e.data', 'e.birth_date', 'e.estimated_age', 'e.age_as_of', 'e.created_at', 'e.updated_at'] as const;

export type EntityRow = NonNullable<Awaited<ReturnType<typeof findEntity>>>;

export function findEntity(db: Db, id: string) {
  return db.selectFrom('entities as e').select(ENTITY_COLUMNS).where('e.id', '=', id).executeTakeFirst();
}

export async function identifiersOf(db: Db, entityIds: readonly string[]): Promise<Map<string, Identifier[]>> {
  const out = new Map<string, Identifier[]>();
  if (!entityIds.length) return out;
  const rows = await db.selectFrom('entity_identifiers').select(['entity_id', 'kind', 'value']).where('entity_id', 'in', entityIds).orderBy('kind').orderBy('value').execute();
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), { kind: r.kind, value: r.value }]);
  return out;
}

/** An entity of this agency already holding one of these identifiers: the same phone is one entity per agency. */
export async function findEntityByIdentifier(trx: Transaction<DB>, agencyId: string, kind: EntityKind, identifiers: readonly Identifier[]) {
  if (!identifiers.length) return undefined;
  // Two people adding the same phone at once must end with one entity: serialize on the identifier.
  for (const i of identifiers) await sql`select pg_advisory_xact_lock(hashtext(${`entity:${agencyId}:${i.kind}:${i.value}`}))`.execute(trx);
  return trx
    .selectFrom('entity_identifiers as i')
    .innerJoin('entities as e', 'e.id', 'i.entity_id')
    .select(ENTITY_COLUMNS)
    .where('e.owner_agency_id', '=', agencyId)
    .where('e.kind', '=', kind)
    .where((eb) => eb.or(identifiers.map((i) => eb.and([eb('i.kind', '=', i.kind), eb('i.value', '=', i.value)]))))
    .orderBy('e.created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function insertEntity(trx: Transaction<DB>, d: DescribedEntity, ownerAgencyId: string, userId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto('entities')
    .values({
      kind: d.kind,
      owner_agency_id: ownerAgencyId,
      label: d.label,
      data: JSON.stringify(d.data),
      birth_date: d.birthDate,
      estimated_age: d.estimatedAge,
      age_as_of: d.ageAsOf,
      search_key: d.searchKey,
      created_by_user_id: userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceIdentifiers(trx, row.id, d.identifiers);
  return row.id;
}

export async function updateEntity(trx: Transaction<DB>, id: string, d: DescribedEntity, now: Date): Promise<void> {
  await trx
    .updateTable('entities')
    .set({ label: d.label, data: JSON.stringify(d.data), birth_date: d.birthDate, estimated_age: d.estimatedAge, age_as_of: d.ageAsOf, search_key: d.searchKey, updated_at: now })
    .where('id', '=', id)
    .execute();
  await replaceIdentifiers(trx, id, d.identifiers);
}

async function replaceIdentifiers(trx: Transaction<DB>, entityId: string, identifiers: readonly Identifier[]): Promise<void> {
  await trx.deleteFrom('entity_identifiers').where('entity_id', '=', entityId).execute();
  if (identifiers.length) await trx.insertInto('entity_identifiers').values(identifiers.map((i) => ({ entity_id: entityId, kind: i.kind, value: i.value }))).execute();
}

export type CaseEntityRow = Awaited<ReturnType<typeof listCaseEntities>>[number];

export function listCaseEntities(db: Db, caseId: string) {
  return db
    .selectFrom('case_entities as ce')
    .innerJoin('entities as e', 'e.id', 'ce.entity_id')
    .select([...ENTITY_COLUMNS, 'ce.id as case_entity_id', 'ce.case_id', 'ce.role', 'ce.suspect_roles', 'ce.note', 'ce.added_at'])
    .where('ce.case_id', '=', caseId)
    .orderBy('ce.added_at')
    .execute();
}

export function findCaseEntity(db: Db, caseId: string, caseEntityId: string) {
  return db
    .selectFrom('case_entities as ce')
    .innerJoin('entities as e', 'e.id', 'ce.entity_id')
    .select([...ENTITY_COLUMNS, 'ce.id as case_entity_id', 'ce.case_id', 'ce.role', 'ce.suspect_roles', 'ce.note', 'ce.added_at'])
    .where('ce.case_id', '=', caseId)
    .where('ce.id', '=', caseEntityId)
    .executeTakeFirst();
}

export async function insertCaseEntity(
  trx: Transaction<DB>,
  values: { caseId: string; entityId: string; role: CaseEntityRole; suspectRoles: string[]; note: string | null; userId: string; now: Date },
): Promise<string | null> {
  const row = await trx
    .insertInto('case_entities')
    .values({ case_id: values.caseId, entity_id: values.entityId, role: values.role, suspect_roles: values.suspectRoles, note: values.note, added_by_user_id: values.userId, added_at: values.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Cases (by id) holding each entity, with its role there. */
export async function casesOfEntities(db: Db, entityIds: readonly string[]) {
  if (!entityIds.length) return [];
  return db
    .selectFrom('case_entities as ce')
    .innerJoin('cases as c', 'c.id', 'ce.case_id')
    .select(['ce.entity_id', 'ce.role', 'c.id', 'c.number', 'c.title', 'c.lead_agency_id'])
    .where('ce.entity_id', 'in', entityIds)
    .orderBy('c.number')
    .execute();
}

export function linksOf(db: Db, entityIds: readonly string[]) {
  if (!entityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('entity_links')
    .select(['id', 'from_entity_id', 'to_entity_id', 'type', 'note', 'case_id', 'created_at'])
    .where((eb) => eb.or([eb('from_entity_id', 'in', entityIds), eb('to_entity_id', 'in', entityIds)]))
    .orderBy('created_at')
    .execute();
}
