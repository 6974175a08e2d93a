import type { AgencyType } from './agencies.ts';

export const ROLES = [
  'taskforce_admin',
  'agency_admin',
  'coordinator',
  'investigator',
  'prosecutor',
  'victim_advocate',
  'provider_staff',
  'child_welfare_worker',
  'outreach_lead',
  'analyst',
  'auditor',
  'supervisor',
] as const;

export type Role = (typeof ROLES)[number];

const LAW_ENFORCEMENT: AgencyType[] = ['law_enforcement', 'prosecutor', 'immigration_service', 'central_government'];
const SERVICE_PROVIDERS: AgencyType[] = [
  'victim_service_provider',
  'health_service',
  'legal_service',
  'community_organization',
  'child_welfare',
  'local_government',
];

/**
 * Which roles an agency of each kind may hold. This keeps the wall between investigators and survivor
 * services structural: a police department cannot employ a "victim advocate" who reads survivor records.
 * Roles missing here may be held in any agency.
 */
export const ROLE_AGENCY_TYPES: Partial<Record<Role, AgencyType[]>> = {
  taskforce_admin: ['task_force_coordinator'],
  investigator: LAW_ENFORCEMENT,
  prosecutor: ['prosecutor'],
  victim_advocate: SERVICE_PROVIDERS,
  provider_staff: SERVICE_PROVIDERS,
  child_welfare_worker: ['child_welfare'],
  // Held beside investigator, prosecutor, advocate or child-welfare roles: approves what needs a second person.
  supervisor: ['law_enforcement', 'prosecutor', 'child_welfare', 'victim_service_provider'],
};

export function isRoleAllowedInAgency(role: Role, agencyType: AgencyType): boolean {
  const allowed = ROLE_AGENCY_TYPES[role];
  return !allowed || allowed.includes(agencyType);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
