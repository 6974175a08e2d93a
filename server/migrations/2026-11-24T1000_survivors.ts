import { sql, type Kysely } from 'kysely';

// Survivor services (decision 010): records that belong to the victim-service agency that made them, identifying
// parts sealed under per-agency data keys, the consent ledger, compelled disclosures, referrals, screenings, needs,
// plans, services, tasks, documents and retention rules. Every table is under forced row-level security for the
// non-superuser role `haven_app` that survivor-services transactions run as; policies read `app.agency_id` and
// `app.now`, set by the transaction.
const TABLES = [
  'survivor_data_keys',
  'survivors',
  'survivor_blind_indexes',
  'survivor_screenings',
  'survivor_needs',
  'survivor_goals',
  'survivor_services',
  'survivor_tasks',
  'survivor_documents',
  'survivor_consents',
  'survivor_disclosures',
  'survivor_referrals',
  'survivor_retention_rules',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide: on a shared server another database may have created it already (or is doing so now).
  await sql`
    do $$
    begin
      create role haven_app nologin;
    exception when duplicate_object or unique_violation then null;
    end $$;
  `.execute(db);
  await sql`
    do $$
    begin
      if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant haven_app to %I', current_user);
      end if;
    end $$;
  `.execute(db);

  await sql`
    create table survivor_data_keys (
      agency_id uuid not null references agencies(id),
      version integer not null,
      kek_generation integer not null,
      wrapped_data_key bytea not null,
      wrapped_index_key bytea not null,
      created_at timestamptz not null default now(),
      primary key (agency_id, version)
    );

    create table survivors (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies(id),
      number bigint generated always as identity unique,
      key_version integer not null,
      identity_enc bytea,
      contact_enc bytea,
      narrative_enc bytea,
      gender text,
      age_at_identification integer check (age_at_identification between 0 and 120),
      age_basis text check (age_basis in ('date_of_birth', 'estimated')),
      is_minor boolean not null default false,
      primary_language text,
      trafficking_type text not null default 'unknown' check (trafficking_type in ('sex', 'labor', 'both', 'unknown')),
      identified_at timestamptz not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_at timestamptz,
      safe_harbor text not null default 'not_applicable' check (safe_harbor in ('not_applicable', 'routed', 'overridden')),
      safe_harbor_override_reason text,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index survivors_agency_idx on survivors (agency_id, created_at desc);

    create table survivor_blind_indexes (
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      kind text not null check (kind in ('name', 'birth_date', 'phone', 'email', 'document', 'trafficker')),
      value bytea not null,
      primary key (survivor_id, kind, value)
    );
    create index survivor_blind_indexes_lookup on survivor_blind_indexes (agency_id, kind, value);

    create table survivor_screenings (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      answers jsonb not null,
      indicators text[] not null,
      score integer not null,
      potential_victim boolean not null,
      reasons text[] not null,
      methods_of_control text[] not null,
      types_of_exploitation text[] not null,
      screened_by_user_id uuid references users(id),
      screened_at timestamptz not null
    );
    create index survivor_screenings_survivor_idx on survivor_screenings (survivor_id);

    create table survivor_needs (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      domain text not null,
      detail text,
      priority text not null default 'medium' check (priority in ('urgent', 'high', 'medium', 'low')),
      status text not null default 'open' check (status in ('open', 'in_progress', 'met', 'declined')),
      note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index survivor_needs_survivor_idx on survivor_needs (survivor_id);

    create table survivor_goals (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      domain text not null,
      description text not null,
      target_date date,
      status text not null default 'open' check (status in ('open', 'achieved', 'dropped')),
      achieved_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index survivor_goals_survivor_idx on survivor_goals (survivor_id);

    create table survivor_services (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      service_type text not null,
      delivered_on date not null,
      provider_id uuid references directory_providers(id),
      units numeric(10, 2) check (units >= 0),
      hours numeric(10, 2) check (hours >= 0),
      note text,
      recorded_by_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index survivor_services_survivor_idx on survivor_services (survivor_id);
    create index survivor_services_agency_idx on survivor_services (agency_id, delivered_on);

    create table survivor_tasks (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      kind text not null check (kind in ('mandated_report', 'follow_up')),
      title text not null,
      due_at timestamptz,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index survivor_tasks_survivor_idx on survivor_tasks (survivor_id);

    create table survivor_documents (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      key_version integer not null,
      title_enc bytea not null,
      content_type text not null,
      byte_size integer not null,
      data_enc bytea not null,
      uploaded_by_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index survivor_documents_survivor_idx on survivor_documents (survivor_id);

    create table survivor_consents (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      recipient_agency_id uuid not null references agencies(id),
      purpose text not null,
      categories text[] not null check (cardinality(categories) > 0 and categories <@ array['identity', 'contact', 'needs', 'narrative', 'services']),
      method text not null check (method in ('signed_form', 'e_signature', 'verbal_emergency')),
      starts_at timestamptz not null,
      expires_at timestamptz not null,
      signer text not null check (signer in ('survivor', 'survivor_and_guardian', 'guardian')),
      guardian_enc bytea,
      minor_consent_basis text,
      revoked_at timestamptz,
      revoked_by_user_id uuid references users(id),
      revocation_note text,
      recorded_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      check (expires_at > starts_at),
      check (recipient_agency_id <> agency_id)
    );
    create index survivor_consents_survivor_idx on survivor_consents (survivor_id);
    create index survivor_consents_recipient_idx on survivor_consents (recipient_agency_id, survivor_id);

    create table survivor_disclosures (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      recipient_agency_id uuid references agencies(id),
      recipient_description text not null,
      basis text not null check (basis in ('court_order', 'mandated_report', 'other_legal_duty')),
      legal_reference text not null,
      categories text[] not null check (cardinality(categories) > 0 and categories <@ array['identity', 'contact', 'needs', 'narrative', 'services']),
      status text not null default 'requested' check (status in ('requested', 'approved', 'refused')),
      expires_at timestamptz not null,
      notice_given_at timestamptz,
      notice_method text,
      notice_note text,
      requested_by_user_id uuid not null references users(id),
      requested_at timestamptz not null,
      decided_by_user_id uuid references users(id),
      decided_at timestamptz,
      decision_reason text
    );
    create index survivor_disclosures_survivor_idx on survivor_disclosures (survivor_id);
    create index survivor_disclosures_recipient_idx on survivor_disclosures (recipient_agency_id, survivor_id);

    create table survivor_referrals (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references survivors(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      provider_id uuid references directory_providers(id),
      to_agency_id uuid references agencies(id),
      service_type text not null,
      kind text not null default 'standard' check (kind in ('standard', 'child_welfare')),
      note text,
      status text not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn')),
      decline_reason text,
      outcome text,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null,
      sent_at timestamptz,
      responded_at timestamptz,
      responded_by_user_id uuid references users(id),
      completed_at timestamptz,
      withdrawn_at timestamptz,
      updated_at timestamptz not null
    );
    create index survivor_referrals_survivor_idx on survivor_referrals (survivor_id);
    create index survivor_referrals_to_idx on survivor_referrals (to_agency_id, status);

    create table survivor_retention_rules (
      agency_id uuid not null references agencies(id),
      part text not null check (part in ('record', 'narrative', 'contact', 'documents', 'screenings')),
      days_after_closing integer not null check (days_after_closing between 0 and 36500),
      updated_by_user_id uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (agency_id, part)
    );
  `.execute(db);

  // The policies' inputs. Unset (a connection that never set them) reads as null, which matches nothing.
  await sql`
    create function haven_app_agency() returns uuid language sql stable as
      $$ select nullif(current_setting('app.agency_id', true), '')::uuid $$;
    create function haven_app_now() returns timestamptz language sql stable as
      $$ select nullif(current_setting('app.now', true), '')::timestamptz $$;

    -- Categories of one survivor's record that an active consent or an approved compelled disclosure gives the
    -- calling agency at the calling moment. Security definer: it reads the ledger whatever the caller's policies.
    create function survivor_shared_categories(p_survivor uuid) returns text[]
    language sql stable security definer set search_path = public as $$
      select coalesce(array_agg(distinct c), '{}') from (
        select unnest(categories) as c from survivor_consents
        where survivor_id = p_survivor and recipient_agency_id = haven_app_agency()
          and revoked_at is null and starts_at <= haven_app_now() and expires_at > haven_app_now()
        union all
        select unnest(categories) from survivor_disclosures
        where survivor_id = p_survivor and recipient_agency_id = haven_app_agency()
          and status = 'approved' and expires_at > haven_app_now()
      ) shared
    $$;

    -- Whether the calling agency holds any active share of the given agency's records (to unwrap its data key).
    create function survivor_agency_shares(p_agency uuid) returns boolean
    language sql stable security definer set search_path = public as $$
      select exists (
        select 1 from survivor_consents
        where agency_id = p_agency and recipient_agency_id = haven_app_agency()
          and revoked_at is null and starts_at <= haven_app_now() and expires_at > haven_app_now()
      ) or exists (
        select 1 from survivor_disclosures
        where agency_id = p_agency and recipient_agency_id = haven_app_agency() and status = 'approved' and expires_at > haven_app_now()
      )
    $$;
  `.execute(db);

  for (const table of TABLES) {
    await sql`alter table ${sql.id(table)} enable row level security; alter table ${sql.id(table)} force row level security`.execute(db);
  }

  // Writes: only the owning agency, except a referral's receiving agency answering it (below).
  for (const table of TABLES) {
    const own = sql.raw(`${table}_own`);
    await sql`create policy ${own} on ${sql.id(table)} to haven_app using (agency_id = haven_app_agency()) with check (agency_id = haven_app_agency())`.execute(db);
  }
  // Reads by another agency, exactly as the ledger allows at this moment.
  await sql`
    create policy survivors_shared on survivors for select to haven_app using (cardinality(survivor_shared_categories(id)) > 0);
    create policy survivor_needs_shared on survivor_needs for select to haven_app using ('needs' = any (survivor_shared_categories(survivor_id)));
    create policy survivor_goals_shared on survivor_goals for select to haven_app using ('needs' = any (survivor_shared_categories(survivor_id)));
    create policy survivor_screenings_shared on survivor_screenings for select to haven_app using ('needs' = any (survivor_shared_categories(survivor_id)));
    create policy survivor_services_shared on survivor_services for select to haven_app using ('services' = any (survivor_shared_categories(survivor_id)));
    create policy survivor_consents_recipient on survivor_consents for select to haven_app using (recipient_agency_id = haven_app_agency());
    create policy survivor_disclosures_recipient on survivor_disclosures for select to haven_app using (recipient_agency_id = haven_app_agency() and status = 'approved');
    create policy survivor_data_keys_shared on survivor_data_keys for select to haven_app using (survivor_agency_shares(agency_id));
    create policy survivor_referrals_received on survivor_referrals for select to haven_app using (to_agency_id = haven_app_agency() and status <> 'draft');
    create policy survivor_referrals_answer on survivor_referrals for update to haven_app
      using (to_agency_id = haven_app_agency() and status <> 'draft') with check (to_agency_id = haven_app_agency());
  `.execute(db);

  // haven_app may touch every table (audit, directory, users…); row security narrows the survivor tables.
  await sql`
    grant usage on schema public to haven_app;
    grant select, insert, update, delete on all tables in schema public to haven_app;
    grant usage, select on all sequences in schema public to haven_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to haven_app;
    alter default privileges in schema public grant usage, select on sequences to haven_app;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) await sql`drop table if exists ${sql.id(table)} cascade`.execute(db);
  await sql`
    drop function if exists survivor_agency_shares(uuid);
    drop function if exists survivor_shared_categories(uuid);
    drop function if exists haven_app_now();
    drop function if exists haven_app_agency();
    alter default privileges in schema public revoke select, insert, update, delete on tables from haven_app;
    alter default privileges in schema public revoke usage, select on sequences from haven_app;
    revoke all on all tables in schema public from haven_app;
    revoke all on all sequences in schema public from haven_app;
    revoke usage on schema public from haven_app;
  `.execute(db);
}
