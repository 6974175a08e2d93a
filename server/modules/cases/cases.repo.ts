import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, PartnerLevel } from '../../platform/db/schema.ts';
import type { CaseListQuery } from './cases.schema.ts';

export type Db = Kysely<DB> | Transaction<DB>;

/** The columns every case answer needs, with the list counts and the actor's agency's partner level. */
function caseSelect(db: Db, agencyId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.lead_agency_id')
    .leftJoin('case_partners as p', (join) => join.onRef('p.case_id', '=', 'c.id').on('p.agency_id', '=', agencyId))
    .select([
      'c.id', 'c.number', 'c.title', 'c.trafficking_type', 'c.status', 'c.lead_agency_id', 'a.name as lead_agency_name', 'c.created_at', 'c.updated_at',
      'c.unnamed_potential_victims', 'c.unnamed_confirmed_victims', 'p.level as partner_level',
      (eb) => eb.selectFrom('case_entities as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.case_id', '=', 'c.id').where('e.role', '=', 'potential_victim').as('potential_victims'),
      (eb) => eb.selectFrom('case_entities as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.case_id', '=', 'c.id').where('e.role', '=', 'confirmed_victim').as('confirmed_victims'),
      (eb) => eb.selectFrom('case_entities as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.case_id', '=', 'c.id').where('e.role', '=', 'suspect').as('suspects'),
    ]);
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, id: string, agencyId: string) {
  return caseSelect(db, agencyId).where('c.id', '=', id).executeTakeFirst();
}

/** The facts access depends on, locked for update inside a transaction when `lock` is set. */
export async function findCaseAccessFacts(db: Db, id: string, agencyId: string, lock = false): Promise<{ leadAgencyId: string; partnerLevel: PartnerLevel | null; status: string } | null> {
  let q = db.selectFrom('cases').select(['lead_agency_id', 'status']).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const partner = await db.selectFrom('case_partners').select('level').where('case_id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
  return { leadAgencyId: row.lead_agency_id, partnerLevel: partner?.level ?? null, status: row.status };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Cases the scope may list: every case (coordinators), or those the agency leads or is a partner in. */
export function listCases(db: Db, agencyId: string, userId: string, everything: boolean, query: CaseListQuery) {
  let q = caseSelect(db, agencyId);
  if (!everything || query.scope !== 'all') {
    q = q.where((eb) => {
      const lead = eb('c.lead_agency_id', '=', agencyId);
      const partner = eb('p.agency_id', 'is not', null);
      const assigned = eb.exists(eb.selectFrom('case_assignments as s').select('s.case_id').whereRef('s.case_id', '=', 'c.id').where('s.user_id', '=', userId));
      if (query.scope === 'lead') return lead;
      if (query.scope === 'partner') return partner;
      if (query.scope === 'assigned') return assigned;
      return eb.or([lead, partner]);
    });
  }
  if (query.status) q = q.where('c.status', '=', query.status);
  if (query.traffickingType) q = q.where('c.trafficking_type', '=', query.traffickingType);
  if (query.q) {
    const number = /^\d{1,12}$/.test(query.q) ? Number(query.q) : null;
    q = q.where((eb) => eb.or([eb('c.title', 'ilike', `%${escapeLike(query.q!)}%`), ...(number !== null ? [eb('c.number', '=', number)] : [])]));
  }
  return q.orderBy('c.updated_at', 'desc').orderBy('c.number', 'desc').limit(query.limit).offset(query.offset).execute();
}

export function findCaseDetail(db: Db, id: string) {
  return db
    .selectFrom('cases as c')
    .leftJoin('tips as t', 't.id', 'c.source_tip_id')
    .select(['c.summary', 'c.agency_reference', 'c.jurisdictions', 'c.closed_reason', 'c.referred_to', 'c.closed_at', 'c.source_tip_id', 't.number as source_tip_number', 'c.unnamed_potential_victims', 'c.unnamed_confirmed_victims'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
}

export function listAssignments(db: Db, caseId: string) {
  return db
    .selectFrom('case_assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.role', 'u.display_name', 'u.email', 'u.agency_id'])
    .where('s.case_id', '=', caseId)
    .orderBy(sql`case when s.role = 'lead' then 0 else 1 end`)
    .orderBy('u.display_name')
    .execute();
}

export function listPartners(db: Db, caseId: string) {
  return db
    .selectFrom('case_partners as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.agency_id', 'a.name', 'p.level', 'p.granted_at', 'p.via_hit_id'])
    .where('p.case_id', '=', caseId)
    .orderBy('a.name')
    .execute();
}

/**
 * Who to contact about a case: the person leading it (or, without one, whoever opened it), with the lead
 * agency's phone and, when the person has none, its email.
 */
export async function findPointOfContact(db: Db, caseId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.lead_agency_id')
    .leftJoin('case_assignments as s', (join) => join.onRef('s.case_id', '=', 'c.id').on('s.role', '=', 'lead'))
    .leftJoin('users as u', (join) => join.on((eb) => eb('u.id', '=', eb.fn.coalesce('s.user_id', 'c.created_by_user_id'))))
    .select(['a.name as agency_name', 'a.contact_email', 'a.contact_phone', 'u.display_name', 'u.email', 'u.disabled_at'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

/** Points of contact of many cases at once, by case id (as `findPointOfContact`). */
export async function findPointsOfContact(db: Db, caseIds: readonly string[]) {
  if (!caseIds.length) return new Map<string, NonNullable<Awaited<ReturnType<typeof findPointOfContact>>>>();
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.lead_agency_id')
    .leftJoin('case_assignments as s', (join) => join.onRef('s.case_id', '=', 'c.id').on('s.role', '=', 'lead'))
    .leftJoin('users as u', (join) => join.on((eb) => eb('u.id', '=', eb.fn.coalesce('s.user_id', 'c.created_by_user_id'))))
    .select(['c.id as case_id', 'a.name as agency_name', 'a.contact_email', 'a.contact_phone', 'u.display_name', 'u.email', 'u.disabled_at'])
    .where('c.id', 'in', caseIds)
    .execute();
  return new Map(rows.map(({ case_id, ...contact }) => [case_id, contact]));
}

/** `caseRecipients` of many cases at once, by case id. */
export async function caseRecipientsOf(db: Db, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, { assigned: string[]; opener: string[] }>(caseIds.map((id) => [id, { assigned: [], opener: [] }]));
  if (!caseIds.length) return new Map();
  const rows = await sql<{ case_id: string; id: string; assigned: boolean }>`
    select s.case_id, u.id, true as assigned from case_assignments s join users u on u.id = s.user_id
      where s.case_id = any(${[...caseIds]}::uuid[]) and u.disabled_at is null
    union all
    select c.id, u.id, false from cases c join users u on u.id = c.created_by_user_id
      where c.id = any(${[...caseIds]}::uuid[]) and u.disabled_at is null
  `.execute(db);
  for (const r of rows.rows) found.get(r.case_id)?.[r.assigned ? 'assigned' : 'opener'].push(r.id);
  return new Map([...found].map(([id, f]) => [id, f.assigned.length ? f.assigned : f.opener]));
}

/** The people to tell about something that happened to a case: those assigned to it, or whoever opened it. */
export async function caseRecipients(db: Db, caseId: string): Promise<string[]> {
  const rows = await sql<{ id: string; assigned: boolean }>`
    select u.id, true as assigned from case_assignments s join users u on u.id = s.user_id where s.case_id = ${caseId} and u.disabled_at is null
    union all
    select u.id, false from cases c join users u on u.id = c.created_by_user_id where c.id = ${caseId} and u.disabled_at is null
  `.execute(db);
  const assigned = rows.rows.filter((r) => r.assigned);
  return (assigned.length ? assigned : rows.rows).map((r) => r.id);
}

export function listTasks(db: Db, caseId: string) {
  return db
    .selectFrom('case_tasks as t')
    .leftJoin('users as u', 'u.id', 't.owner_user_id')
    .select(['t.id', 't.title', 't.details', 't.owner_user_id', 'u.display_name as owner_name', 't.due_on', 't.status', 't.created_at', 't.completed_at'])
    .where('t.case_id', '=', caseId)
    .orderBy(sql`case when t.status = 'open' then 0 else 1 end`)
    .orderBy(sql`t.due_on nulls last`)
    .orderBy('t.created_at')
    .execute();
}

export function listNotes(db: Db, caseId: string) {
  return db
    .selectFrom('case_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.body', 'u.display_name as author', 'n.author_agency_id', 'n.created_at'])
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at')
    .execute();
}

export function listDocuments(db: Db, caseId: string) {
  return db
    .selectFrom('case_documents as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by_user_id')
    .select(['d.id', 'd.title', 'd.content_type', 'd.byte_size', 'd.source', 'u.display_name as uploaded_by', 'd.created_at'])
    .where('d.case_id', '=', caseId)
    .orderBy('d.created_at')
    .execute();
}

export function listOutcomes(db: Db, caseId: string) {
  return db
    .selectFrom('case_outcomes as o')
    .innerJoin('entities as e', 'e.id', 'o.entity_id')
    .leftJoin('users as s', 's.id', 'o.safe_harbor_override_by_user_id')
    .select([
      'o.id', 'o.entity_id', 'e.label', 'o.type', 'o.occurred_on', 'o.conduct_on', 'o.offense_category', 'o.statute', 'o.jurisdiction_level', 'o.description',
      'o.disposition', 'o.details', 'o.safe_harbor_override_reason', 's.display_name as override_by', 'o.created_at',
    ])
    .where('o.case_id', '=', caseId)
    .orderBy('o.occurred_on')
    .orderBy('o.created_at')
    .execute();
}

/** Several cases at once, with the agency's partner level on each. */
export function findCases(db: Db, ids: readonly string[], agencyId: string) {
  if (!ids.length) return Promise.resolve([]);
  return caseSelect(db, agencyId).where('c.id', 'in', ids).execute();
}

/** Active people of the lead agency and of partner agencies at `edit`, with their roles: who might work a case. */
export async function findCaseWorkerCandidates(db: Db, caseId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.display_name', 'u.agency_id', 'a.name as agency_name', (eb) => eb.selectFrom('user_roles as r').select((x) => x.fn.agg<string[]>('array_agg', ['r.role']).as('roles')).whereRef('r.user_id', '=', 'u.id').as('roles')])
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.agency_id', '=', eb.selectFrom('cases').select('lead_agency_id').where('id', '=', caseId)),
        eb('u.agency_id', 'in', eb.selectFrom('case_partners').select('agency_id').where('case_id', '=', caseId).where('level', '=', 'edit')),
      ]),
    )
    .orderBy('a.name')
    .orderBy('u.display_name')
    .execute();
}
