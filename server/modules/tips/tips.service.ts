import type { AppContext } from '../../platform/context.ts';
import { can, requireAccess, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound, refusedRead } from '../../platform/errors.ts';
import { unseal } from '../../platform/crypto/seal.ts';
import { normalizeEmail, normalizePhone, normalizePlate, normalizeUrl } from '../identifiers/normalize.ts';
import * as repo from './tips.repo.ts';
import { presentTipDetail, presentTipSummary } from './tips.presenter.ts';
import type { QueueQuery, TipDetailView, TipSummaryView } from './tips.staff-schema.ts';
import type { ReporterContact } from './tips.schema.ts';

/** The tips an actor may read: all of them (coordinators) or those assigned to their agency. */
export function tipScope(actor: Actor, action: 'read' | 'manage' = 'read'): repo.TipScope {
  const scope = scopeOf(actor, action, 'tip');
  if (scope === 'any') return { kind: 'any' };
  if (scope === 'own-agency') return { kind: 'agency', agencyId: actor.agencyId };
  throw forbidden('You do not have access to tips.');
}

export const event = (actor: Actor, tipId: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'tip', entityId: tipId });

/** Loads a tip's queue row after checking the actor may `action` it; a tip outside the scope is "not found". */
export async function loadTipFor(ctx: AppContext, actor: Actor, id: string, action: 'read' | 'manage') {
  tipScope(actor, action);
  const row = await repo.findTipSummary(ctx.db, id);
  // Outside one's scope a tip does not exist: a 403 would confirm to another agency that it does.
  if (!row || !can(actor, action, 'tip', { agencyId: row.assigned_agency_id })) throw refusedRead('The tip', 'tip', id);
  return row;
}

function identifiersInQuery(q: string | undefined): Array<{ kind: string; value: string }> {
  if (!q) return [];
  const found = [
    { kind: 'phone', value: normalizePhone(q) },
    { kind: 'email', value: normalizeEmail(q) },
    { kind: 'url', value: q.includes('.') ? normalizeUrl(q) : null },
    { kind: 'plate', value: /^[A-Za-z0-9 -]{2,10}$/.test(q) ? normalizePlate(q) : null },
  ];
  return found.filter((f): f is { kind: string; value: string } => f.value !== null);
}

export async function listTips(ctx: AppContext, actor: Actor, query: QueueQuery): Promise<TipSummaryView[]> {
  const scope = tipScope(actor);
  const rows = await repo.listQueue(ctx.db, scope, query, identifiersInQuery(query.q));
  const now = ctx.now();
  return rows.map((r) => presentTipSummary(r, now, ctx.config.urgentTipReviewMinutes));
}

/**
 * A tip with everything staff may see. The first open by someone who can work it counts as its first review.
 * Every read is audited; the reporter's contact details are not part of it (see revealReporterContact).
 */
export async function getTip(ctx: AppContext, actor: Actor, id: string): Promise<TipDetailView> {
  const row = await loadTipFor(ctx, actor, id, 'read');
  const canManage = scopeOf(actor, 'manage', 'tip') === 'any' || (scopeOf(actor, 'manage', 'tip') === 'own-agency' && row.assigned_agency_id === actor.agencyId);
  await ctx.db.transaction().execute(async (trx) => {
    if (canManage && !row.first_reviewed_at) {
      await trx.updateTable('tips').set({ first_reviewed_at: ctx.now(), status: row.status === 'new' ? 'under_review' : row.status, updated_at: ctx.now() }).where('id', '=', id).where('first_reviewed_at', 'is', null).execute();
    }
    await trx.updateTable('tip_messages').set({ read_at: ctx.now() }).where('tip_id', '=', id).where('direction', '=', 'from_reporter').where('read_at', 'is', null).execute();
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.viewed' });
  });
  return presentTip(ctx, actor, id);
}

/** The tip as the actor may see it, without recording a view: the answer to a change they just made. */
export async function presentTip(ctx: AppContext, actor: Actor, id: string): Promise<TipDetailView> {
  const fresh = (await repo.findTipSummary(ctx.db, id))!;
  const detail = (await repo.findTipDetail(ctx.db, id))!;
  const children = await repo.loadTipChildren(ctx.db, id);
  const related = await repo.findRelatedTips(ctx.db, id, tipScope(actor));
  return presentTipDetail(presentTipSummary(fresh, ctx.now(), ctx.config.urgentTipReviewMinutes), detail, children, related);
}

/** The contact details a reporter chose to leave: only for roles allowed to contact reporters, and audited. */
export async function revealReporterContact(ctx: AppContext, actor: Actor, id: string): Promise<ReporterContact | null> {
  const row = await loadTipFor(ctx, actor, id, 'read');
  if (!scopeOf(actor, 'read', 'reporter-contact')) {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.contact_viewed', outcome: 'denied' }));
    throw forbidden('Your role may not see reporters’ contact details.');
  }
  requireAccess(actor, 'read', 'reporter-contact', { agencyId: row.assigned_agency_id });
  const sealed = await ctx.db.selectFrom('tips').select('reporter_contact_enc').where('id', '=', id).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'tip.contact_viewed', details: { present: sealed.reporter_contact_enc !== null } }));
  if (!sealed.reporter_contact_enc) return null;
  return JSON.parse(unseal(ctx.keys.key('secret-seal'), sealed.reporter_contact_enc, `reporter-contact:${id}`).toString()) as ReporterContact;
}

export async function getAttachment(ctx: AppContext, actor: Actor, tipId: string, attachmentId: string): Promise<{ contentType: string; data: Buffer }> {
  await loadTipFor(ctx, actor, tipId, 'read');
  const file = await ctx.db.selectFrom('tip_attachments').select(['content_type', 'data']).where('id', '=', attachmentId).where('tip_id', '=', tipId).executeTakeFirst();
  if (!file) throw notFound('The attachment');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...event(actor, tipId), action: 'tip.attachment_viewed', details: { attachmentId } }));
  return { contentType: file.content_type, data: file.data };
}

export function assertOpen(status: string): void {
  if (status === 'merged') throw new AppError('conflict', 'This tip was merged into another; work on that one.');
}
