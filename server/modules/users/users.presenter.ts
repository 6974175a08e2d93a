import { isRole } from '../../../common/access/roles.ts';
import type { UserRow } from './users.repo.ts';
import type { ActivationLinkRecord } from '../auth/account-tokens.ts';
import type { UserDetailView, UserView } from './users.schema.ts';

export function userStatus(row: Pick<UserRow, 'disabled_at' | 'locked_at' | 'sign_in_locked_at' | 'password_hash'>): UserView['status'] {
  if (row.disabled_at) return 'disabled';
  if (row.locked_at || row.sign_in_locked_at) return 'locked';
  if (!row.password_hash) return 'invited';
  return 'active';
}

/** Never the password hash, TOTP secret or recovery codes: only what an administrator needs to manage the account. */
export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    status: userStatus(row),
    // Who locked it is a label of the client, never its address: enough to see that one source keeps trying.
    signInLock: row.sign_in_locked_at ? { lockedAt: row.sign_in_locked_at.toISOString(), failures: row.failed_count, source: row.sign_in_lock_source } : null,
    mfaEnrolled: row.mfa_enrolled_at !== null,
    lastActiveAt: row.password_hash ? row.last_active_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentActivationLink(link: ActivationLinkRecord): UserDetailView['activationLinks'][number] {
  return {
    issuedAt: link.issuedAt.toISOString(),
    issuedByUserId: link.issuedByUserId,
    issuedByName: link.issuedByName,
    expiresAt: link.expiresAt.toISOString(),
    usedAt: link.usedAt?.toISOString() ?? null,
    outcome: link.outcome,
    signedInAsUserId: link.signedInAsUserId,
  };
}
