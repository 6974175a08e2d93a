import QRCode from 'qrcode';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, recordAuditNow } from '../../platform/audit/audit.ts';
import { seal, unseal } from '../../platform/crypto/seal.ts';
import { decoyPasswordHash, verifyPassword } from './password.ts';
import { createSession, endSession, type IssuedSession, type LiveSession } from './sessions.ts';
import { isTooSoon, registerSignInFailure, type AttemptSource } from './lockout.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { generateTotpSecret, matchTotp, totpUri } from './totp.ts';

// One answer for every failed sign-in, so it never tells whether an account exists, is locked or disabled.
export const SIGN_IN_FAILED =
  'Sign-in failed. Check your email and password. After repeated failures an account is locked; your agency administrator can unlock it.';
const CODE_FAILED = 'That code did not work. Enter the current 6-digit code from your authenticator app, or a recovery code.';
// A second factor has a small space (10^6 codes), so right after a failure no code is tried at all; past the
// password, saying so tells nothing about the account.
const CODE_TOO_SOON = 'Wait a few seconds after a code that did not work, then enter the code again.';
const tooSoon = (path: string) => new AppError('rate_limited', CODE_TOO_SOON, [{ path, message: CODE_TOO_SOON }]);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const secretContext = (userId: string) => `totp:${userId}`;

/** Step one: the password. Answers which second step comes next and opens a short pending session. */
export async function signInWithPassword(ctx: AppContext, input: { email: string; password: string }, source: AttemptSource): Promise<IssuedSession & { next: 'enroll' | 'verify' }> {
  const user = await ctx.db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.agency_id', 'u.password_hash', 'u.mfa_enrolled_at', 'u.locked_at', 'u.sign_in_locked_at', 'u.last_failed_at', 'u.disabled_at', 'a.is_active'])
    .where('u.email', '=', normalizeEmail(input.email))
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!user) {
    await recordAuditNow(ctx.db, ctx.keys, { action: 'auth.sign_in', entityType: 'user', outcome: 'failure', details: { reason: 'unknown_account' } });
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  const actor = { id: user.id, agencyId: user.agency_id };
  const blocked = user.locked_at || user.sign_in_locked_at ? 'locked' : user.disabled_at ? 'disabled' : !user.is_active ? 'agency_inactive' : !user.password_hash ? 'not_activated' : null;
  if (blocked) {
    await recordAuditNow(ctx.db, ctx.keys, { actorUserId: user.id, actorAgencyId: user.agency_id, action: 'auth.sign_in', entityType: 'user', entityId: user.id, outcome: 'denied', details: { reason: blocked } });
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  // A wrong password right on the heels of a counted failure is not counted (a script cannot lock anyone faster
  // than a person types), but the right one is taken: a person who retypes at once after a slip gets in. Guesses
  // in the gaps stay bounded by the per-client rate limit and by the lock once five failures are counted.
  if (!passwordOk) {
    await registerSignInFailure(ctx, actor, 'bad_password', source);
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  const next = user.mfa_enrolled_at ? 'verify' : 'enroll';
  return ctx.db.transaction().execute(async (trx) => {
    const session = await createSession(trx, ctx, user.id, next);
    await recordAudit(trx, ctx.keys, { actorUserId: user.id, actorAgencyId: user.agency_id, action: 'auth.password_verified', entityType: 'user', entityId: user.id, details: { next } });
    return { ...session, next };
  });
}

/** The secret to add to an authenticator app, kept sealed on the session until the person proves they added it. */
export async function startMfaEnrollment(ctx: AppContext, session: LiveSession): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  if (session.mfaState !== 'enroll') throw new AppError('conflict', 'This session is not enrolling a second factor.');
  const context = secretContext(session.user.id);
  let secret: string;
  if (session.pendingTotpSecretEnc) {
    secret = unseal(ctx.keys.key('secret-seal'), session.pendingTotpSecretEnc, context).toString();
  } else {
    secret = generateTotpSecret();
    await ctx.db.updateTable('sessions').set({ pending_totp_secret_enc: seal(ctx.keys.key('secret-seal'), secret, context) }).where('id', '=', session.id).execute();
  }
  const otpauthUri = totpUri({ secret, account: session.user.email, issuer: 'Haven' });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/** Finishes enrollment with a first code: stores the secret, issues recovery codes, renews the session. */
export async function completeMfaEnrollment(ctx: AppContext, session: LiveSession, code: string, source: AttemptSource): Promise<IssuedSession & { recoveryCodes: string[] }> {
  if (session.mfaState !== 'enroll' || !session.pendingTotpSecretEnc) {
    throw new AppError('conflict', 'Start enrollment first: open the enrollment step to get your QR code.');
  }
  const context = secretContext(session.user.id);
  const secret = unseal(ctx.keys.key('secret-seal'), session.pendingTotpSecretEnc, context).toString();
  const { last_failed_at: lastFailedAt } = await ctx.db.selectFrom('users').select('last_failed_at').where('id', '=', session.user.id).executeTakeFirstOrThrow();
  if (isTooSoon(ctx, lastFailedAt)) throw tooSoon('body.code');
  const step = matchTotp(secret, code.trim(), ctx.now(), null);
  if (step === null) {
    await registerSignInFailure(ctx, { id: session.user.id, agencyId: session.user.agencyId }, 'bad_enrollment_code', source);
    throw new AppError('mfa_invalid', CODE_FAILED, [{ path: 'body.code', message: CODE_FAILED }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: seal(ctx.keys.key('secret-seal'), secret, context), totp_last_step: step, mfa_enrolled_at: ctx.now(), failed_count: 0, failed_window_start: null, last_active_at: ctx.now(), updated_at: ctx.now() })
      .where('id', '=', session.user.id)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, ctx, session.user.id);
    await endSession(trx, ctx, session.id, 'renewed');
    const renewed = await createSession(trx, ctx, session.user.id, 'complete');
    const who = { actorUserId: session.user.id, actorAgencyId: session.user.agencyId, entityType: 'user', entityId: session.user.id };
    await recordAudit(trx, ctx.keys, { ...who, action: 'user.mfa_enrolled' });
    await recordAudit(trx, ctx.keys, { ...who, action: 'auth.sign_in', details: { method: 'totp_enrollment' } });
    return { ...renewed, recoveryCodes };
  });
}

/** Step two for an enrolled person: a TOTP code (each works once) or a single-use recovery code. */
export async function verifyMfa(ctx: AppContext, session: LiveSession, input: { code?: string; recoveryCode?: string }, source: AttemptSource): Promise<IssuedSession> {
  if (session.mfaState !== 'verify') throw new AppError('conflict', 'This session is not waiting for a code.');
  const userId = session.user.id;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['totp_secret_enc', 'totp_last_step', 'last_failed_at']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    // Too soon after a failure no code is tried, so wrong codes cannot be sent faster than they are counted.
    if (isTooSoon(ctx, user.last_failed_at)) throw tooSoon(input.code ? 'body.code' : 'body.recoveryCode');
    let method: 'totp' | 'recovery_code' | null = null;
    if (input.code && user.totp_secret_enc) {
      const secret = unseal(ctx.keys.key('secret-seal'), user.totp_secret_enc, secretContext(userId)).toString();
      const step = matchTotp(secret, input.code.trim(), ctx.now(), user.totp_last_step);
      if (step !== null) {
        await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
        method = 'totp';
      }
    } else if (input.recoveryCode && (await useRecoveryCode(trx, ctx, userId, input.recoveryCode))) {
      method = 'recovery_code';
    }
    if (!method) return null;
    await trx.updateTable('users').set({ failed_count: 0, failed_window_start: null, last_active_at: ctx.now() }).where('id', '=', userId).execute();
    await endSession(trx, ctx, session.id, 'renewed');
    const renewed = await createSession(trx, ctx, userId, 'complete');
    await recordAudit(trx, ctx.keys, { actorUserId: userId, actorAgencyId: session.user.agencyId, action: 'auth.sign_in', entityType: 'user', entityId: userId, details: { method } });
    return renewed;
  });
  if (!result) {
    await registerSignInFailure(ctx, { id: userId, agencyId: session.user.agencyId }, input.code ? 'bad_totp_code' : 'bad_recovery_code', source);
    throw new AppError('mfa_invalid', CODE_FAILED, [{ path: input.code ? 'body.code' : 'body.recoveryCode', message: CODE_FAILED }]);
  }
  return result;
}

export async function signOut(ctx: AppContext, session: LiveSession): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await endSession(trx, ctx, session.id, 'signed_out');
    await recordAudit(trx, ctx.keys, { actorUserId: session.user.id, actorAgencyId: session.user.agencyId, action: 'auth.sign_out', entityType: 'user', entityId: session.user.id });
  });
}
