import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { endUserSessions } from '../auth/sessions.ts';

/**
 * Disables accounts unused for the configured number of days (90 by default), and removes sessions and
 * one-time links that ended long ago. Safe to run twice.
 */
export async function sweepAccounts(ctx: AppContext): Promise<{ disabled: number }> {
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - ctx.config.accountInactiveDays * 24 * 3_600_000);
  return ctx.db.transaction().execute(async (trx) => {
    const stale = await trx
      .updateTable('users')
      .set({ disabled_at: now, disabled_reason: 'inactive' })
      .where('disabled_at', 'is', null)
      .where('last_active_at', '<', cutoff)
      .returning(['id', 'agency_id'])
      .execute();
    for (const user of stale) {
      await endUserSessions(trx, ctx, user.id, 'account_disabled');
      await recordAudit(trx, ctx.keys, { actorAgencyId: user.agency_id, action: 'user.disabled', entityType: 'user', entityId: user.id, details: { reason: 'inactive', days: ctx.config.accountInactiveDays } });
    }
    const longAgo = new Date(now.getTime() - 30 * 24 * 3_600_000);
    await trx.deleteFrom('sessions').where('ended_at', '<', longAgo).execute();
    await trx.deleteFrom('sessions').where('expires_at', '<', longAgo).execute();
    await trx.deleteFrom('account_tokens').where('expires_at', '<', longAgo).execute();
    return { disabled: stale.length };
  });
}
