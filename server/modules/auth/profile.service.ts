import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.ts';
import { endSession, endUserSessions, type LiveSession } from './sessions.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';
import { registerSignInFailure } from './lockout.ts';

const WRONG_PASSWORD = 'Your current password is not correct.';

/** Re-checks the password before a sensitive change to one's own account; failures count toward lockout. */
async function confirmPassword(ctx: AppContext, session: LiveSession, password: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', session.user.id).executeTakeFirstOrThrow();
  if (!row.password_hash || !(await verifyPassword(row.password_hash, password))) {
    const { locked } = await registerSignInFailure(ctx, { id: session.user.id, agencyId: session.user.agencyId }, 'bad_password_confirmation', { label: 'own-session' });
    // Failures from inside this session are this session's: once they lock the account, it ends (others go on).
    if (locked) await ctx.db.transaction().execute((trx) => endSession(trx, ctx, session.id, 'account_locked'));
    // Already counted as a failed sign-in (and audited there): a typo, not an attempt on someone else's record.
    throw new AppError('forbidden', WRONG_PASSWORD, [{ path: 'body.currentPassword', message: WRONG_PASSWORD }], { accessDenial: false });
  }
}

const selfEvent = (session: LiveSession) => ({ actorUserId: session.user.id, actorAgencyId: session.user.agencyId, entityType: 'user', entityId: session.user.id });

export async function updateProfile(ctx: AppContext, session: LiveSession, input: { displayName?: string | undefined; locale?: string | undefined }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ ...(input.displayName ? { display_name: input.displayName } : {}), ...(input.locale ? { locale: input.locale } : {}), updated_at: ctx.now() })
      .where('id', '=', session.user.id)
      .execute();
    await recordAudit(trx, ctx.keys, { ...selfEvent(session), action: 'user.profile_updated', details: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) } });
  });
}

/** Changes one's own password; every other session of the person ends. */
export async function changePassword(ctx: AppContext, session: LiveSession, input: { currentPassword: string; newPassword: string }): Promise<void> {
  await confirmPassword(ctx, session, input.currentPassword);
  assertAcceptablePassword(input.newPassword, { email: session.user.email, displayName: session.user.displayName, agencyName: session.user.agencyName });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('weak_password', 'Choose a password different from the current one.', [{ path: 'body.newPassword', message: 'Choose a password different from the current one.' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: ctx.now(), updated_at: ctx.now() }).where('id', '=', session.user.id).execute();
    const ended = await endUserSessions(trx, ctx, session.user.id, 'password_changed', session.id);
    await recordAudit(trx, ctx.keys, { ...selfEvent(session), action: 'user.password_changed', details: { sessionsEnded: ended } });
  });
}

/** Starts a new MFA enrollment for oneself: other sessions end and this one returns to the enrollment step. */
export async function resetOwnMfa(ctx: AppContext, session: LiveSession, input: { currentPassword: string }): Promise<void> {
  await confirmPassword(ctx, session, input.currentPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await endUserSessions(trx, ctx, session.user.id, 'mfa_reset', session.id);
    await trx.updateTable('sessions').set({ mfa_state: 'enroll', pending_totp_secret_enc: null }).where('id', '=', session.id).execute();
    await recordAudit(trx, ctx.keys, { ...selfEvent(session), action: 'user.mfa_reenrollment_started', details: { sessionsEnded: ended } });
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, session: LiveSession, input: { currentPassword: string }): Promise<string[]> {
  await confirmPassword(ctx, session, input.currentPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, ctx, session.user.id);
    await recordAudit(trx, ctx.keys, { ...selfEvent(session), action: 'user.recovery_codes_replaced' });
    return codes;
  });
}
