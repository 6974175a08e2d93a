/**
 * The service-provider directory's controlled vocabularies, shared by the server (validation, search, HSDS and
 * CSV exchange) and the staff app (labels, filters). A code is stored and exchanged as written here; people
 * see the label from the staff app's message catalog (`directory.serviceTypes.<code>` and so on).
 */

/** What a provider offers. Legal help is split by the kind of law, because referrals are. */
export const SERVICE_TYPES = [
  'shelter',
  'emergency_housing',
  'transitional_housing',
  'case_management',
  'counseling',
  'mental_health',
  'substance_use',
  'medical',
  'legal_criminal',
  'legal_civil',
  'legal_immigration',
  'interpretation',
  'employment',
  'education',
  'basic_needs',
  'child_welfare',
  'hotline',
  'transportation',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Services whose capacity is counted in beds; every other service counts slots (appointments, places). */
export const BED_SERVICES: readonly ServiceType[] = ['shelter', 'emergency_housing', 'transitional_housing'];
export const capacityUnit = (serviceType: ServiceType): 'beds' | 'slots' => (BED_SERVICES.includes(serviceType) ? 'beds' : 'slots');

/** Genders a provider serves; none listed means everyone. Trans people are served by their gender. */
export const GENDERS = ['female', 'male', 'nonbinary'] as const;
export type Gender = (typeof GENDERS)[number];

/** What a provider requires of a person's immigration status. */
export const IMMIGRATION_REQUIREMENTS = ['none', 'lawful_status', 'citizens_only'] as const;
export type ImmigrationRequirement = (typeof IMMIGRATION_REQUIREMENTS)[number];

/** A person's status, as a referral search asks it: which requirements does such a person meet? */
export const IMMIGRATION_STATUSES = ['undocumented', 'lawful', 'citizen'] as const;
export type ImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number];
export const REQUIREMENTS_MET_BY: Record<ImmigrationStatus, readonly ImmigrationRequirement[]> = {
  undocumented: ['none'],
  lawful: ['none', 'lawful_status'],
  citizen: ['none', 'lawful_status', 'citizens_only'],
};

export const COSTS = ['free', 'sliding_scale', 'fee'] as const;
export type Cost = (typeof COSTS)[number];

export const ACCESSIBILITY_FEATURES = ['wheelchair', 'accessible_restroom', 'elevator', 'sign_language', 'braille', 'service_animals'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** iCalendar's two-letter day codes, as HSDS schedules use them, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const PROVIDER_STATUSES = ['active', 'inactive'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** A referral inquiry (a capacity question, no survivor data): open until the provider answers or the sender withdraws it. */
export const INQUIRY_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
