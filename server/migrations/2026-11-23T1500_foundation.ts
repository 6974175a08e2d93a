import { sql, type Kysely } from 'kysely';

// Agencies, accounts, sessions, the audit trail, jobs and settings: what every later module stands on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agencies (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      short_name text,
      type text not null,
      contact_email text,
      contact_phone text,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index agencies_name_key on agencies (lower(name));

    create table users (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies(id),
      email text not null check (email = lower(email)),
      display_name text not null,
      locale text not null default 'en',
      password_hash text, -- null until the person activates their account and sets it
      password_changed_at timestamptz not null default now(),
      totp_secret_enc bytea,
      totp_last_step bigint,
      mfa_enrolled_at timestamptz,
      failed_count integer not null default 0,
      failed_window_start timestamptz,
      locked_at timestamptz,
      disabled_at timestamptz,
      disabled_reason text,
      last_active_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (email);
    create index users_agency_idx on users (agency_id);

    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null,
      primary key (user_id, role)
    );

    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      code_hash bytea not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index recovery_codes_user_idx on recovery_codes (user_id);

    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash bytea not null unique,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      mfa_state text not null check (mfa_state in ('enroll', 'verify', 'complete')),
      pending_totp_secret_enc bytea,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text
    );
    create index sessions_user_live_idx on sessions (user_id) where ended_at is null;

    -- One-time links: the first administrator's set-up, and a new user's activation (they set their own
    -- password; no administrator ever knows it). Only a keyed hash of the token is kept.
    create table account_tokens (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('setup', 'activate')),
      user_id uuid references users(id) on delete cascade,
      token_hash bytea not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table audit_log (
      seq bigint primary key generated always as identity,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      actor_agency_id uuid,
      action text not null,
      entity_type text not null,
      entity_id text,
      outcome text not null check (outcome in ('success', 'failure', 'denied')),
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_occurred_idx on audit_log (occurred_at);
    create index audit_log_actor_idx on audit_log (actor_user_id);
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);

    -- The trail is append-only for everyone, whatever role the application runs under; verify-audit
    -- catches anyone who turns this off to rewrite history, because the chain is keyed outside the database.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table jobs (
      id bigint primary key generated always as identity,
      kind text not null,
      payload jsonb not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_until timestamptz,
      last_error text,
      dedupe_key text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index jobs_due_idx on jobs (run_at) where status in ('pending', 'running');
    create unique index jobs_dedupe_key on jobs (dedupe_key) where status in ('pending', 'running');

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table settings, jobs, audit_log, account_tokens, sessions, recovery_codes, user_roles, users, agencies;
    drop function audit_log_append_only();
  `.execute(db);
}
