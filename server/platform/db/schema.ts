import type { ColumnType, Generated } from 'kysely';
import type { SurvivorTables } from './schema-survivors.ts';

/**
 * Table types for Kysely, kept by hand beside the migrations that create them. A column's TypeScript type is
 * what the driver returns (see database.ts for the shared parsers).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a database default: optional on insert, writable later. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  short_name: string | null;
  type: string;
  contact_email: string | null;
  contact_phone: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  agency_id: string;
  email: string;
  display_name: string;
  locale: Generated<string>;
  password_hash: string | null;
  password_changed_at: DefaultedTimestamp;
  totp_secret_enc: Buffer | null;
  totp_last_step: number | null;
  mfa_enrolled_at: Timestamp | null;
  failed_count: Generated<number>;
  failed_window_start: Timestamp | null;
  locked_at: Timestamp | null;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  last_active_at: DefaultedTimestamp;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Buffer;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  csrf_token: string;
  mfa_state: 'enroll' | 'verify' | 'complete';
  pending_totp_secret_enc: Buffer | null;
  created_at: CreatedAt;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface AccountTokenTable {
  id: Generated<string>;
  purpose: 'setup' | 'activate';
  user_id: string | null;
  token_hash: Buffer;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
  /** Which of the parallel chains the entry belongs to; its prev_hash is the previous entry of that lane. */
  lane: Generated<number>;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  run_at: DefaultedTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: DefaultedTimestamp;
}

export interface TipTable {
  id: Generated<string>;
  number: Generated<number>;
  channel: 'web' | 'phone' | 'text' | 'email' | 'walk_in' | 'other';
  status: Generated<'new' | 'under_review' | 'assigned' | 'closed' | 'merged'>;
  priority: Generated<'urgent' | 'high' | 'normal' | 'low'>;
  concern_type: 'sex' | 'labor' | 'minor' | 'unsure';
  minor_involved: Generated<boolean>;
  immediate_danger: Generated<boolean>;
  narrative: string | null;
  location_address: string | null;
  location_city: string | null;
  location_zip: string | null;
  business_name: string | null;
  occurred_on: ColumnType<string | null, string | null | undefined, string | null>;
  occurred_text: string | null;
  people: Json<Array<{ description: string; approxAge: number | null }>>;
  vehicles: Json<Array<{ plate: string | null; state: string | null; description: string | null }>>;
  phones: Json<string[]>;
  emails: Json<string[]>;
  online: Json<Array<{ value: string; platform: string | null }>>;
  heard_via: string | null;
  campaign_code: string | null;
  language: Generated<string>;
  wants_contact: Generated<boolean>;
  reporter_contact_enc: Buffer | null;
  receipt_hash: Buffer | null;
  submission_hash: Buffer | null;
  content_hash: Buffer | null;
  assigned_agency_id: string | null;
  assigned_user_id: string | null;
  entered_by_user_id: string | null;
  merged_into_id: string | null;
  closed_reason: string | null;
  received_at: DefaultedTimestamp;
  first_reviewed_at: Timestamp | null;
  closed_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

export interface TipIdentifierTable {
  tip_id: string;
  kind: 'phone' | 'email' | 'url' | 'handle' | 'plate' | 'address';
  value: string;
}

export interface TipMessageTable {
  id: Generated<string>;
  tip_id: string;
  direction: 'to_reporter' | 'from_reporter';
  body: string;
  author_user_id: string | null;
  created_at: DefaultedTimestamp;
  read_at: Timestamp | null;
}

export interface TipNoteTable {
  id: Generated<string>;
  tip_id: string;
  author_user_id: string;
  body: string;
  created_at: DefaultedTimestamp;
}

export interface TipAttachmentTable {
  id: Generated<string>;
  tip_id: string;
  message_id: string | null;
  content_type: string;
  byte_size: number;
  sha256: string;
  data: Buffer;
  created_at: DefaultedTimestamp;
}

export interface TipLinkTable {
  tip_id: string;
  target_type: 'case' | 'referral';
  target_id: string;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  data: Json<Record<string, unknown>>;
  created_at: DefaultedTimestamp;
  read_at: Timestamp | null;
}

/** A weekly opening: the days, and local times in the place's time zone (`closes` before `opens` runs past midnight). */
export interface WeeklyHours {
  days: string[];
  opens: string;
  closes: string;
}

export interface DirectoryProviderTable {
  id: Generated<string>;
  external_id: string | null;
  organization_name: string;
  name: string;
  description: string | null;
  service_types: string[];
  languages: Generated<string[]>;
  min_age: number | null;
  max_age: number | null;
  accepts_minors: Generated<boolean>;
  genders: Generated<string[]>;
  immigration_requirement: Generated<'none' | 'lawful_status' | 'citizens_only'>;
  eligibility_notes: string | null;
  hours: Json<WeeklyHours[]>;
  open_24_hours: Generated<boolean>;
  hours_notes: string | null;
  cost: Generated<'free' | 'sliding_scale' | 'fee'>;
  cost_notes: string | null;
  accessibility: Generated<string[]>;
  accessibility_notes: string | null;
  intake_process: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  confidential_location: Generated<boolean>;
  status: Generated<'active' | 'inactive'>;
  linked_agency_id: string | null;
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DirectoryCapacityTable {
  provider_id: string;
  service_type: string;
  available: number;
  total: number | null;
  updated_at: Timestamp;
  updated_by_user_id: string | null;
}

export interface DirectoryCapacityHistoryTable {
  id: Generated<number>;
  provider_id: string;
  service_type: string;
  available: number;
  total: number | null;
  source: 'staff' | 'import' | 'inquiry_hold';
  changed_by_user_id: string | null;
  changed_at: DefaultedTimestamp;
}

export interface DirectoryHubTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  hours_notes: string | null;
  status: Generated<'active' | 'inactive'>;
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DirectoryHubSessionTable {
  id: Generated<string>;
  hub_id: string;
  provider_id: string;
  service_type: string;
  days: string[];
  opens: string;
  closes: string;
  notes: string | null;
  created_at: DefaultedTimestamp;
}

export interface DirectoryReferralInquiryTable {
  id: Generated<string>;
  number: Generated<number>;
  provider_id: string;
  service_type: string;
  people_count: Generated<number>;
  age: number | null;
  language: string | null;
  needed: Generated<'today' | 'this_week' | 'flexible'>;
  note: string | null;
  status: Generated<'open' | 'accepted' | 'declined' | 'withdrawn'>;
  response_note: string | null;
  capacity_held: Generated<boolean>;
  from_agency_id: string;
  from_user_id: string;
  to_agency_id: string;
  answered_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  answered_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

/** A Safe Place's week: per weekday, local opening periods ('HH:MM'; `closes` before `opens` runs past midnight). */
export interface SafePlaceHours {
  alwaysOpen: boolean;
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<{ opens: string; closes: string }>>;
}

export interface SafePlaceTable {
  id: Generated<string>;
  name: string;
  kind: 'library' | 'fire_station' | 'police_station' | 'youth_center' | 'community_center' | 'business' | 'other';
  address: string;
  city: string;
  state: string;
  zip: string;
  lat: number;
  lng: number;
  /** `point(lng, lat)`, computed by the database for the nearest-site index; never written. */
  location: ColumnType<string, never, never>;
  time_zone: string;
  hours: Json<SafePlaceHours>;
  public_phone: string | null;
  public_note: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_phone_public: Generated<boolean>;
  staff_last_trained_on: ColumnType<string | null, string | null | undefined, string | null>;
  is_active: Generated<boolean>;
  created_by_user_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export type CaseStatus = 'open' | 'active' | 'closed' | 'referred';
export type TraffickingType = 'sex' | 'labor' | 'both' | 'unknown';
export type PartnerLevel = 'summary' | 'read' | 'edit';
type CalendarDate = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface CaseTable {
  id: Generated<string>;
  number: Generated<number>;
  lead_agency_id: string;
  agency_reference: string | null;
  title: string;
  trafficking_type: TraffickingType;
  status: Generated<CaseStatus>;
  closed_reason: string | null;
  referred_to: string | null;
  jurisdictions: ColumnType<string[], string[] | undefined, string[]>;
  summary: string | null;
  unnamed_potential_victims: Generated<number>;
  unnamed_confirmed_victims: Generated<number>;
  source_tip_id: string | null;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  closed_at: Timestamp | null;
  /** Generated by the database from title, summary and reference; never written. */
  search: ColumnType<string, never, never>;
}

export interface CasePartnerTable {
  case_id: string;
  agency_id: string;
  level: PartnerLevel;
  granted_by_user_id: string | null;
  via_hit_id: string | null;
  granted_at: DefaultedTimestamp;
}

export interface CaseAssignmentTable {
  case_id: string;
  user_id: string;
  role: 'lead' | 'member';
  assigned_by_user_id: string | null;
  assigned_at: DefaultedTimestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  occurred_at: DefaultedTimestamp;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  kind: string;
  data: Json<Record<string, unknown>>;
}

export interface CaseTaskTable {
  id: Generated<string>;
  case_id: string;
  title: string;
  details: string | null;
  owner_user_id: string | null;
  due_on: NullableDate;
  status: Generated<'open' | 'done' | 'cancelled'>;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  completed_at: Timestamp | null;
}

export interface CaseNoteTable {
  id: Generated<string>;
  case_id: string;
  author_user_id: string;
  author_agency_id: string;
  body: string;
  created_at: DefaultedTimestamp;
  search: ColumnType<string, never, never>;
}

export interface CaseDocumentTable {
  id: Generated<string>;
  case_id: string;
  title: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  data: Buffer;
  source: Generated<'upload' | 'tip'>;
  uploaded_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export type EntityKind = 'person' | 'organization' | 'location' | 'phone' | 'email' | 'vehicle' | 'online_account' | 'payment_handle';

export interface EntityTable {
  id: Generated<string>;
  kind: EntityKind;
  owner_agency_id: string;
  label: string;
  data: Json<Record<string, unknown>>;
  birth_date: NullableDate;
  estimated_age: number | null;
  age_as_of: NullableDate;
  search_key: string;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface EntityIdentifierTable {
  entity_id: string;
  kind: 'phone' | 'email' | 'url' | 'handle' | 'plate' | 'address' | 'payment';
  value: string;
}

export type CaseEntityRole = 'potential_victim' | 'confirmed_victim' | 'suspect' | 'witness' | 'reporting_party' | 'other' | 'involved';

export interface CaseEntityTable {
  id: Generated<string>;
  case_id: string;
  entity_id: string;
  role: CaseEntityRole;
  suspect_roles: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  added_by_user_id: string | null;
  added_at: DefaultedTimestamp;
}

export interface EntityLinkTable {
  id: Generated<string>;
  from_entity_id: string;
  to_entity_id: string;
  type: string;
  note: string | null;
  case_id: string | null;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface CaseOutcomeTable {
  id: Generated<string>;
  case_id: string;
  entity_id: string;
  type: 'arrest' | 'charge' | 'prosecution' | 'adjudication' | 'sentence';
  occurred_on: CalendarDate;
  conduct_on: NullableDate;
  offense_category: 'sex_trafficking' | 'labor_trafficking' | 'commercial_sex' | 'other' | null;
  statute: string | null;
  jurisdiction_level: 'federal' | 'state' | 'local' | 'tribal' | 'foreign' | null;
  description: string | null;
  disposition: string | null;
  details: Json<Record<string, unknown>>;
  safe_harbor_override_reason: string | null;
  safe_harbor_override_by_user_id: string | null;
  recorded_by_user_id: string | null;
  recorded_by_agency_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface DeconflictionIdentifierTable {
  kind: string;
  value: string;
  case_id: string;
  agency_id: string;
  entity_id: string;
}

export interface DeconflictionPersonTable {
  case_id: string;
  agency_id: string;
  entity_id: string;
  name_key: string;
  phonetic_key: string;
  born_from: CalendarDate;
  born_to: CalendarDate;
}

export interface DeconflictionHitTable {
  id: Generated<string>;
  case_a_id: string;
  agency_a_id: string;
  case_b_id: string;
  agency_b_id: string;
  matched_kinds: ColumnType<string[], string[], string[]>;
  a_answer: 'agreed' | 'declined' | null;
  a_level: PartnerLevel | null;
  a_answered_by_user_id: string | null;
  b_answer: 'agreed' | 'declined' | null;
  b_level: PartnerLevel | null;
  b_answered_by_user_id: string | null;
  shared_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DeconflictionHitMatchTable {
  hit_id: string;
  kind: string;
  entity_a_id: string;
  entity_b_id: string;
  created_at: DefaultedTimestamp;
}

export interface DB extends SurvivorTables {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  account_tokens: AccountTokenTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  settings: SettingTable;
  tips: TipTable;
  tip_identifiers: TipIdentifierTable;
  tip_messages: TipMessageTable;
  tip_notes: TipNoteTable;
  tip_attachments: TipAttachmentTable;
  tip_links: TipLinkTable;
  notifications: NotificationTable;
  directory_providers: DirectoryProviderTable;
  directory_capacity: DirectoryCapacityTable;
  directory_capacity_history: DirectoryCapacityHistoryTable;
  directory_hubs: DirectoryHubTable;
  directory_hub_sessions: DirectoryHubSessionTable;
  directory_referral_inquiries: DirectoryReferralInquiryTable;
  safe_places: SafePlaceTable;
  cases: CaseTable;
  case_partners: CasePartnerTable;
  case_assignments: CaseAssignmentTable;
  case_events: CaseEventTable;
  case_tasks: CaseTaskTable;
  case_notes: CaseNoteTable;
  case_documents: CaseDocumentTable;
  entities: EntityTable;
  entity_identifiers: EntityIdentifierTable;
  case_entities: CaseEntityTable;
  entity_links: EntityLinkTable;
  case_outcomes: CaseOutcomeTable;
  deconfliction_identifiers: DeconflictionIdentifierTable;
  deconfliction_persons: DeconflictionPersonTable;
  deconfliction_hits: DeconflictionHitTable;
  deconfliction_hit_matches: DeconflictionHitMatchTable;
}
