import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/**
 * Counted failures on one account are at least this far apart: a person cannot type a password faster, and a
 * script that can sees its burst counted once, so it needs more than 12 seconds to lock anyone out.
 */
export const MIN_COUNTED_INTERVAL_MS = 3_000;

/** Where a failed attempt came from, as a label that never holds the address (client-label.ts). */
export interface AttemptSource {
  label: string;
}

/** Whether an attempt on this account comes too soon after the last counted failure to be a person typing. */
export function isTooSoon(ctx: AppContext, lastFailedAt: Date | null): boolean {
  return lastFailedAt !== null && ctx.now().getTime() - lastFailedAt.getTime() < MIN_COUNTED_INTERVAL_MS;
}

/**
 * Counts one failed password or code for a person. The fifth counted failure within 15 minutes stops new
 * sign-ins until an administrator unlocks the account; sessions already open go on (the failures may be
 * someone else's). A failure too soon after the last one is not counted. Commits on its own: the failure must
 * stick even though the sign-in fails.
 */
export async function registerSignInFailure(
  ctx: AppContext,
  user: { id: string; agencyId: string },
  reason: string,
  source: AttemptSource,
): Promise<{ locked: boolean; counted: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(['failed_count', 'failed_window_start', 'sign_in_locked_at', 'last_failed_at'])
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (isTooSoon(ctx, row.last_failed_at)) return { locked: row.sign_in_locked_at !== null, counted: false };
    const now = ctx.now();
    const windowOpen = row.failed_window_start && now.getTime() - row.failed_window_start.getTime() < FAILURE_WINDOW_MS;
    const count = windowOpen ? row.failed_count + 1 : 1;
    const lockNow = !row.sign_in_locked_at && count >= MAX_FAILURES;
    await trx
      .updateTable('users')
      .set({
        failed_count: count,
        failed_window_start: windowOpen ? row.failed_window_start! : now,
        last_failed_at: now,
        ...(lockNow ? { sign_in_locked_at: now, sign_in_lock_source: source.label } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    const about = { actorUserId: user.id, actorAgencyId: user.agencyId, entityType: 'user', entityId: user.id };
    await recordAudit(trx, ctx.keys, { ...about, action: 'auth.sign_in', outcome: 'failure', details: { reason, failuresInWindow: count, source: source.label } });
    if (lockNow) {
      await recordAudit(trx, ctx.keys, { ...about, action: 'user.locked', details: { reason: 'too_many_failures', failures: count, source: source.label } });
    }
    return { locked: lockNow || row.sign_in_locked_at !== null, counted: true };
  });
}
