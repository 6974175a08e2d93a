import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { randomToken } from '../../platform/crypto/tokens.ts';
import { isRole, type Role } from '../../../common/access/roles.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';

export const SESSION_COOKIE = 'haven_session';
// A session that has passed the password but not yet the second factor lives only this long.
const PENDING_MFA_MS = 10 * 60_000;
// Writing last_seen_at on every request is wasted work. It is written at most once a minute, and at least
// four times per idle limit, so that steady use never outruns a short limit (SESSION_IDLE_MINUTES=1).
const TOUCH_EVERY_MAX_MS = 60_000;

/** How stale last_seen_at may grow before a request by the person writes it again. */
export function touchInterval(idleMs: number): number {
  return Math.min(TOUCH_EVERY_MAX_MS, Math.floor(idleMs / 4));
}

/** The staff app marks its timed refetches with this header: they read, but are not the person's activity. */
export const BACKGROUND_HEADER = 'x-haven-background';

export type MfaState = 'enroll' | 'verify' | 'complete';

export interface LiveSession {
  id: string;
  csrfToken: string;
  mfaState: MfaState;
  pendingTotpSecretEnc: Buffer | null;
  user: {
    id: string;
    agencyId: string;
    agencyName: string;
    agencyType: AgencyType;
    email: string;
    displayName: string;
    locale: string;
    roles: Role[];
    mfaEnrolled: boolean;
  };
}

export interface IssuedSession {
  id: string;
  token: string;
  csrfToken: string;
}

export async function createSession(
  trx: Transaction<DB>,
  ctx: AppContext,
  userId: string,
  mfaState: MfaState,
): Promise<IssuedSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = ctx.now();
  const lifetime = mfaState === 'complete' ? ctx.config.sessionAbsoluteMs : PENDING_MFA_MS;
  const row = await trx
    .insertInto('sessions')
    .values({
      token_hash: ctx.keys.hmac('token-index', token),
      user_id: userId,
      csrf_token: csrfToken,
      mfa_state: mfaState,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + lifetime),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, csrfToken };
}

/**
 * The live session for a cookie token, or null. A session past its idle or absolute limit, or whose person
 * was disabled or locked, is ended on the spot. A `background` request (the staff app polling on a timer)
 * is answered but does not extend the idle limit: a screen left open must not keep a session alive.
 */
export async function findLiveSession(ctx: AppContext, token: string, options: { background?: boolean } = {}): Promise<LiveSession | null> {
  if (!token || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      's.id', 's.csrf_token', 's.mfa_state', 's.pending_totp_secret_enc', 's.last_seen_at', 's.expires_at', 's.ended_at',
      'u.id as user_id', 'u.agency_id', 'u.email', 'u.display_name', 'u.locale', 'u.mfa_enrolled_at', 'u.locked_at', 'u.disabled_at',
      'a.name as agency_name', 'a.type as agency_type', 'a.is_active as agency_active',
    ])
    .where('s.token_hash', '=', ctx.keys.hmac('token-index', token))
    .executeTakeFirst();
  if (!row || row.ended_at) return null;
  const now = ctx.now();
  const idleFor = now.getTime() - row.last_seen_at.getTime();
  const endReason =
    row.expires_at <= now ? 'expired' :
    idleFor > ctx.config.sessionIdleMs ? 'idle' :
    row.disabled_at ? 'account_disabled' :
    row.locked_at ? 'account_locked' :
    !row.agency_active ? 'agency_inactive' : null;
  if (endReason) {
    await ctx.db.updateTable('sessions').set({ ended_at: now, end_reason: endReason }).where('id', '=', row.id).where('ended_at', 'is', null).execute();
    return null;
  }
  if (!options.background && idleFor >= touchInterval(ctx.config.sessionIdleMs)) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', row.user_id).execute();
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    mfaState: row.mfa_state,
    pendingTotpSecretEnc: row.pending_totp_secret_enc,
    user: {
      id: row.user_id,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      agencyType: row.agency_type as AgencyType,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      roles: roles.map((r) => r.role).filter(isRole),
      mfaEnrolled: row.mfa_enrolled_at !== null,
    },
  };
}

export async function endSession(trx: Transaction<DB>, ctx: AppContext, sessionId: string, reason: string): Promise<void> {
  await trx.updateTable('sessions').set({ ended_at: ctx.now(), end_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** Ends every live session of a person (password change, MFA reset, disable), optionally sparing one. */
export async function endUserSessions(
  trx: Transaction<DB>,
  ctx: AppContext,
  userId: string,
  reason: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = trx.updateTable('sessions').set({ ended_at: ctx.now(), end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
