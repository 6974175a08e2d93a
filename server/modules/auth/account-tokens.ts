import type { Kysely, Transaction } from 'kysely';
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
  /** The administrator handing the link out; null for set-up and the operator CLI. */
  issuedBy: string | null = null,
): Promise<{ url: string; expiresAt: Date }> {
  const now = ctx.now();
  let retire = trx.updateTable('account_tokens').set({ used_at: now, outcome: 'replaced' }).where('purpose', '=', purpose).where('used_at', 'is', null);
  retire = userId ? retire.where('user_id', '=', userId) : retire.where('user_id', 'is', null);
  await retire.execute();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[purpose]);
  await trx
    .insertInto('account_tokens')
    .values({ purpose, user_id: userId, token_hash: ctx.keys.hmac('token-index', token), created_at: now, expires_at: expiresAt, issued_by_user_id: issuedBy })
    .execute();
  return { url: `${ctx.config.publicUrl}/staff/${PAGE[purpose]}#token=${token}`, expiresAt };
}

/**
 * Marks a valid, unused, unexpired token used (or `refused`, spent all the same) and returns its person and
 * issuer, or null. Run inside the transaction that acts on it.
 */
export async function consumeAccountToken(
  trx: Transaction<DB>,
  ctx: AppContext,
  purpose: AccountTokenPurpose,
  token: string,
  options: { refusedFor?: string } = {},
): Promise<{ userId: string | null; issuedBy: string | null; issuedAt: Date } | null> {
  const now = ctx.now();
  const row = await trx
    .updateTable('account_tokens')
    .set(options.refusedFor ? { used_at: now, outcome: 'refused_signed_in_as_other', signed_in_as_user_id: options.refusedFor } : { used_at: now, outcome: 'used' })
    .where('token_hash', '=', ctx.keys.hmac('token-index', token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'issued_by_user_id', 'created_at'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, issuedBy: row.issued_by_user_id, issuedAt: row.created_at } : null;
}

export interface ActivationLinkRecord {
  issuedAt: Date;
  issuedByUserId: string | null;
  issuedByName: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  outcome: 'used' | 'replaced' | 'refused_signed_in_as_other' | null;
  signedInAsUserId: string | null;
}

/** Every activation link a person was given, newest first: who issued it, when, and how it ended. */
export async function listActivationLinks(db: Kysely<DB> | Transaction<DB>, userId: string): Promise<ActivationLinkRecord[]> {
  const rows = await db
    .selectFrom('account_tokens as t')
    .leftJoin('users as issuer', 'issuer.id', 't.issued_by_user_id')
    .select(['t.created_at', 't.issued_by_user_id', 'issuer.display_name as issuer_name', 't.expires_at', 't.used_at', 't.outcome', 't.signed_in_as_user_id'])
    .where('t.user_id', '=', userId)
    .where('t.purpose', '=', 'activate')
    .orderBy('t.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    issuedAt: r.created_at,
    issuedByUserId: r.issued_by_user_id,
    issuedByName: r.issuer_name,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    outcome: r.outcome,
    signedInAsUserId: r.signed_in_as_user_id,
  }));
}
