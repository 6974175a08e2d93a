import type { AppContext } from '../../platform/context.ts';
import { actorFor, can, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { isRole } from '../../../common/access/roles.ts';
import { assertOpen, event, getTip, loadTipFor, presentTip } from './tips.service.ts';
import { insertTip } from './tips.intake.ts';
import { receiptForSubmission, receiptHash } from './receipts.ts';
import { randomToken } from '../../platform/crypto/tokens.ts';
import type { TriagePatch } from './tips.staff-schema.ts';
import type { ReportInput } from './tips.schema.ts';

/** Changes priority, concern, status or assignment. Only task-force-wide triage moves a tip between agencies. */
export async function updateTriage(ctx: AppContext, actor: Actor, id: string, patch: TriagePatch) {
  const row = await loadTipFor(ctx, actor, id, 'manage');
  assertOpen(row.status);
  const wide = scopeOf(actor, 'manage', 'tip') === 'any';
  const agencyChanges = patch.assignedAgencyId !== undefined && patch.assignedAgencyId !== row.assigned_agency_id;
  if (agencyChanges && !wide) throw forbidden('Only the task-force coordinators can assign a tip to another agency.');
  const agencyId = patch.assignedAgencyId !== undefined ? patch.assignedAgencyId : row.assigned_agency_id;
  await ctx.db.transaction().execute(async (trx) => {
    if (agencyId && agencyChanges) {
      const agency = await trx.selectFrom('agencies').select('is_active').where('id', '=', agencyId).executeTakeFirst();
      if (!agency?.is_active) throw new AppError('validation_failed', 'Choose an active agency.', [{ path: 'body.assignedAgencyId', message: 'Not an active agency.' }]);
    }
    let userId = patch.assignedUserId !== undefined ? patch.assignedUserId : agencyChanges ? null : row.assigned_user_id;
    if (userId) {
      const user = await trx.selectFrom('users').select(['agency_id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
      const roles = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role).filter(isRole);
      const assignee = user && actorFor({ id: userId, agencyId: user.agency_id, roles });
      if (!user || user.disabled_at || user.agency_id !== agencyId || !assignee || !can(assignee, 'manage', 'tip', { agencyId })) {
        throw new AppError('validation_failed', 'Assign the tip to an active person of the assigned agency who can work tips.', [{ path: 'body.assignedUserId', message: 'Not someone who can work this tip.' }]);
      }
    } else userId = null;
    const status = patch.status ?? (agencyChanges && agencyId && ['new', 'under_review'].includes(row.status) ? 'assigned' : row.status);
    await trx
      .updateTable('tips')
      .set({
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.concernType ? { concern_type: patch.concernType } : {}),
        ...(patch.minorInvolved !== undefined ? { minor_involved: patch.minorInvolved } : {}),
        assigned_agency_id: agencyId,
        assigned_user_id: userId,
        status,
        closed_reason: status === 'closed' ? (patch.closedReason ?? null) : null,
        closed_at: status === 'closed' ? ctx.now() : null,
        first_reviewed_at: row.first_reviewed_at ?? ctx.now(),
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.triaged', details: { fields: Object.keys(patch), status, ...(agencyChanges ? { assignedAgencyId: agencyId } : {}) } });
  });
  return presentTip(ctx, actor, id);
}

export async function addNote(ctx: AppContext, actor: Actor, id: string, body: string) {
  await loadTipFor(ctx, actor, id, 'manage');
  await ctx.db.transaction().execute(async (trx) => {
    const note = await trx.insertInto('tip_notes').values({ tip_id: id, author_user_id: actor.userId, body, created_at: ctx.now() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.note_added', details: { noteId: note.id } });
  });
  return presentTip(ctx, actor, id);
}

/** A message the reporter reads on the follow-up page, signed only "the task force". */
export async function messageReporter(ctx: AppContext, actor: Actor, id: string, body: string) {
  const row = await loadTipFor(ctx, actor, id, 'manage');
  assertOpen(row.status);
  const hasReceipt = await ctx.db.selectFrom('tips').select('receipt_hash').where('id', '=', id).executeTakeFirstOrThrow();
  if (!hasReceipt.receipt_hash) throw new AppError('conflict', 'This tip has no receipt, so the reporter cannot read messages here.');
  await ctx.db.transaction().execute(async (trx) => {
    const message = await trx.insertInto('tip_messages').values({ tip_id: id, direction: 'to_reporter', body, author_user_id: actor.userId, created_at: ctx.now() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.reporter_messaged', details: { messageId: message.id } });
  });
  return presentTip(ctx, actor, id);
}

/** Marks a tip as a duplicate of another. The reporter's thread follows it to the surviving tip. */
export async function mergeTip(ctx: AppContext, actor: Actor, id: string, intoTipId: string) {
  if (id === intoTipId) throw new AppError('validation_failed', 'A tip cannot be merged into itself.', [{ path: 'body.intoTipId', message: 'Choose another tip.' }]);
  const source = await loadTipFor(ctx, actor, id, 'manage');
  const target = await loadTipFor(ctx, actor, intoTipId, 'manage');
  assertOpen(source.status);
  assertOpen(target.status);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('tips').set({ status: 'merged', merged_into_id: intoTipId, closed_at: ctx.now(), closed_reason: 'duplicate', updated_at: ctx.now() }).where('id', '=', id).execute();
    await trx.updateTable('tip_messages').set({ tip_id: intoTipId }).where('tip_id', '=', id).execute();
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.merged', details: { intoTipId } });
  });
  return presentTip(ctx, actor, intoTipId);
}

/** A tip taken by phone, text or email on a caller's behalf. The caller gets a receipt to follow up online. */
export async function createHotlineTip(ctx: AppContext, actor: Actor, input: ReportInput & { channel: 'phone' | 'text' | 'email' | 'walk_in' | 'other' }) {
  const scope = scopeOf(actor, 'create', 'tip');
  if (!scope) throw forbidden('Your role may not record tips.');
  const receipt = receiptForSubmission(ctx.keys, randomToken(16));
  const tipId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertTip(trx, ctx, input, { channel: input.channel, submissionHash: null, receiptHash: receiptHash(ctx.keys, receipt), enteredBy: { userId: actor.userId, agencyId: actor.agencyId }, attachments: [] });
    if (scope !== 'any') await trx.updateTable('tips').set({ assigned_agency_id: actor.agencyId, status: 'assigned' }).where('id', '=', id!).execute();
    return id!;
  });
  return { tip: await getTip(ctx, actor, tipId), receipt };
}
