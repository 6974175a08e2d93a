import { sql, type Kysely } from 'kysely';

// The people, organizations, places, phones, emails, vehicles, online accounts and payment handles of
// investigations. An entity belongs to the agency that leads the case it was first entered in and is reused
// across that agency's cases; its identifiers are kept normalized (identifiers/normalize.ts) for matching.
// case_entities says what an entity is in a case (a person's role); entity_links are typed links between
// entities; case_outcomes are per-suspect justice outcomes (arrest, charge, prosecution, adjudication, sentence).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table entities (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('person', 'organization', 'location', 'phone', 'email', 'vehicle', 'online_account', 'payment_handle')),
      owner_agency_id uuid not null references agencies(id),
      label text not null,
      data jsonb not null default '{}',
      birth_date date,
      estimated_age smallint check (estimated_age between 0 and 120),
      age_as_of date,
      -- Lower-case, accents removed, other scripts transliterated: what typo-tolerant search compares.
      search_key text not null,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index entities_owner_idx on entities (owner_agency_id, kind);
    create index entities_search_trgm_idx on entities using gin (search_key gin_trgm_ops);

    create table entity_identifiers (
      entity_id uuid not null references entities(id) on delete cascade,
      kind text not null check (kind in ('phone', 'email', 'url', 'handle', 'plate', 'address', 'payment')),
      value text not null,
      primary key (entity_id, kind, value)
    );
    create index entity_identifiers_value_idx on entity_identifiers (kind, value);

    create table case_entities (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      entity_id uuid not null references entities(id),
      role text not null check (role in ('potential_victim', 'confirmed_victim', 'suspect', 'witness', 'reporting_party', 'other', 'involved')),
      -- A suspect's role in the process (HTCDS per_RoleInProcess): recruiter, transporter, exploiter, …
      suspect_roles text[] not null default '{}',
      note text,
      added_by_user_id uuid references users(id),
      added_at timestamptz not null default now(),
      unique (case_id, entity_id, role)
    );
    -- Potential or confirmed, never both: a person is counted once as a victim in a case.
    create unique index case_entities_one_victim_role on case_entities (case_id, entity_id) where role in ('potential_victim', 'confirmed_victim');
    create index case_entities_entity_idx on case_entities (entity_id);

    create table entity_links (
      id uuid primary key default gen_random_uuid(),
      from_entity_id uuid not null references entities(id) on delete cascade,
      to_entity_id uuid not null references entities(id) on delete cascade,
      type text not null,
      note text,
      case_id uuid references cases(id) on delete set null,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      check (from_entity_id <> to_entity_id),
      unique (from_entity_id, to_entity_id, type)
    );
    create index entity_links_to_idx on entity_links (to_entity_id);

    create table case_outcomes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      entity_id uuid not null references entities(id),
      type text not null check (type in ('arrest', 'charge', 'prosecution', 'adjudication', 'sentence')),
      occurred_on date not null,
      conduct_on date,
      offense_category text check (offense_category in ('sex_trafficking', 'labor_trafficking', 'commercial_sex', 'other')),
      statute text,
      jurisdiction_level text check (jurisdiction_level in ('federal', 'state', 'local', 'tribal', 'foreign')),
      description text,
      disposition text,
      details jsonb not null default '{}',
      safe_harbor_override_reason text,
      safe_harbor_override_by_user_id uuid references users(id),
      recorded_by_user_id uuid references users(id),
      recorded_by_agency_id uuid references agencies(id),
      created_at timestamptz not null default now(),
      check ((safe_harbor_override_reason is null) = (safe_harbor_override_by_user_id is null))
    );
    create index case_outcomes_case_idx on case_outcomes (case_id, occurred_on);
    create index case_outcomes_entity_idx on case_outcomes (entity_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_outcomes, entity_links, case_entities, entity_identifiers, entities`.execute(db);
}
