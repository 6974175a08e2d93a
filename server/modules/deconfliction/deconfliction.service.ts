import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import { caseRecipients, findPointOfContact } from '../cases/cases.repo.ts';
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

/** Who to call about a case: its point of contact (lead or opener) and its agency's name. */
async function contactOf(trx: Transaction<DB>, side: Side): Promise<Contact> {
  const contact = await findPointOfContact(trx, side.caseId);
  const poc = contact ? presentPointOfContact(contact) : null;
  return { agencyName: poc?.agencyName ?? '', pointOfContact: poc ? { name: poc.name, email: poc.email, phone: poc.phone } : { name: '', email: null, phone: null } };
}

async function recordMatches(trx: Transaction<DB>, ctx: AppContext, actor: Actor | null, mine: Side, found: Array<{ theirs: Side; kind: string }>): Promise<DeconflictionNotice[]> {
  const notices = new Map<string, DeconflictionNotice>();
  const contacts = new Map<string, Contact>();
  const contact = async (side: Side) => contacts.get(side.caseId) ?? contacts.set(side.caseId, await contactOf(trx, side)).get(side.caseId)!;
  const recipients = new Map<string, string[]>();
  const recipientsOf = async (caseId: string) => recipients.get(caseId) ?? recipients.set(caseId, await caseRecipients(trx, caseId)).get(caseId)!;
  const now = ctx.now();
  for (const { theirs, kind } of found) {
    const hit = await repo.upsertHit(trx, mine, theirs, kind, now);
    if (hit.isNew) {
      await announceHit(trx, ctx, actor, hit.id, [mine, await contact(mine)], [theirs, await contact(theirs)], kind, recipientsOf);
    } else if (hit.kindIsNew) {
      for (const side of [mine, theirs]) await recordCaseEvent(trx, { caseId: side.caseId, actor: null, kind: 'deconfliction.match_added', at: now, data: { hitId: hit.id, matchedKind: kind } });
    }
    if (!notices.has(hit.id)) {
      const c = await contact(theirs);
      notices.set(hit.id, { hitId: hit.id, otherAgency: { id: theirs.agencyId, name: c.agencyName }, pointOfContact: c.pointOfContact, matchedKind: kind, isNew: hit.isNew });
    }
  }
  return [...notices.values()];
}

/**
 * Tells both cases' people about a new hit, writes it on both timelines and in the audit trail. The message
 * holds only the other agency's name, its point of contact, the kind of match and the hit: nothing of the
 * other case.
 */
async function announceHit(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor | null,
  hitId: string,
  [a, ca]: [Side, Contact],
  [b, cb]: [Side, Contact],
  kind: string,
  recipientsOf: (caseId: string) => Promise<string[]>,
): Promise<void> {
  const now = ctx.now();
  for (const [side, other, c] of [[a, b, cb], [b, a, ca]] as const) {
    const data = { hitId, otherAgencyName: c.agencyName, pointOfContact: c.pointOfContact, matchedKind: kind };
    const recipients = await recipientsOf(side.caseId);
    if (recipients.length) {
      await trx
        .insertInto('notifications')
        .values(recipients.map((userId) => ({ user_id: userId, kind: 'deconfliction.hit', entity_type: 'deconfliction_hit', entity_id: hitId, data: JSON.stringify(data), created_at: now })))
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doNothing())
        .execute();
    }
    await recordCaseEvent(trx, { caseId: side.caseId, actor: null, kind: 'deconfliction.hit', at: now, data: { hitId, otherAgencyId: other.agencyId, otherAgencyName: c.agencyName, matchedKind: kind } });
  }
  await recordAudit(trx, ctx.keys, {
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    action: 'deconfliction.hit',
    entityType: 'deconfliction_hit',
    entityId: hitId,
    details: { caseAId: a.caseId, caseBId: b.caseId, agencyAId: a.agencyId, agencyBId: b.agencyId, matchedKind: kind },
  });
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
