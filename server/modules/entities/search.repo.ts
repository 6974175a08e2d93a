import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Which cases a search may look into: their content (`read` and up), and their list fields. */
export interface SearchReach {
  agencyId: string;
  /** The lead agency's own cases (read:case:own-agency). */
  own: boolean;
  /** Cases shared with the agency (read:case:partner). */
  partner: boolean;
  /** Every case's list fields (read:case-list:any). */
  everyTitle: boolean;
}

/**
 * Whether the case row `c` is one whose content the reach covers (the agency's own, or shared with it at read or
 * edit), as a predicate on the row: checked per candidate, after the text or trigram index found it.
 */
function readable(reach: SearchReach, c: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (reach.own) parts.push(sql`${sql.ref(`${c}.lead_agency_id`)} = ${reach.agencyId}`);
  if (reach.partner) parts.push(sql`exists (select 1 from case_partners p where p.case_id = ${sql.ref(`${c}.id`)} and p.agency_id = ${reach.agencyId} and p.level in ('read', 'edit'))`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Whether the reach covers the list fields (number, title) of the case row `c`. */
function listable(reach: SearchReach, c: string): RawBuilder<unknown> {
  if (reach.everyTitle) return sql`true`;
  const parts: RawBuilder<unknown>[] = [];
  if (reach.own) parts.push(sql`${sql.ref(`${c}.lead_agency_id`)} = ${reach.agencyId}`);
  if (reach.partner) parts.push(sql`exists (select 1 from case_partners p where p.case_id = ${sql.ref(`${c}.id`)} and p.agency_id = ${reach.agencyId})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** An entity `e` held by a case whose content the reach covers. */
const entityReadable = (reach: SearchReach) => sql`exists (select 1 from case_entities ce join cases c on c.id = ce.case_id where ce.entity_id = e.id and ${readable(reach, 'c')})`;

/**
 * Cases whose title holds the query's words (typo-tolerant word similarity: titles share words like "Operation",
 * which whole-title similarity would match everywhere), number, or, where the content may be read, text or notes match.
 */
export async function searchCases(db: Kysely<DB> | Transaction<DB>, reach: SearchReach, q: string, limit: number) {
  const lower = q.toLowerCase();
  const number = /^\d{1,12}$/.test(q) ? Number(q) : -1;
  // Trigrams of digits match nearly everything: a query without letters is looked up by number only.
  const byTitle = /\p{L}/u.test(q);
  const titles = await sql<{ id: string; matched: string; rank: number }>`
    select c.id, case when c.number = ${number} then 'number' else 'title' end as matched,
      case when c.number = ${number} then 2 else word_similarity(${lower}, lower(c.title)) end as rank
    from cases c
    where (${byTitle ? sql`lower(c.title) %> ${lower} or ` : sql``}c.number = ${number})
      and ${listable(reach, 'c')}
    order by rank desc
    limit ${limit}
  `.execute(db);
  const text = await sql<{ id: string; matched: string; rank: number }>`
    select id, matched, rank from (
      select c.id, 'text' as matched, ts_rank(c.search, websearch_to_tsquery('simple', ${q})) as rank
      from cases c where c.search @@ websearch_to_tsquery('simple', ${q}) and ${readable(reach, 'c')}
      union all
      select n.case_id, 'note', ts_rank(n.search, websearch_to_tsquery('simple', ${q}))
      from case_notes n join cases c on c.id = n.case_id where n.search @@ websearch_to_tsquery('simple', ${q}) and ${readable(reach, 'c')}
    ) found
    order by rank desc
    limit ${limit}
  `.execute(db);
  return [...titles.rows, ...text.rows];
}

/** Typo tolerance for names and titles, local to the search's transaction (pg_trgm's defaults let too much through). */
export async function setSearchThresholds(trx: Transaction<DB>): Promise<void> {
  await sql`select set_config('pg_trgm.similarity_threshold', '0.45', true), set_config('pg_trgm.word_similarity_threshold', '0.6', true)`.execute(trx);
}

/** Entities in cases the reach may read whose names are typo-tolerantly close or whose identifiers are equal. */
export async function searchEntities(db: Kysely<DB> | Transaction<DB>, reach: SearchReach, nameKey: string, identifiers: ReadonlyArray<{ kind: string; value: string }>, limit: number) {
  const exact = identifiers.length
    ? await sql<{ id: string; kind: string; label: string; matched: string; rank: number }>`
        select distinct e.id, e.kind, e.label, 'identifier' as matched, 2::real as rank
        from entity_identifiers i join entities e on e.id = i.entity_id
        where (${sql.join(identifiers.map((i) => sql`(i.kind = ${i.kind} and i.value = ${i.value})`), sql` or `)})
          and ${entityReadable(reach)}
        limit ${limit}
      `.execute(db)
    : { rows: [] };
  const names = nameKey.length >= 2 && /[a-z]/.test(nameKey)
    ? await sql<{ id: string; kind: string; label: string; matched: string; rank: number }>`
        select e.id, e.kind, e.label, 'name' as matched, greatest(similarity(e.search_key, ${nameKey}), word_similarity(${nameKey}, e.search_key)) as rank
        from entities e
        where (e.search_key % ${nameKey} or e.search_key %> ${nameKey})
          and ${entityReadable(reach)}
        order by rank desc
        limit ${limit}
      `.execute(db)
    : { rows: [] };
  return [...exact.rows, ...names.rows];
}

/** The readable cases holding each entity. */
export async function readableCasesOf(db: Kysely<DB> | Transaction<DB>, reach: SearchReach, entityIds: readonly string[]) {
  if (!entityIds.length) return [];
  const result = await sql<{ entity_id: string; case_id: string }>`
    select distinct ce.entity_id, ce.case_id from case_entities ce join cases c on c.id = ce.case_id
    where ce.entity_id in (${sql.join(entityIds)}) and ${readable(reach, 'c')}
  `.execute(db);
  return result.rows;
}
