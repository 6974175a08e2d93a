import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordCaseEvents } from '../cases/case-events.ts';
import { caseRecipientsOf, findPointsOfContact } from '../cases/cases.repo.ts';
import { presentPointOfContact } from '../cases/cases.presenter.ts';
import * as entitiesRepo from '../entities/entities.repo.ts';
import type { DeconflictionNotice } from '../entities/entities.schema.ts';
import * as repo from './deconfliction.repo.ts';
import { PERSON_MATCHES_PER_CHECK, personIndexRows, personMatchScore, type PersonRecord } from './matching.ts';

const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

interface Side {
  caseId: string;
  agencyId: string;
  entityId: string;
}

function personOf(data: Record<string, unknown>, age: { birth_date: string | null; estimated_age: number | null; age_as_of: string | null }): PersonRecord {
  const names = [data.name, ...(Array.isArray(data.aliases) ? data.aliases : [])].filter((n): n is string => typeof n === 'string' && n.length > 0);
  return { names, birthDate: age.birth_date, estimatedAge: age.estimated_age, ageAsOf: age.age_as_of };
}

/**
 * Puts an entity of a case into the deconfliction index and checks every other agency's cases at once, in the
 * transaction that added or changed it: exact normalized identifiers, and for a person a typo- and
 * transliteration-tolerant name with a compatible date of birth or age. Each new pair of cases becomes one
 * hit; both cases' people are notified with who and what kind matched, never what the other case holds.
 * Only investigative case entities are indexed: survivor-service records never take part.
 */
export async function indexAndCheck(trx: Transaction<DB>, ctx: AppContext, actor: Actor | null, at: { caseId: string; leadAgencyId: string; entityId: string }): Promise<DeconflictionNotice[]> {
  const entity = await entitiesRepo.findEntity(trx, at.entityId);
  if (!entity) return [];
  const identifiers = (await entitiesRepo.identifiersOf(trx, [at.entityId])).get(at.entityId) ?? [];
  const day = today(ctx);
  const person = entity.kind === 'person' ? personOf(entity.data, entity) : null;
  const personRows = person ? personIndexRows(person, day) : [];
  const mine: Side = { caseId: at.caseId, agencyId: at.leadAgencyId, entityId: at.entityId };
  await repo.replaceIndexRows(trx, { caseId: at.caseId, agencyId: at.leadAgencyId, entityId: at.entityId }, identifiers, personRows);

  const found: Array<{ theirs: Side; kind: string }> = [];
  for (const m of await repo.findIdentifierMatches(trx, at.leadAgencyId, identifiers)) {
    found.push({ theirs: { caseId: m.case_id, agencyId: m.agency_id, entityId: m.entity_id }, kind: m.kind });
  }
  if (person && personRows.length) {
    await repo.narrowNameCandidates(trx);
    const matches = new Map<string, { theirs: Side; score: number }>();
    for (const key of personRows) {
      for (const c of await repo.findPersonCandidates(trx, at.leadAgencyId, key)) {
        const id = `${c.case_id}:${c.entity_id}`;
        const candidate: PersonRecord = { names: [c.name_key], birthDate: c.birth_date, estimatedAge: c.estimated_age, ageAsOf: c.age_as_of };
        const score = personMatchScore(person, candidate, day);
        if (score !== null && score > (matches.get(id)?.score ?? 0)) matches.set(id, { theirs: { caseId: c.case_id, agencyId: c.agency_id, entityId: c.entity_id }, score });
      }
    }
    const closest = [...matches.values()].sort((a, b) => b.score - a.score).slice(0, PERSON_MATCHES_PER_CHECK);
    for (const m of closest) found.push({ theirs: m.theirs, kind: 'person' });
  }
  return recordMatches(trx, ctx, actor, mine, found);
}

interface Contact {
  agencyName: string;
  pointOfContact: { name: string; email: string | null; phone: string | null };
}

/** Who to call about each case: its point of contact (lead or opener) and its agency's name. */
async function contactsOf(trx: Transaction<DB>, caseIds: string[]): Promise<Map<string, Contact>> {
  const rows = await findPointsOfContact(trx, caseIds);
  const none: Contact = { agencyName: '', pointOfContact: { name: '', email: null, phone: null } };
  return new Map(
    caseIds.map((id) => {
      const row = rows.get(id);
      const poc = row ? presentPointOfContact(row) : null;
      return [id, poc ? { agencyName: poc.agencyName, pointOfContact: { name: poc.name, email: poc.email, phone: poc.phone } } : none];
    }),
  );
}

/**
 * Turns the matches of one check into hits. A common name can match a score of other cases at once, so
 * everything but the hits themselves and their audit entries is written in a few set-wide statements.
 */
async function recordMatches(trx: Transaction<DB>, ctx: AppContext, actor: Actor | null, mine: Side, found: Array<{ theirs: Side; kind: string }>): Promise<DeconflictionNotice[]> {
  if (!found.length) return [];
  const now = ctx.now();
  const hits: Array<{ id: string; theirs: Side; kind: string; isNew: boolean; kindIsNew: boolean }> = [];
  for (const { theirs, kind } of found) hits.push({ ...(await repo.upsertHit(trx, mine, theirs, kind, now)), theirs, kind });

  const contacts = await contactsOf(trx, [...new Set([mine.caseId, ...hits.map((h) => h.theirs.caseId)])]);
  const fresh = hits.filter((h) => h.isNew);
  const recipients = await caseRecipientsOf(trx, fresh.length ? [...new Set([mine.caseId, ...fresh.map((h) => h.theirs.caseId)])] : []);
  const notifications: Array<{ userId: string; hitId: string; data: Record<string, unknown> }> = [];
  const events: Array<{ caseId: string; kind: string; data: Record<string, unknown> }> = [];
  for (const hit of hits) {
    const pair = [[mine, hit.theirs], [hit.theirs, mine]] as const;
    if (hit.isNew) {
      // Each side learns the other agency, its point of contact and the kind of match: nothing of the other case.
      for (const [side, other] of pair) {
        const c = contacts.get(other.caseId)!;
        const data = { hitId: hit.id, otherAgencyName: c.agencyName, pointOfContact: c.pointOfContact, matchedKind: hit.kind };
        for (const userId of recipients.get(side.caseId) ?? []) notifications.push({ userId, hitId: hit.id, data });
        events.push({ caseId: side.caseId, kind: 'deconfliction.hit', data: { hitId: hit.id, otherAgencyId: other.agencyId, otherAgencyName: c.agencyName, matchedKind: hit.kind } });
      }
    } else if (hit.kindIsNew) {
      for (const [side] of pair) events.push({ caseId: side.caseId, kind: 'deconfliction.match_added', data: { hitId: hit.id, matchedKind: hit.kind } });
    }
  }
  if (notifications.length) {
    await trx
      .insertInto('notifications')
      .values(notifications.map((n) => ({ user_id: n.userId, kind: 'deconfliction.hit', entity_type: 'deconfliction_hit', entity_id: n.hitId, data: JSON.stringify(n.data), created_at: now })))
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doNothing())
      .execute();
  }
  await recordCaseEvents(trx, now, events);
  for (const hit of fresh) {
    await recordAudit(trx, ctx.keys, {
      actorUserId: actor?.userId ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      action: 'deconfliction.hit',
      entityType: 'deconfliction_hit',
      entityId: hit.id,
      details: { caseAId: mine.caseId, caseBId: hit.theirs.caseId, agencyAId: mine.agencyId, agencyBId: hit.theirs.agencyId, matchedKind: hit.kind },
    });
  }

  const notices = new Map<string, DeconflictionNotice>();
  for (const hit of hits) {
    if (notices.has(hit.id)) continue;
    const c = contacts.get(hit.theirs.caseId)!;
    notices.set(hit.id, { hitId: hit.id, otherAgency: { id: hit.theirs.agencyId, name: c.agencyName }, pointOfContact: c.pointOfContact, matchedKind: hit.kind, isNew: hit.isNew });
  }
  return [...notices.values()];
}

/** Takes an entity of a case out of the index (it left the case). Hits already made stay on record. */
export async function removeFromIndex(trx: Transaction<DB>, caseId: string, entityId: string): Promise<void> {
  await repo.removeIndexRows(trx, caseId, entityId);
}

/** After an entity changed: indexes and checks it again in every case that holds it. */
export async function reindexEntity(trx: Transaction<DB>, ctx: AppContext, actor: Actor, entityId: string): Promise<DeconflictionNotice[]> {
  const cases = await trx.selectFrom('case_entities as ce').innerJoin('cases as c', 'c.id', 'ce.case_id').select(['c.id', 'c.lead_agency_id']).where('ce.entity_id', '=', entityId).distinct().execute();
  const notices: DeconflictionNotice[] = [];
  for (const c of cases) notices.push(...(await indexAndCheck(trx, ctx, actor, { caseId: c.id, leadAgencyId: c.lead_agency_id, entityId })));
  return notices;
}
