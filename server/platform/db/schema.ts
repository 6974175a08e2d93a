import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DefaultedTimestamp, Json, Timestamp } from './schema-columns.ts';
import type { DirectoryTables } from './schema-directory.ts';
import type { InvestigationTables } from './schema-investigations.ts';
import type { SurvivorTables } from './schema-survivors.ts';

/**
 * Table types for Kysely, kept by hand beside the migrations that create them. A column's TypeScript type is
 * what the driver returns (see database.ts for the shared parsers).
 */

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
  /** Locked by an administrator's decision: live sessions end too. */
  locked_at: Timestamp | null;
  /** Locked by repeated failed sign-ins: new sign-ins are refused, live sessions go on. */
  sign_in_locked_at: Timestamp | null;
  /** A label of the client whose failure locked the account; never its address. */
  sign_in_lock_source: string | null;
  last_failed_at: Timestamp | null;
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
  issued_by_user_id: string | null;
  outcome: 'used' | 'replaced' | 'refused_signed_in_as_other' | null;
  /** The person whose session came with the request that used (or was refused) the link, when not its own. */
  signed_in_as_user_id: string | null;
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

// The types of each domain's tables live beside this file; they are exported here too, as before.
export type * from './schema-directory.ts';
export type * from './schema-investigations.ts';

export interface DB extends SurvivorTables, DirectoryTables, InvestigationTables {
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
}
