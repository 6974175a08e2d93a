/**
 * Survivor services' vocabularies (decision 010), shared by the server and the staff app. A code is stored as
 * written here; people see the label from the staff app's message catalog.
 */

/** What a consent, a disclosure or a share names. */
export const CONSENT_CATEGORIES = ['identity', 'contact', 'needs', 'narrative', 'services'] as const;
export type ConsentCategoryCode = (typeof CONSENT_CATEGORIES)[number];

export const CONSENT_METHODS = ['signed_form', 'e_signature', 'verbal_emergency'] as const;
export const DISCLOSURE_BASES = ['court_order', 'mandated_report', 'other_legal_duty'] as const;

/** Needs assessment and service plan domains. Immigration relief is split the way referrals are. */
export const NEED_DOMAINS = [
  'shelter_housing',
  'safety_planning',
  'medical',
  'mental_health_counseling',
  'legal_criminal',
  'legal_civil',
  'legal_immigration_t_visa',
  'legal_immigration_continued_presence',
  'legal_immigration_other',
  'interpretation',
  'basic_needs',
  'employment_education',
  'family',
] as const;
export type NeedDomain = (typeof NEED_DOMAINS)[number];

/** Services delivered, for the counts funders ask for. */
export const DELIVERED_SERVICE_TYPES = [...NEED_DOMAINS, 'case_management', 'crisis_intervention', 'transportation'] as const;

export const GENDERS = ['female', 'male', 'nonbinary', 'other', 'not_stated'] as const;

export const RETENTION_PARTS = ['record', 'narrative', 'contact', 'documents', 'screenings'] as const;
/** What a purge may remove on its own; `record` removes everything. */
export const PURGE_PARTS = RETENTION_PARTS;
