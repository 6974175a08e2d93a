import type { Role } from '../../../common/access/roles.ts';

/**
 * Permissions are data: `action:entity:scope`. Scopes: `any` (every agency), `own-agency`, `self`.
 * Roles map to permissions here and nowhere else. Administrators manage accounts; no administrator
 * permission grants a read of case or survivor content.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  taskforce_admin: [
    'manage:agency:any',
    'read:agency:any',
    'manage:user:any',
    'read:user:any',
    'read:audit:any',
  ],
  agency_admin: ['read:agency:any', 'manage:user:own-agency', 'read:user:own-agency', 'read:audit:own-agency'],
  coordinator: ['read:agency:any', 'read:user:any'],
  investigator: ['read:agency:any'],
  prosecutor: ['read:agency:any'],
  victim_advocate: ['read:agency:any'],
  provider_staff: ['read:agency:any'],
  child_welfare_worker: ['read:agency:any'],
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
