import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, refusedRead } from '../../platform/errors.ts';
import { inSurvivorScope, loadOwnSurvivor, loadSurvivorFor, survivorAudit } from '../survivors/survivor-access.ts';
import { presentDisclosure } from '../survivors/survivors.presenter.ts';
import * as repo from '../survivors/survivors.repo.ts';
import type { DisclosureInput } from './consents.schema.ts';

/**
 * A compelled disclosure (court order, mandated report, other legal duty) is not consent: a case worker records
 * the demand and the notice given to the survivor, and a supervisor of the agency (another person) approves or
 * refuses it. Approved, it gives the named agency the named categories until it expires; audited throughout.
 */
export async function requestDisclosure(ctx: AppContext, actor: Actor, survivorId: string, input: DisclosureInput) {
  requireAccess(actor, 'manage', 'consent', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts } = await loadSurvivorFor(trx, ctx, actor, survivorId, 'manage');
    const now = ctx.now();
    if (new Date(input.expiresAt) <= now) throw new AppError('validation_failed', 'The disclosure must end in the future.', [{ path: 'body.expiresAt', message: 'In the past.' }]);
    if (input.recipientAgencyId === facts.agency_id) throw new AppError('validation_failed', 'Your own agency needs no disclosure.', [{ path: 'body.recipientAgencyId', message: 'Your own agency.' }]);
    const row = await trx
      .insertInto('survivor_disclosures')
      .values({
        survivor_id: survivorId,
        agency_id: facts.agency_id,
        recipient_agency_id: input.recipientAgencyId,
        recipient_description: input.recipientDescription,
        basis: input.basis,
        legal_reference: input.legalReference,
        categories: input.categories,
        expires_at: new Date(input.expiresAt),
        notice_given_at: new Date(input.notice.givenAt),
        notice_method: input.notice.method,
        notice_note: input.notice.note,
        requested_by_user_id: actor.userId,
        requested_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: 'disclosure.requested', details: { disclosureId: row.id, basis: input.basis, categories: input.categories } });
    return presentDisclosure((await repo.listDisclosures(trx, survivorId)).find((d) => d.id === row.id)!);
  });
}

export async function decideDisclosure(ctx: AppContext, actor: Actor, survivorId: string, disclosureId: string, input: { decision: 'approved' | 'refused'; reason: string }) {
  return inSurvivorScope(ctx, actor, async (trx) => {
    await loadOwnSurvivor(trx, actor, survivorId, 'approve', 'survivor-disclosure');
    const row = await trx.selectFrom('survivor_disclosures').select(['id', 'status', 'requested_by_user_id']).where('id', '=', disclosureId).where('survivor_id', '=', survivorId).forUpdate().executeTakeFirst();
    if (!row) throw refusedRead('The disclosure', 'disclosure', disclosureId);
    if (row.status !== 'requested') throw new AppError('conflict', 'This disclosure was already decided.');
    if (row.requested_by_user_id === actor.userId) throw new AppError('forbidden', 'A second person approves a compelled disclosure: ask another supervisor.');
    await trx.updateTable('survivor_disclosures').set({ status: input.decision, decided_by_user_id: actor.userId, decided_at: ctx.now(), decision_reason: input.reason }).where('id', '=', disclosureId).execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: `disclosure.${input.decision}`, details: { disclosureId, reason: input.reason } });
    return presentDisclosure((await repo.listDisclosures(trx, survivorId)).find((d) => d.id === disclosureId)!);
  });
}
