import { sql, type Kysely } from 'kysely';

// Tips from the public and the hotline, their identifiers for matching, two-way messages with the reporter,
// internal notes, attachments (metadata already stripped), links to later cases and referrals, and the
// notifications staff receive. No column holds an IP address, user agent or any other trace of a reporter
// beyond what they chose to give (sealed in reporter_contact_enc).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tips (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      channel text not null check (channel in ('web', 'phone', 'text', 'email', 'walk_in', 'other')),
      status text not null default 'new' check (status in ('new', 'under_review', 'assigned', 'closed', 'merged')),
      priority text not null default 'normal' check (priority in ('urgent', 'high', 'normal', 'low')),
      concern_type text not null check (concern_type in ('sex', 'labor', 'minor', 'unsure')),
      minor_involved boolean not null default false,
      immediate_danger boolean not null default false,
      narrative text,
      location_address text,
      location_city text,
      location_zip text,
      business_name text,
      occurred_on date,
      occurred_text text,
      people jsonb not null default '[]',
      vehicles jsonb not null default '[]',
      phones jsonb not null default '[]',
      emails jsonb not null default '[]',
      online jsonb not null default '[]',
      heard_via text,
      campaign_code text,
      language text not null default 'en',
      wants_contact boolean not null default false,
      reporter_contact_enc bytea,
      receipt_hash bytea unique,
      submission_hash bytea unique,
      assigned_agency_id uuid references agencies(id),
      assigned_user_id uuid references users(id),
      entered_by_user_id uuid references users(id),
      merged_into_id uuid references tips(id),
      closed_reason text,
      received_at timestamptz not null default now(),
      first_reviewed_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index tips_queue_idx on tips (status, received_at);
    create index tips_assigned_agency_idx on tips (assigned_agency_id);
    create index tips_campaign_idx on tips (campaign_code) where campaign_code is not null;

    create table tip_identifiers (
      tip_id uuid not null references tips(id) on delete cascade,
      kind text not null check (kind in ('phone', 'email', 'url', 'handle', 'plate', 'address')),
      value text not null,
      primary key (tip_id, kind, value)
    );
    create index tip_identifiers_value_idx on tip_identifiers (kind, value);

    create table tip_messages (
      id uuid primary key default gen_random_uuid(),
      tip_id uuid not null references tips(id) on delete cascade,
      direction text not null check (direction in ('to_reporter', 'from_reporter')),
      body text not null,
      author_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index tip_messages_tip_idx on tip_messages (tip_id, created_at);

    create table tip_notes (
      id uuid primary key default gen_random_uuid(),
      tip_id uuid not null references tips(id) on delete cascade,
      author_user_id uuid not null references users(id),
      body text not null,
      created_at timestamptz not null default now()
    );
    create index tip_notes_tip_idx on tip_notes (tip_id, created_at);

    create table tip_attachments (
      id uuid primary key default gen_random_uuid(),
      tip_id uuid not null references tips(id) on delete cascade,
      message_id uuid references tip_messages(id) on delete cascade,
      content_type text not null,
      byte_size integer not null,
      sha256 text not null,
      data bytea not null,
      created_at timestamptz not null default now()
    );
    create index tip_attachments_tip_idx on tip_attachments (tip_id);

    -- Where a tip went next (an investigation, a referral to services), filled by those modules.
    create table tip_links (
      tip_id uuid not null references tips(id) on delete cascade,
      target_type text not null check (target_type in ('case', 'referral')),
      target_id uuid not null,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      primary key (tip_id, target_type, target_id)
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      entity_type text not null,
      entity_id text not null,
      data jsonb not null default '{}',
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (user_id, kind, entity_type, entity_id)
    );
    create index notifications_unread_idx on notifications (user_id, created_at) where read_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notifications, tip_links, tip_attachments, tip_notes, tip_messages, tip_identifiers, tips`.execute(db);
}
