import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';

/**
 * Flags urgent tips that nobody has reviewed within the configured time (one hour by default) to every
 * active coordinator, once per tip and coordinator. Safe to run as often as wanted.
 */
export async function flagOverdueUrgentTips(ctx: AppContext): Promise<{ flagged: number }> {
  const cutoff = new Date(ctx.now().getTime() - ctx.config.urgentTipReviewMinutes * 60_000);
  return ctx.db.transaction().execute(async (trx) => {
    const overdue = await trx
      .selectFrom('tips')
      .select(['id', 'number', 'received_at'])
      // The same rule as the queue's "review overdue" flag: urgent priority or someone in immediate danger.
      .where((eb) => eb.or([eb('priority', '=', 'urgent'), eb('immediate_danger', '=', true)]))
      .where('first_reviewed_at', 'is', null)
      .where('status', 'not in', ['closed', 'merged'])
      .where('received_at', '<=', cutoff)
      .execute();
    if (overdue.length === 0) return { flagged: 0 };
    const coordinators = await trx
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('r.role', '=', 'coordinator')
      .where('u.disabled_at', 'is', null)
      .execute();
    let flagged = 0;
    for (const tip of overdue) {
      if (coordinators.length === 0) break;
      const inserted = await trx
        .insertInto('notifications')
        .values(coordinators.map((c) => ({ user_id: c.id, kind: 'tip.urgent_unreviewed', entity_type: 'tip', entity_id: tip.id, data: JSON.stringify({ number: tip.number, receivedAt: tip.received_at.toISOString() }), created_at: ctx.now() })))
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doNothing())
        .returning(sql<number>`1`.as('one'))
        .execute();
      if (inserted.length) {
        flagged++;
        await recordAudit(trx, ctx.keys, { action: 'tip.sla_flagged', entityType: 'tip', entityId: tip.id, details: { coordinatorsNotified: inserted.length } });
      }
    }
    return { flagged };
  });
}
