import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { endUserSessions } from './sessions.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Counts one failed password or code for a person. The fifth failure within 15 minutes locks the account
 * until an administrator unlocks it. Commits on its own: the failure must stick even though the sign-in fails.
 */
export async function registerSignInFailure(
  ctx: AppContext,
  user: { id: string; agencyId: string },
  reason: string,
): Promise<{ locked: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(['failed_count', 'failed_window_start', 'locked_at'])
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const now = ctx.now();
    const windowOpen = row.failed_window_start && now.getTime() - row.failed_window_start.getTime() < FAILURE_WINDOW_MS;
    const count = windowOpen ? row.failed_count + 1 : 1;
    const lockNow = !row.locked_at && count >= MAX_FAILURES;
    await trx
      .updateTable('users')
      .set({
        failed_count: count,
        failed_window_start: windowOpen ? row.failed_window_start! : now,
        ...(lockNow ? { locked_at: now } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, ctx.keys, {
      actorUserId: user.id,
      actorAgencyId: user.agencyId,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      outcome: 'failure',
      details: { reason, failuresInWindow: count },
    });
    if (lockNow) {
      await endUserSessions(trx, ctx, user.id, 'account_locked');
      await recordAudit(trx, ctx.keys, {
        actorUserId: user.id,
        actorAgencyId: user.agencyId,
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'too_many_failures' },
      });
    }
    return { locked: lockNow || row.locked_at !== null };
  });
}
