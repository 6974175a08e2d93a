import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/password.ts';
import { consumeAccountToken, issueAccountToken } from '../auth/account-tokens.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { insertAgencyChecked } from '../agencies/agencies.service.ts';
import { insertUserAccount } from '../users/users.service.ts';

const LINK_INVALID = 'This link is not valid any more. Links work once and expire; ask for a new one.';

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return any === undefined;
}

/** While nobody has an account, issues a fresh one-time set-up link (earlier ones stop working). */
export async function issueSetupLinkIfNeeded(ctx: AppContext): Promise<string | null> {
  if (!(await needsSetup(ctx))) return null;
  const link = await ctx.db.transaction().execute((trx) => issueAccountToken(trx, ctx, 'setup', null));
  return link.url;
}

export interface SetupInput {
  token: string;
  agencyName: string;
  displayName: string;
  email: string;
  password: string;
}

/** Creates the coordinating agency and the first task-force administrator, once. */
export async function completeSetup(ctx: AppContext, input: SetupInput): Promise<{ userId: string }> {
  if (!(await needsSetup(ctx))) throw new AppError('already_set_up', 'Haven is already set up. Sign in instead.');
  assertAcceptablePassword(input.password, { email: input.email, displayName: input.displayName, agencyName: input.agencyName });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeAccountToken(trx, ctx, 'setup', input.token))) throw new AppError('forbidden', LINK_INVALID, [{ path: 'body.token', message: LINK_INVALID }], { accessDenial: false });
    const taken = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (taken) throw new AppError('already_set_up', 'Haven is already set up. Sign in instead.');
    const agency = await insertAgencyChecked(trx, { name: input.agencyName, shortName: null, type: 'task_force_coordinator', contactEmail: null, contactPhone: null });
    const userId = await insertUserAccount(trx, ctx, {
      agencyId: agency.id,
      email: input.email,
      displayName: input.displayName,
      roles: ['taskforce_admin', 'agency_admin'],
      passwordHash,
    });
    await recordAudit(trx, ctx.keys, { actorUserId: userId, actorAgencyId: agency.id, action: 'setup.completed', entityType: 'user', entityId: userId, details: { agencyId: agency.id } });
    return { userId };
  });
}

const SIGNED_IN_AS_OTHER =
  'You are signed in as someone else. An account is activated only by its own person, from the link sent to them. This link no longer works: sign out, and ask an administrator to send a new one to the person.';

/**
 * A new person chooses their own password through their one-time activation link. A link opened by someone
 * signed in as another person (an administrator trying the link they issued) is refused and spent, so an
 * administrator cannot activate an account in someone else's name and then use it; the issuer, the time and
 * the refusal are kept on the link and in the audit trail (decision 014).
 */
export async function activateAccount(ctx: AppContext, input: { token: string; password: string }, signedInAs: { userId: string; agencyId: string } | null = null): Promise<{ email: string }> {
  const pending = await ctx.db
    .selectFrom('account_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.agency_id', 'a.name as agency_name'])
    .where('t.token_hash', '=', ctx.keys.hmac('token-index', input.token))
    .where('t.purpose', '=', 'activate')
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', ctx.now())
    .executeTakeFirst();
  if (!pending) throw new AppError('forbidden', LINK_INVALID, [{ path: 'body.token', message: LINK_INVALID }], { accessDenial: false });
  if (signedInAs && signedInAs.userId !== pending.id) {
    const spent = await ctx.db.transaction().execute(async (trx) => {
      const link = await consumeAccountToken(trx, ctx, 'activate', input.token, { refusedFor: signedInAs.userId });
      if (link) {
        await recordAudit(trx, ctx.keys, {
          actorUserId: signedInAs.userId,
          actorAgencyId: signedInAs.agencyId,
          action: 'user.activation_refused',
          entityType: 'user',
          entityId: pending.id,
          outcome: 'denied',
          details: { reason: 'signed_in_as_other', linkIssuedBy: link.issuedBy, linkIssuedAt: link.issuedAt.toISOString() },
        });
      }
      return link;
    });
    throw new AppError('forbidden', spent ? SIGNED_IN_AS_OTHER : LINK_INVALID, undefined, { accessDenial: false });
  }
  assertAcceptablePassword(input.password, { email: pending.email, displayName: pending.display_name, agencyName: pending.agency_name });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const link = await consumeAccountToken(trx, ctx, 'activate', input.token);
    if (!link) throw new AppError('forbidden', LINK_INVALID, undefined, { accessDenial: false });
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: ctx.now(), last_active_at: ctx.now(), updated_at: ctx.now() }).where('id', '=', pending.id).execute();
    await recordAudit(trx, ctx.keys, {
      actorUserId: pending.id,
      actorAgencyId: pending.agency_id,
      action: 'user.activated',
      entityType: 'user',
      entityId: pending.id,
      details: { linkIssuedBy: link.issuedBy, linkIssuedAt: link.issuedAt.toISOString(), signedInAsOther: false },
    });
  });
  return { email: normalizeEmail(pending.email) };
}
