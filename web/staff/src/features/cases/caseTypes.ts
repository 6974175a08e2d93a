/** Shapes of the investigations API answers (see docs/api.md, "Cases" and "Entities, links and the link chart"). */

export const TRAFFICKING_TYPES = ['sex', 'labor', 'both', 'unknown'] as const;
export const CASE_STATUSES = ['open', 'active', 'closed', 'referred'] as const;
export const CASE_SCOPES = ['all', 'lead', 'partner', 'assigned'] as const;
export const PARTNER_LEVELS = ['summary', 'read', 'edit'] as const;
export const ENTITY_KINDS = ['person', 'organization', 'location', 'phone', 'email', 'vehicle', 'online_account', 'payment_handle'] as const;
export const PERSON_ROLES = ['potential_victim', 'confirmed_victim', 'suspect', 'witness', 'reporting_party', 'other'] as const;
export const SUSPECT_ROLES = [
  'recruiter', 'transporter', 'exploiter', 'controller', 'buyer', 'broker_travel_agent', 'harbourer', 'seller', 'smuggler', 'abuser', 'kidnapper', 'financier', 'advertiser', 'travelling_partner', 'other',
] as const;
export const LINK_TYPES = [
  'uses', 'owns', 'works_at', 'employs', 'lives_at', 'located_at', 'operates', 'advertises', 'paid', 'recruited', 'transported', 'controls', 'exploits', 'associate_of', 'family_of', 'related',
] as const;
export const PLACE_KINDS = ['residence', 'business', 'hotel_motel', 'massage_parlor', 'cantina_bar', 'strip_club', 'farm', 'construction_site', 'factory', 'restaurant', 'truck_stop', 'street', 'other'] as const;
export const ORG_TYPES = ['business', 'nonprofit', 'government', 'informal', 'other'] as const;
export const INDUSTRIES = [
  'agriculture', 'construction', 'domestic_work', 'hospitality', 'restaurant', 'massage_spa', 'nail_salon', 'bar_club', 'escort_service', 'manufacturing', 'cleaning', 'landscaping', 'retail', 'transport', 'online', 'other',
] as const;
export const PAYMENT_SERVICES = ['cashapp', 'venmo', 'paypal', 'zelle', 'crypto', 'bitcoin', 'other'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const OUTCOME_TYPES = ['arrest', 'charge', 'prosecution', 'adjudication', 'sentence'] as const;
export const OFFENSE_CATEGORIES = ['sex_trafficking', 'labor_trafficking', 'commercial_sex', 'other'] as const;
export const JURISDICTION_LEVELS = ['federal', 'state', 'local', 'tribal', 'foreign'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export type TraffickingType = (typeof TRAFFICKING_TYPES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
/** What the signed-in person may do with a case, from seeing it in the list to owning it. */
export type CaseAccess = 'list' | 'summary' | 'read' | 'edit' | 'owner';

interface Ref {
  id: string;
  name: string;
}

export interface CaseRef {
  id: string;
  number: number;
  title: string;
}

export interface CaseSummary extends CaseRef {
  traffickingType: TraffickingType;
  status: CaseStatus;
  leadAgency: Ref;
  access: CaseAccess;
  counts: { potentialVictims: number; confirmedVictims: number; suspects: number };
  createdAt: string;
  updatedAt: string;
}

export interface PointOfContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface Identifier {
  kind: string;
  value: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  label: string;
  details: Record<string, unknown>;
  identifiers: Identifier[];
  birthDate: string | null;
  estimatedAge: number | null;
  ageAsOf: string | null;
  ownerAgencyId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEntity {
  id: string;
  caseId: string;
  role: string;
  suspectRoles: string[];
  note: string | null;
  addedAt: string;
  entity: Entity;
}

export interface Task {
  id: string;
  title: string;
  details: string | null;
  owner: Ref | null;
  dueOn: string | null;
  status: (typeof TASK_STATUSES)[number];
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
}

export interface Note {
  id: string;
  body: string;
  author: string;
  agencyId: string;
  createdAt: string;
}

export interface CaseDocument {
  id: string;
  title: string;
  contentType: string;
  byteSize: number;
  source: 'upload' | 'tip';
  uploadedBy: string | null;
  createdAt: string;
}

export interface Sentence {
  incarcerationMonths?: number | null;
  probationMonths?: number | null;
  fineAmount?: number | null;
  restitutionAmount?: number | null;
}

export interface Outcome {
  id: string;
  entityId: string;
  personLabel: string;
  type: OutcomeType;
  occurredOn: string;
  conductOn: string | null;
  offenseCategory: string | null;
  statute: string | null;
  jurisdictionLevel: string | null;
  description: string | null;
  disposition: string | null;
  sentence: Sentence | null;
  court: string | null;
  docketNumber: string | null;
  safeHarborOverride: { reason: string; by: string } | null;
  recordedAt: string;
}

export interface Assignment {
  userId: string;
  name: string;
  email: string;
  agencyId: string;
  role: 'lead' | 'member';
}

export interface Partner {
  agency: Ref;
  level: PartnerLevel;
  grantedAt: string;
  viaHitId: string | null;
}

export interface CaseDetail {
  summary: string | null;
  agencyReference: string | null;
  jurisdictions: string[];
  closedReason: string | null;
  referredTo: string | null;
  closedAt: string | null;
  sourceTip: { id: string; number: number } | null;
  unnamedVictims: { potential: number; confirmed: number };
  assignments: Assignment[];
  partners: Partner[];
  entities: CaseEntity[];
  tasks: Task[];
  notes: Note[];
  documents: CaseDocument[];
  outcomes: Outcome[];
}

export interface Case extends CaseSummary {
  pointOfContact: (PointOfContact & { agencyName: string }) | null;
  /** Only from `read` up. */
  detail: CaseDetail | null;
}

export interface NewCase {
  title: string;
  traffickingType: TraffickingType;
  summary?: string;
  jurisdictions: string[];
}

export interface CasePatch {
  status?: CaseStatus;
  closedReason?: string;
  referredTo?: string;
}

/** Another agency holding the same target, as the answer to adding an entity says it: who, never what. */
export interface DeconflictionNotice {
  hitId: string;
  otherAgency: { id: string; name: string };
  pointOfContact: PointOfContact;
  matchedKind: string;
  isNew: boolean;
}

export interface AddedEntity extends CaseEntity {
  deconfliction: DeconflictionNotice[];
}

export interface Link {
  id: string;
  fromEntityId: string;
  toEntityId: string;
  type: string;
  note: string | null;
  caseId: string | null;
  createdAt: string;
}

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  inCase: boolean;
  roles: string[];
  sharedWithCases: (CaseRef & { access: string })[];
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: string;
  note: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface TimelineEvent {
  id: number;
  occurredAt: string;
  kind: string;
  actor: { name: string | null; agencyName: string | null };
  data: Record<string, unknown>;
}

export interface SafeHarborCheck {
  applies: boolean;
  minor: boolean | null;
  victim: boolean;
  reasons: string[];
  referral: string;
}
