import { sql, type Kysely } from 'kysely';

// Investigations: a case led by one agency, the partner agencies it is shared with (at a level), the people
// assigned to it, its tasks, notes and documents, and one timeline of everything that happened to it.
// Title, summary and notes carry a 'simple' full-text vector for search; titles also a trigram index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create table cases (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      lead_agency_id uuid not null references agencies(id),
      agency_reference text,
      title text not null,
      trafficking_type text not null check (trafficking_type in ('sex', 'labor', 'both', 'unknown')),
      status text not null default 'open' check (status in ('open', 'active', 'closed', 'referred')),
      closed_reason text,
      referred_to text,
      jurisdictions text[] not null default '{}',
      summary text,
      -- Victims known to exist but not yet entered as persons; named victims are counted from case_entities.
      unnamed_potential_victims integer not null default 0 check (unnamed_potential_victims >= 0),
      unnamed_confirmed_victims integer not null default 0 check (unnamed_confirmed_victims >= 0),
      source_tip_id uuid references tips(id),
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      closed_at timestamptz,
      search tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(agency_reference, ''))) stored,
      check (status not in ('closed', 'referred') or closed_reason is not null)
    );
    create index cases_lead_agency_idx on cases (lead_agency_id, updated_at desc);
    create index cases_search_idx on cases using gin (search);
    create index cases_title_trgm_idx on cases using gin (lower(title) gin_trgm_ops);
    create unique index cases_source_tip_key on cases (source_tip_id) where source_tip_id is not null;

    -- Another agency working the case with the lead agency, at a level: summary, read or edit.
    create table case_partners (
      case_id uuid not null references cases(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      level text not null check (level in ('summary', 'read', 'edit')),
      granted_by_user_id uuid references users(id),
      via_hit_id uuid,
      granted_at timestamptz not null default now(),
      primary key (case_id, agency_id)
    );
    create index case_partners_agency_idx on case_partners (agency_id, case_id);

    create table case_assignments (
      case_id uuid not null references cases(id) on delete cascade,
      user_id uuid not null references users(id),
      role text not null check (role in ('lead', 'member')),
      assigned_by_user_id uuid references users(id),
      assigned_at timestamptz not null default now(),
      primary key (case_id, user_id)
    );
    create unique index case_assignments_one_lead on case_assignments (case_id) where role = 'lead';
    create index case_assignments_user_idx on case_assignments (user_id);

    -- The case's timeline: every service that changes a case writes one row here in the same transaction.
    create table case_events (
      id bigint generated always as identity primary key,
      case_id uuid not null references cases(id) on delete cascade,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      actor_agency_id uuid references agencies(id),
      kind text not null,
      data jsonb not null default '{}'
    );
    create index case_events_case_idx on case_events (case_id, id desc);

    create table case_tasks (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      title text not null,
      details text,
      owner_user_id uuid references users(id),
      due_on date,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz
    );
    create index case_tasks_case_idx on case_tasks (case_id, due_on);
    create index case_tasks_owner_idx on case_tasks (owner_user_id) where status = 'open';

    create table case_notes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      author_user_id uuid not null references users(id),
      author_agency_id uuid not null references agencies(id),
      body text not null,
      created_at timestamptz not null default now(),
      search tsvector generated always as (to_tsvector('simple', body)) stored
    );
    create index case_notes_case_idx on case_notes (case_id, created_at);
    create index case_notes_search_idx on case_notes using gin (search);

    -- Attachments, cleaned of their metadata like a tip's (tips/attachments.ts) before they are stored.
    create table case_documents (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      title text not null,
      content_type text not null,
      byte_size integer not null,
      sha256 text not null,
      data bytea not null,
      source text not null default 'upload' check (source in ('upload', 'tip')),
      uploaded_by_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index case_documents_case_idx on case_documents (case_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_documents, case_notes, case_tasks, case_events, case_assignments, case_partners, cases`.execute(db);
}
