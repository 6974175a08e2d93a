import type { Role } from '../../../common/access/roles.ts';

/**
 * Permissions are data: `action:entity:scope`. Scopes: `any` (every agency), `own-agency`, `self`.
 * Roles map to permissions here and nowhere else. Administrators manage accounts; no administrator
 * permission grants a read of case or survivor content.
 */
// Coordinators run the tip queue for the whole task force; an agency works the tips assigned to it.
const TIP_TRIAGE_ANY = ['read:tip:any', 'manage:tip:any', 'create:tip:any', 'read:reporter-contact:any'] as const;
const TIP_WORK_OWN_AGENCY = ['read:tip:own-agency', 'manage:tip:own-agency'] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  taskforce_admin: [
    'manage:agency:any',
    'read:agency:any',
    'manage:user:any',
    'read:user:any',
    'read:audit:any',
  ],
  agency_admin: ['read:agency:any', 'manage:user:own-agency', 'read:user:own-agency', 'read:audit:own-agency'],
  coordinator: ['read:agency:any', 'read:user:any', ...TIP_TRIAGE_ANY],
  investigator: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, 'read:reporter-contact:own-agency', 'create:tip:own-agency'],
  prosecutor: ['read:agency:any', ...TIP_WORK_OWN_AGENCY],
  victim_advocate: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, 'create:tip:own-agency'],
  provider_staff: ['read:agency:any'],
  child_welfare_worker: ['read:agency:any', ...TIP_WORK_OWN_AGENCY],
  outreach_lead: ['read:agency:any'],
  analyst: ['read:agency:any'],
  auditor: ['read:agency:any', 'read:user:any', 'read:audit:any'],
};

/** Every signed-in person may do these to their own account. */
export const SELF_PERMISSIONS = ['read:profile:self', 'manage:profile:self'] as const;

export function permissionsForRoles(roles: readonly Role[]): string[] {
  const all = new Set<string>(SELF_PERMISSIONS);
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) all.add(p);
  return [...all].sort();
}
