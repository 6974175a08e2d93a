import type { AppContext } from '../../platform/context.ts';
import { scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import type { AuditQuery, AuditEntryView } from './audit.schema.ts';

/** Searches the trail, newest first. Agency administrators see what their own agency's people did. */
export async function searchAudit(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const scope = scopeOf(actor, 'read', 'audit');
  if (scope !== 'any' && scope !== 'own-agency') throw forbidden('Only auditors and administrators can read the audit trail.');
  let q = ctx.db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_user_id')
    .select(['l.seq', 'l.occurred_at', 'l.actor_user_id', 'u.display_name as actor_name', 'l.actor_agency_id', 'l.action', 'l.entity_type', 'l.entity_id', 'l.outcome', 'l.details'])
    .orderBy('l.seq', 'desc')
    .limit(query.limit + 1);
  if (scope === 'own-agency') q = q.where('l.actor_agency_id', '=', actor.agencyId);
  if (query.action) q = q.where('l.action', 'like', `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.actorUserId) q = q.where('l.actor_user_id', '=', query.actorUserId);
  if (query.entityType) q = q.where('l.entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('l.entity_id', '=', query.entityId);
  if (query.outcome) q = q.where('l.outcome', '=', query.outcome);
  if (query.from) q = q.where('l.occurred_at', '>=', new Date(query.from));
  if (query.to) q = q.where('l.occurred_at', '<', new Date(query.to));
  if (query.before) q = q.where('l.seq', '<', query.before);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'audit.searched', entityType: 'audit_log', details: { scope, results: page.length } }),
  );
  return {
    entries: page.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorAgencyId: r.actor_agency_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      outcome: r.outcome,
      details: r.details,
    })),
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.seq ?? null) : null,
  };
}
