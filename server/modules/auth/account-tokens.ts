import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { randomToken } from '../../platform/crypto/tokens.ts';

export type AccountTokenPurpose = 'setup' | 'activate';

const LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  setup: 24 * 3_600_000,
  activate: 7 * 24 * 3_600_000,
};

const PAGE: Record<AccountTokenPurpose, string> = { setup: 'setup', activate: 'activate' };

/**
 * Issues a one-time link. Earlier unused links for the same purpose and person stop working. The token rides
 * in the URL fragment, which browsers never send to a server, so it stays out of every log and referrer.
 */
export async function issueAccountToken(
  trx: Transaction<DB>,
  ctx: AppContext,
  purpose: AccountTokenPurpose,
  userId: string | null,
): Promise<{ url: string; expiresAt: Date }> {
  const now = ctx.now();
  let retire = trx.updateTable('account_tokens').set({ used_at: now }).where('purpose', '=', purpose).where('used_at', 'is', null);
  retire = userId ? retire.where('user_id', '=', userId) : retire.where('user_id', 'is', null);
  await retire.execute();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[purpose]);
  await trx
    .insertInto('account_tokens')
    .values({ purpose, user_id: userId, token_hash: ctx.keys.hmac('token-index', token), created_at: now, expires_at: expiresAt })
    .execute();
  return { url: `${ctx.config.publicUrl}/staff/${PAGE[purpose]}#token=${token}`, expiresAt };
}

/** Marks a valid, unused, unexpired token used and returns its person, or null. Run inside the transaction that acts on it. */
export async function consumeAccountToken(
  trx: Transaction<DB>,
  ctx: AppContext,
  purpose: AccountTokenPurpose,
  token: string,
): Promise<{ userId: string | null } | null> {
  const now = ctx.now();
  const row = await trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', ctx.keys.hmac('token-index', token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row ? { userId: row.user_id } : null;
}
