import { sql, type Kysely } from 'kysely';

// The service-provider directory staff refer from: providers (optionally linked to the Haven agency whose staff
// keep them current), their beds and slots with an append-only history, one-stop service hubs where several
// providers keep hours, and referral inquiries (a capacity question between agencies, no survivor data).
// A confidential location's street address and coordinates are stored like any other; who may read them is
// decided by the directory's presenter (docs/decisions/007-directory-confidential-locations.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table directory_providers (
      id uuid primary key default gen_random_uuid(),
      external_id text unique,
      organization_name text not null,
      name text not null,
      description text,
      service_types text[] not null check (cardinality(service_types) > 0),
      languages text[] not null default '{}',
      min_age integer check (min_age between 0 and 120),
      max_age integer check (max_age between 0 and 120),
      accepts_minors boolean not null default false,
      genders text[] not null default '{}',
      immigration_requirement text not null default 'none' check (immigration_requirement in ('none', 'lawful_status', 'citizens_only')),
      eligibility_notes text,
      hours jsonb not null default '[]',
      open_24_hours boolean not null default false,
      hours_notes text,
      cost text not null default 'free' check (cost in ('free', 'sliding_scale', 'fee')),
      cost_notes text,
      accessibility text[] not null default '{}',
      accessibility_notes text,
      intake_process text,
      phone text,
      email text,
      website text,
      address_1 text,
      address_2 text,
      city text,
      state text,
      postal_code text,
      area text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      time_zone text not null,
      confidential_location boolean not null default false,
      status text not null default 'active' check (status in ('active', 'inactive')),
      linked_agency_id uuid references agencies(id),
      created_by_user_id uuid references users(id),
      updated_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((latitude is null) = (longitude is null)),
      check (min_age is null or max_age is null or min_age <= max_age),
      -- The public and most staff see only these two of a confidential location.
      check (not confidential_location or (phone is not null and area is not null))
    );
    create index directory_providers_service_types_idx on directory_providers using gin (service_types);
    create index directory_providers_agency_idx on directory_providers (linked_agency_id) where linked_agency_id is not null;
    create index directory_providers_position_idx on directory_providers (latitude, longitude) where latitude is not null;
    create index directory_providers_name_idx on directory_providers (lower(name));

    -- Beds or slots free now, one row per provider and service; every change is also appended to the history.
    create table directory_capacity (
      provider_id uuid not null references directory_providers(id) on delete cascade,
      service_type text not null,
      available integer not null check (available between 0 and 100000),
      total integer check (total between 0 and 100000),
      updated_at timestamptz not null,
      updated_by_user_id uuid references users(id),
      primary key (provider_id, service_type),
      check (total is null or available <= total)
    );
    create index directory_capacity_open_idx on directory_capacity (service_type, updated_at) where available > 0;

    create table directory_capacity_history (
      id bigint generated always as identity primary key,
      provider_id uuid not null references directory_providers(id) on delete cascade,
      service_type text not null,
      available integer not null,
      total integer,
      source text not null check (source in ('staff', 'import', 'inquiry_hold')),
      changed_by_user_id uuid references users(id),
      changed_at timestamptz not null default now()
    );
    create index directory_capacity_history_provider_idx on directory_capacity_history (provider_id, changed_at);

    -- One-stop hubs: a public place where several providers keep hours on a schedule.
    create table directory_hubs (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      description text,
      phone text,
      email text,
      website text,
      address_1 text,
      address_2 text,
      city text,
      state text,
      postal_code text,
      area text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      time_zone text not null,
      hours_notes text,
      status text not null default 'active' check (status in ('active', 'inactive')),
      created_by_user_id uuid references users(id),
      updated_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((latitude is null) = (longitude is null))
    );
    create unique index directory_hubs_name_key on directory_hubs (lower(name));

    create table directory_hub_sessions (
      id uuid primary key default gen_random_uuid(),
      hub_id uuid not null references directory_hubs(id) on delete cascade,
      provider_id uuid not null references directory_providers(id) on delete cascade,
      service_type text not null,
      days text[] not null check (cardinality(days) > 0),
      opens text not null check (opens ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      closes text not null check (closes ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'),
      notes text,
      created_at timestamptz not null default now()
    );
    create index directory_hub_sessions_hub_idx on directory_hub_sessions (hub_id);
    create index directory_hub_sessions_provider_idx on directory_hub_sessions (provider_id);

    -- A question from one agency to a provider's agency: "can you take this person?" No survivor identity.
    create table directory_referral_inquiries (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      provider_id uuid not null references directory_providers(id),
      service_type text not null,
      people_count integer not null default 1 check (people_count between 1 and 20),
      age integer check (age between 0 and 120),
      language text,
      needed text not null default 'today' check (needed in ('today', 'this_week', 'flexible')),
      note text,
      status text not null default 'open' check (status in ('open', 'accepted', 'declined', 'withdrawn')),
      response_note text,
      capacity_held boolean not null default false,
      from_agency_id uuid not null references agencies(id),
      from_user_id uuid not null references users(id),
      to_agency_id uuid not null references agencies(id),
      answered_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      answered_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index directory_inquiries_inbox_idx on directory_referral_inquiries (to_agency_id, status, created_at);
    create index directory_inquiries_sent_idx on directory_referral_inquiries (from_agency_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table directory_referral_inquiries, directory_hub_sessions, directory_hubs, directory_capacity_history, directory_capacity, directory_providers`.execute(db);
}
