import type { Role } from '../../../common/access/roles.ts';

/**
 * Permissions are data: `action:entity:scope`. Scopes: `any` (every agency), `own-agency`, `self`, `partner`
 * (a case shared with the agency), `consented` (a survivor record shared under consent).
 * Roles map to permissions here and nowhere else. Administrators manage accounts; no administrator
 * permission grants a read of case or survivor content.
 */
// Coordinators run the tip queue for the whole task force; an agency works the tips assigned to it.
const TIP_TRIAGE_ANY = ['read:tip:any', 'manage:tip:any', 'create:tip:any', 'read:reporter-contact:any'] as const;
const TIP_WORK_OWN_AGENCY = ['read:tip:own-agency', 'manage:tip:own-agency'] as const;
// The service directory: everyone refers from it. Coordinators and task-force administrators keep every entry;
// a provider's own agency keeps the entry linked to it, its beds and slots, and answers referral inquiries.
// A confidential location's street address is readable only by that agency (decision 007).
const DIRECTORY_READ = 'read:directory:any';
const DIRECTORY_KEEP_ANY = 'manage:directory:any';
const DIRECTORY_OWN_PROVIDER = ['manage:directory:own-agency', 'manage:directory-capacity:own-agency', 'read:directory-location:own-agency', 'respond:directory-inquiry:own-agency'] as const;
const DIRECTORY_REFER = 'create:directory-inquiry:any';
// Safe Places are public sites: every signed-in person reads them (site contacts included); coordinators,
// outreach leads (who train the sites' staff) and task-force administrators keep them.
const SAFE_PLACE_READ = 'read:safe-place:any';
const SAFE_PLACE_KEEP = 'manage:safe-place:any';
// Investigations (decision 009). The lead agency's investigators and prosecutors own its cases; an agency a case
// is shared with works it at the level granted (summary, read, edit) through the `partner` scope. Coordinators
// see the list of every case (number, title, lead agency, status, counts) and content only as a partner.
// Victim advocates, providers, analysts, auditors and administrators hold nothing here.
const CASE_OWNER = ['create:case:own-agency', 'read:case:own-agency', 'manage:case:own-agency', 'read:deconfliction:own-agency', 'manage:deconfliction:own-agency'] as const;
const CASE_PARTNER = ['read:case:partner', 'manage:case:partner'] as const;

// Survivor services (decision 010): the case workers of a victim-service agency (advocates, provider staff,
// child-welfare workers) work their own agency's survivors and read another agency's exactly as far as a consent
// allows. Supervisors approve compelled disclosures, override Safe Harbor routing and purge, reading nothing;
// agency administrators set retention rules. No law-enforcement, prosecutor, administrator, coordinator, analyst,
// auditor or outreach role holds anything here.
const SURVIVOR_CASEWORK = [
  'create:survivor:own-agency',
  'read:survivor:own-agency',
  'manage:survivor:own-agency',
  'read:survivor:consented',
  'manage:consent:own-agency',
  'create:referral:own-agency',
  'respond:referral:own-agency',
  'read:survivor-metrics:own-agency',
] as const;
const SURVIVOR_SUPERVISION = ['approve:survivor-disclosure:own-agency', 'override:survivor-safe-harbor:own-agency', 'purge:survivor:own-agency'] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  taskforce_admin: [
    'manage:agency:any',
    'read:agency:any',
    'manage:user:any',
    'read:user:any',
    'read:audit:any',
    DIRECTORY_READ,
    DIRECTORY_KEEP_ANY,
    SAFE_PLACE_READ,
    SAFE_PLACE_KEEP,
  ],
  agency_admin: ['read:agency:any', 'manage:user:own-agency', 'read:user:own-agency', 'read:audit:own-agency', DIRECTORY_READ, ...DIRECTORY_OWN_PROVIDER, SAFE_PLACE_READ, 'manage:survivor-retention:own-agency'],
  coordinator: ['read:agency:any', 'read:user:any', ...TIP_TRIAGE_ANY, DIRECTORY_READ, DIRECTORY_KEEP_ANY, 'manage:directory-capacity:any', DIRECTORY_REFER, SAFE_PLACE_READ, SAFE_PLACE_KEEP, 'read:case-list:any', ...CASE_PARTNER, 'read:deconfliction:any'],
  investigator: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, 'read:reporter-contact:own-agency', 'create:tip:own-agency', DIRECTORY_READ, SAFE_PLACE_READ, ...CASE_OWNER, ...CASE_PARTNER],
  prosecutor: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, DIRECTORY_READ, SAFE_PLACE_READ, ...CASE_OWNER, ...CASE_PARTNER],
  victim_advocate: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, 'create:tip:own-agency', DIRECTORY_READ, DIRECTORY_REFER, SAFE_PLACE_READ, ...SURVIVOR_CASEWORK],
  provider_staff: ['read:agency:any', DIRECTORY_READ, ...DIRECTORY_OWN_PROVIDER, SAFE_PLACE_READ, ...SURVIVOR_CASEWORK],
  child_welfare_worker: ['read:agency:any', ...TIP_WORK_OWN_AGENCY, DIRECTORY_READ, DIRECTORY_REFER, SAFE_PLACE_READ, ...CASE_PARTNER, ...SURVIVOR_CASEWORK],
  outreach_lead: ['read:agency:any', DIRECTORY_READ, SAFE_PLACE_READ, SAFE_PLACE_KEEP],
  analyst: ['read:agency:any', DIRECTORY_READ, SAFE_PLACE_READ],
  auditor: ['read:agency:any', 'read:user:any', 'read:audit:any', DIRECTORY_READ, SAFE_PLACE_READ],
  // Held beside a working role; alone it reads no case. Overrides the Safe Harbor guard with a reason (audited).
  supervisor: ['read:agency:any', DIRECTORY_READ, SAFE_PLACE_READ, 'override:safe-harbor:own-agency', ...SURVIVOR_SUPERVISION],
};

/** Every signed-in person may do these to their own account. */
export const SELF_PERMISSIONS = ['read:profile:self', 'manage:profile:self'] as const;

export function permissionsForRoles(roles: readonly Role[]): string[] {
  const all = new Set<string>(SELF_PERMISSIONS);
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) all.add(p);
  return [...all].sort();
}
