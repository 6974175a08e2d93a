import type { AppContext } from '../../platform/context.ts';
import { can, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, refusedRead } from '../../platform/errors.ts';
import type { PartnerLevel } from '../../platform/db/schema.ts';
import { loadCaseFor } from '../cases/cases.access.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import { caseRecipients, findPointOfContact } from '../cases/cases.repo.ts';
import { presentPointOfContact } from '../cases/cases.presenter.ts';
import { insertPartner } from '../cases/cases.service.ts';
import * as repo from './deconfliction.repo.ts';
import type { HitView } from './deconfliction.schema.ts';

const hitAudit = (actor: Actor, hitId: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'deconfliction_hit', entityId: hitId });

function statusOf(h: repo.HitRow): HitView['status'] {
  if (h.shared_at) return 'shared';
  if (h.a_answer === 'declined' || h.b_answer === 'declined') return 'declined';
  return 'open';
}

const answerOf = (answer: 'agreed' | 'declined' | null, level: PartnerLevel | null) => (answer ? { answer, level } : null);

/** Which side of the hit the actor's agency is, if any. */
const sideOf = (actor: Actor, h: repo.HitRow): 'a' | 'b' | null => (h.agency_a_id === actor.agencyId ? 'a' : h.agency_b_id === actor.agencyId ? 'b' : null);

/** Loads a hit the actor may read: one of their agency's (`…:own-agency`) or any (coordinators). Else 404. */
async function loadHitFor(ctx: AppContext, actor: Actor, id: string, action: 'read' | 'manage') {
  if (!scopeOf(actor, action, 'deconfliction')) throw forbidden(action === 'read' ? 'Your role does not see deconfliction hits.' : 'Your role cannot answer deconfliction hits.');
  const hit = await repo.findHit(ctx.db, id);
  const side = hit ? sideOf(actor, hit) : null;
  if (!hit || !can(actor, action, 'deconfliction', { agencyId: side ? actor.agencyId : null })) {
    if (hit && action === 'manage' && can(actor, 'read', 'deconfliction', { agencyId: side ? actor.agencyId : null })) throw forbidden('Only the investigators of the two cases answer a hit.');
    throw refusedRead('The hit', 'deconfliction_hit', id);
  }
  return { hit, side };
}

async function presentHit(ctx: AppContext, h: repo.HitRow, side: 'a' | 'b' | null): Promise<HitView> {
  const base = { id: h.id, matchedKinds: h.matched_kinds, status: statusOf(h), createdAt: h.created_at.toISOString(), updatedAt: h.updated_at.toISOString(), sharedAt: h.shared_at?.toISOString() ?? null };
  if (!side) {
    return {
      ...base,
      mine: null,
      other: null,
      parties: [
        { agency: { id: h.agency_a_id, name: h.agency_a_name }, case: { id: h.case_a_id, number: h.case_a_number, title: h.case_a_title }, answer: answerOf(h.a_answer, h.a_level) },
        { agency: { id: h.agency_b_id, name: h.agency_b_name }, case: { id: h.case_b_id, number: h.case_b_number, title: h.case_b_title }, answer: answerOf(h.b_answer, h.b_level) },
      ],
    };
  }
  const a = side === 'a';
  const contact = await findPointOfContact(ctx.db, a ? h.case_b_id : h.case_a_id);
  const poc = contact ? presentPointOfContact(contact) : { name: a ? h.agency_b_name : h.agency_a_name, email: null, phone: null };
  const matches = await repo.matchedEntitiesOf(ctx.db, h.id, side);
  return {
    ...base,
    mine: {
      case: a ? { id: h.case_a_id, number: h.case_a_number, title: h.case_a_title } : { id: h.case_b_id, number: h.case_b_number, title: h.case_b_title },
      matches: matches.map((m) => ({ kind: m.kind, entityId: m.id, label: m.label })),
      answer: a ? answerOf(h.a_answer, h.a_level) : answerOf(h.b_answer, h.b_level),
    },
    other: {
      agency: a ? { id: h.agency_b_id, name: h.agency_b_name } : { id: h.agency_a_id, name: h.agency_a_name },
      pointOfContact: { name: poc.name, email: poc.email, phone: poc.phone },
      answer: a ? answerOf(h.b_answer, h.b_level) : answerOf(h.a_answer, h.a_level),
    },
    parties: null,
  };
}

/** Hits of the actor's agency (investigators, prosecutors), or of every agency (coordinators). */
export async function listHits(ctx: AppContext, actor: Actor, query: { status?: 'open' | 'shared' | 'declined' | undefined; caseId?: string | undefined; limit: number }): Promise<HitView[]> {
  const scope = scopeOf(actor, 'read', 'deconfliction');
  if (!scope) throw forbidden('Your role does not see deconfliction hits.');
  const rows = await repo.listHits(ctx.db, { agencyId: scope === 'any' ? null : actor.agencyId, status: query.status, caseId: query.caseId, limit: query.limit });
  return Promise.all(rows.map((h) => presentHit(ctx, h, sideOf(actor, h))));
}

export async function getHit(ctx: AppContext, actor: Actor, id: string): Promise<HitView> {
  const { hit, side } = await loadHitFor(ctx, actor, id, 'read');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...hitAudit(actor, id), action: 'deconfliction.hit_viewed' }));
  return presentHit(ctx, hit, side);
}

/**
 * One side agrees to share its case with the other agency at a level. When both sides have agreed, each case
 * gets the other agency as a partner at the level its own side chose, in one transaction, and both sides are
 * told. Only the lead agency's investigators and prosecutors of a case answer for it.
 */
export async function answerHit(ctx: AppContext, actor: Actor, id: string, answer: { agree: true; level: PartnerLevel } | { agree: false }): Promise<HitView> {
  const { hit, side } = await loadHitFor(ctx, actor, id, 'manage');
  if (!side) throw forbidden('Only the two agencies of a hit answer it.');
  await loadCaseFor(ctx.db, actor, side === 'a' ? hit.case_a_id : hit.case_b_id, 'owner');
  if (hit.shared_at) throw conflict('Both sides already agreed: the cases are shared. Change the partner level on your case instead.');
  await ctx.db.transaction().execute(async (trx) => {
    const h = await trx.selectFrom('deconfliction_hits').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (h.shared_at) throw conflict('Both sides already agreed: the cases are shared.');
    const now = ctx.now();
    const mine = side === 'a' ? { answer: 'a_answer', level: 'a_level', by: 'a_answered_by_user_id' } : { answer: 'b_answer', level: 'b_level', by: 'b_answered_by_user_id' };
    const level = answer.agree ? answer.level : null;
    await trx.updateTable('deconfliction_hits').set({ [mine.answer]: answer.agree ? 'agreed' : 'declined', [mine.level]: level, [mine.by]: actor.userId, updated_at: now }).where('id', '=', id).execute();
    const myCase = side === 'a' ? h.case_a_id : h.case_b_id;
    const theirCase = side === 'a' ? h.case_b_id : h.case_a_id;
    const theirAnswer = side === 'a' ? { answer: h.b_answer, level: h.b_level, by: h.b_answered_by_user_id } : { answer: h.a_answer, level: h.a_level, by: h.a_answered_by_user_id };
    const myAgency = actor.agencyId;
    const theirAgency = side === 'a' ? h.agency_b_id : h.agency_a_id;
    await recordCaseEvent(trx, { caseId: myCase, actor, kind: answer.agree ? 'deconfliction.share_agreed' : 'deconfliction.share_declined', at: now, data: { hitId: id, ...(level ? { level } : {}) } });
    await recordAudit(trx, ctx.keys, { ...hitAudit(actor, id), action: answer.agree ? 'deconfliction.share_agreed' : 'deconfliction.share_declined', details: { caseId: myCase, ...(level ? { level } : {}) } });
    const agencyName = (await trx.selectFrom('agencies').select('name').where('id', '=', myAgency).executeTakeFirstOrThrow()).name;
    if (answer.agree && theirAnswer.answer === 'agreed' && theirAnswer.level && theirAnswer.by) {
      // Both agreed: each case is shared with the other agency at the level its own side chose.
      await insertPartner(trx, ctx, actor, { caseId: myCase, leadAgencyId: myAgency, agencyId: theirAgency, level: answer.level, viaHitId: id });
      await insertPartner(trx, ctx, { userId: theirAnswer.by, agencyId: theirAgency }, { caseId: theirCase, leadAgencyId: theirAgency, agencyId: myAgency, level: theirAnswer.level, viaHitId: id });
      await trx.updateTable('deconfliction_hits').set({ shared_at: now }).where('id', '=', id).execute();
      await notify(trx, ctx, [myCase, theirCase], 'deconfliction.shared', id, { hitId: id });
    } else if (answer.agree) {
      await notify(trx, ctx, [theirCase], 'deconfliction.share_proposed', id, { hitId: id, otherAgencyName: agencyName, level: answer.level });
    }
  });
  const fresh = (await repo.findHit(ctx.db, id))!;
  return presentHit(ctx, fresh, side);
}

async function notify(trx: Parameters<typeof caseRecipients>[0], ctx: AppContext, caseIds: string[], kind: string, hitId: string, data: Record<string, unknown>): Promise<void> {
  for (const caseId of caseIds) {
    const recipients = await caseRecipients(trx, caseId);
    if (!recipients.length) continue;
    await trx
      .insertInto('notifications')
      .values(recipients.map((userId) => ({ user_id: userId, kind, entity_type: 'deconfliction_hit', entity_id: hitId, data: JSON.stringify(data), created_at: ctx.now() })))
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doUpdateSet({ data: JSON.stringify(data), created_at: ctx.now(), read_at: null }))
      .execute();
  }
}

