import { can, requireAccess, type Actor } from '../../platform/access/access.ts';
import { AppError } from '../../platform/errors.ts';
import { isRoleAllowedInAgency, type Role } from '../../../common/access/roles.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';

/**
 * Roles that only a task-force administrator may hand out: they work for the whole task force, not for one
 * agency (outreach leads keep every Safe Place, analysts read across agencies), whatever agency holds them.
 * users.policy.test.ts checks that every role holding a cross-agency permission is listed.
 */
export const TASKFORCE_WIDE: readonly Role[] = ['taskforce_admin', 'auditor', 'coordinator', 'outreach_lead', 'analyst'];

// Accounts that oversee every agency: only a task-force administrator may disable, unlock or reset them.
const OVERSEERS: readonly Role[] = ['taskforce_admin', 'auditor', 'coordinator'];

/** Checks that `actor` may give exactly these roles to a person in an agency of this type. */
export function assertRolesGrantable(actor: Actor, roles: readonly Role[], agencyType: AgencyType): void {
  const misfit = roles.filter((r) => !isRoleAllowedInAgency(r, agencyType));
  if (misfit.length) {
    throw new AppError('validation_failed', `A ${agencyType} agency cannot hold these roles: ${misfit.join(', ')}.`, [{ path: 'body.roles', message: 'Not allowed for this kind of agency.' }]);
  }
  const wide = roles.filter((r) => TASKFORCE_WIDE.includes(r));
  if (wide.length && !can(actor, 'manage', 'user', {})) {
    // `can` without agency only passes for the `any` scope here, because own-agency needs a matching target.
    throw new AppError('forbidden', `Only a task-force administrator can give these roles: ${wide.join(', ')}.`, [{ path: 'body.roles', message: 'Ask a task-force administrator.' }]);
  }
}

/**
 * May `actor` manage this person's account at all? Accounts holding a task-force-wide role (administrators,
 * auditors, coordinators) are managed by task-force administrators only, so an agency administrator cannot
 * disable, unlock, reset or strip the people who oversee every agency.
 */
export function requireManageable(actor: Actor, target: { agency_id: string; roles: readonly string[] }): void {
  requireAccess(actor, 'manage', 'user', { agencyId: target.agency_id });
  const wide = target.roles.filter((r) => (OVERSEERS as readonly string[]).includes(r));
  if (wide.length && !can(actor, 'manage', 'user', {})) {
    throw new AppError('forbidden', `Only a task-force administrator can manage an account with these roles: ${wide.join(', ')}.`);
  }
}
