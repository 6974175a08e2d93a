import type { ColumnType, Generated } from 'kysely';

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

export interface DB {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  account_tokens: AccountTokenTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  settings: SettingTable;
}
