import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { requireAccess, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Role } from '../../../common/access/roles.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';
import { issueAccountToken, listActivationLinks } from '../auth/account-tokens.ts';
import { endUserSessions } from '../auth/sessions.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { findAgency } from '../agencies/agencies.repo.ts';
import * as repo from './users.repo.ts';
import { presentActivationLink, presentUser } from './users.presenter.ts';
import { assertRolesGrantable, requireManageable } from './users.policy.ts';
import type { UserCreateInput, UserDetailView, UserPatch, UserView } from './users.schema.ts';

const event = (actor: Actor, userId: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'user', entityId: userId });

export async function listUsers(ctx: AppContext, actor: Actor, filter: { agencyId?: string | undefined; q?: string | undefined }): Promise<UserView[]> {
  const scope = scopeOf(actor, 'read', 'user');
  if (scope !== 'any' && scope !== 'own-agency') throw forbidden();
  const agencyId = scope === 'own-agency' ? actor.agencyId : filter.agencyId;
  if (scope === 'own-agency' && filter.agencyId && filter.agencyId !== actor.agencyId) throw forbidden('You can see the people of your own agency only.');
  return (await repo.listUsers(ctx.db, { agencyId, q: filter.q })).map(presentUser);
}

async function loadUser(db: AppContext['db'] | Transaction<DB>, id: string) {
  const row = await repo.findUser(db, id);
  if (!row) throw notFound('The user');
  return row;
}

/** One person's account, with the history of their activation links (who issued each, how it ended). */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<UserDetailView> {
  const row = await loadUser(ctx.db, id);
  requireAccess(actor, 'read', 'user', { agencyId: row.agency_id });
  return { ...presentUser(row), activationLinks: (await listActivationLinks(ctx.db, id)).map(presentActivationLink) };
}

/** Adds a person with an unset password; the answer carries the one-time link they use to choose it. */
export async function insertUserAccount(
  trx: Transaction<DB>,
  ctx: AppContext,
  input: { agencyId: string; email: string; displayName: string; roles: readonly Role[]; passwordHash?: string | null },
): Promise<string> {
  const email = normalizeEmail(input.email);
  if (await repo.emailTaken(trx, email)) {
    throw new AppError('conflict', 'Someone already has an account with this email address.', [{ path: 'body.email', message: 'Already in use.' }]);
  }
  return repo.insertUser(trx, { ...input, email, passwordHash: input.passwordHash ?? null });
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserCreateInput): Promise<{ user: UserView; activationUrl: string }> {
  requireAccess(actor, 'manage', 'user', { agencyId: input.agencyId });
  return ctx.db.transaction().execute(async (trx) => {
    const agency = await findAgency(trx, input.agencyId);
    if (!agency || !agency.is_active) throw new AppError('validation_failed', 'Choose an active agency.', [{ path: 'body.agencyId', message: 'Not an active agency.' }]);
    assertRolesGrantable(actor, input.roles, agency.type as AgencyType);
    const userId = await insertUserAccount(trx, ctx, input);
    const link = await issueAccountToken(trx, ctx, 'activate', userId, actor.userId);
    await recordAudit(trx, ctx.keys, { ...event(actor, userId), action: 'user.created', details: { agencyId: input.agencyId, roles: [...input.roles] } });
    return { user: presentUser(await loadUser(trx, userId)), activationUrl: link.url };
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: UserPatch): Promise<UserView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, id);
    requireManageable(actor, row);
    if (id === actor.userId && (patch.roles || patch.disabled)) {
      throw new AppError('forbidden', 'You cannot change your own roles or disable your own account. Ask another administrator.');
    }
    const losesAdmin = row.roles.includes('taskforce_admin') && (patch.disabled || (patch.roles && !patch.roles.includes('taskforce_admin')));
    if (losesAdmin && (await repo.countOtherActiveTaskforceAdmins(trx, id)) === 0) {
      throw new AppError('conflict', 'This is the last task-force administrator. Make someone else an administrator first.');
    }
    if (patch.roles) {
      assertRolesGrantable(actor, patch.roles, row.agency_type as AgencyType);
      if (row.roles.includes('taskforce_admin') && !patch.roles.includes('taskforce_admin')) assertRolesGrantable(actor, ['taskforce_admin'], row.agency_type as AgencyType);
      await repo.replaceRoles(trx, id, patch.roles);
      await endUserSessions(trx, ctx, id, 'roles_changed');
      await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.roles_changed', details: { before: row.roles, after: [...patch.roles] } });
    }
    if (patch.displayName) {
      await trx.updateTable('users').set({ display_name: patch.displayName, updated_at: ctx.now() }).where('id', '=', id).execute();
      await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.updated', details: { fields: ['displayName'] } });
    }
    if (patch.disabled !== undefined && patch.disabled !== (row.disabled_at !== null)) {
      await trx
        .updateTable('users')
        .set(patch.disabled ? { disabled_at: ctx.now(), disabled_reason: 'by_administrator' } : { disabled_at: null, disabled_reason: null, last_active_at: ctx.now() })
        .where('id', '=', id)
        .execute();
      if (patch.disabled) await endUserSessions(trx, ctx, id, 'account_disabled');
      await recordAudit(trx, ctx.keys, { ...event(actor, id), action: patch.disabled ? 'user.disabled' : 'user.enabled' });
    }
    return presentUser(await loadUser(trx, id));
  });
}

/** Lifts a lockout and forgets the failures. The caller checks access and audits (API or operator CLI). */
export async function clearLockout(trx: Transaction<DB>, userId: string): Promise<void> {
  await trx.updateTable('users').set({ locked_at: null, sign_in_locked_at: null, sign_in_lock_source: null, failed_count: 0, failed_window_start: null, last_failed_at: null }).where('id', '=', userId).execute();
}

/**
 * Removes a person's TOTP secret and recovery codes and ends their sessions; returns how many ended. The
 * caller checks access and audits (API or operator CLI).
 */
export async function clearMfa(trx: Transaction<DB>, ctx: AppContext, userId: string): Promise<number> {
  await trx.updateTable('users').set({ totp_secret_enc: null, totp_last_step: null, mfa_enrolled_at: null }).where('id', '=', userId).execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  return endUserSessions(trx, ctx, userId, 'mfa_reset');
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string): Promise<UserView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, id);
    requireManageable(actor, row);
    await clearLockout(trx, id);
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.unlocked' });
    return presentUser(await loadUser(trx, id));
  });
}

/** Clears a person's second factor: their sessions end and they enroll again at the next sign-in. */
export async function resetUserMfa(ctx: AppContext, actor: Actor, id: string): Promise<UserView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, id);
    requireManageable(actor, row);
    const ended = await clearMfa(trx, ctx, id);
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.mfa_reset', details: { sessionsEnded: ended } });
    return presentUser(await loadUser(trx, id));
  });
}

export async function endSessionsOf(ctx: AppContext, actor: Actor, id: string): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, id);
    requireManageable(actor, row);
    const ended = await endUserSessions(trx, ctx, id, 'ended_by_administrator');
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.sessions_ended', details: { ended } });
    return ended;
  });
}

export async function reissueActivationLink(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, id);
    requireManageable(actor, row);
    if (row.password_hash) throw new AppError('conflict', 'This account is already activated. Reset its MFA or unlock it instead.');
    const link = await issueAccountToken(trx, ctx, 'activate', id, actor.userId);
    await recordAudit(trx, ctx.keys, { ...event(actor, id), action: 'user.activation_link_issued' });
    return link.url;
  });
}
