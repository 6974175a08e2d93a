/**
 * Kinds of member agency. The HTCDS organisation types (org_Type), plus what a US task force needs
 * (prosecutor, child welfare, community organization, the task-force coordinator itself).
 */
export const AGENCY_TYPES = [
  'task_force_coordinator',
  'law_enforcement',
  'prosecutor',
  'child_welfare',
  'victim_service_provider',
  'health_service',
  'legal_service',
  'immigration_service',
  'local_government',
  'central_government',
  'community_organization',
  'corporate_business',
  'school_or_college',
] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];

/** The HTCDS org_Type picklist value each kind maps to, for exports in the standard. */
export const HTCDS_ORG_TYPE: Record<AgencyType, string> = {
  task_force_coordinator: 'LocalGovernmentOrganisation',
  law_enforcement: 'LawEnforcement',
  prosecutor: 'LawEnforcement',
  child_welfare: 'LocalGovernmentOrganisation',
  victim_service_provider: 'NGO',
  health_service: 'HealthServiceOrganisation',
  legal_service: 'LegalService',
  immigration_service: 'ImmigrationService',
  local_government: 'LocalGovernmentOrganisation',
  central_government: 'CentralGovernmentOrganisation',
  community_organization: 'NGO',
  corporate_business: 'CorporateBusiness',
  school_or_college: 'SchoolOrCollege',
};
