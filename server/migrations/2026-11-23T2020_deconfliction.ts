import { sql, type Kysely } from 'kysely';

// Deconfliction: one flat index of every normalized identifier and every person's name key in every case,
// with the case's lead agency, so that "does another agency hold this?" is one index lookup. Hits are kept
// once per pair of cases; each side's answer to sharing is kept on the hit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deconfliction_identifiers (
      kind text not null,
      value text not null,
      case_id uuid not null references cases(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      entity_id uuid not null references entities(id) on delete cascade,
      primary key (kind, value, case_id, entity_id)
    );
    create index deconfliction_identifiers_case_idx on deconfliction_identifiers (case_id);
    create index deconfliction_identifiers_entity_idx on deconfliction_identifiers (entity_id);

    -- One row per name (and alias) of a person in a case. born_from/born_to: the range the date of birth or
    -- the estimated age (±2 years) allows.
    create table deconfliction_persons (
      case_id uuid not null references cases(id) on delete cascade,
      agency_id uuid not null references agencies(id),
      entity_id uuid not null references entities(id) on delete cascade,
      name_key text not null,
      phonetic_key text not null,
      born_from date not null,
      born_to date not null,
      primary key (case_id, entity_id, name_key)
    );
    create index deconfliction_persons_name_trgm_idx on deconfliction_persons using gin (name_key gin_trgm_ops);
    create index deconfliction_persons_phonetic_idx on deconfliction_persons (phonetic_key);
    create index deconfliction_persons_entity_idx on deconfliction_persons (entity_id);

    -- A pair of cases of two agencies holding the same target; case_a_id < case_b_id, so a pair is stored once.
    create table deconfliction_hits (
      id uuid primary key default gen_random_uuid(),
      case_a_id uuid not null references cases(id) on delete cascade,
      agency_a_id uuid not null references agencies(id),
      case_b_id uuid not null references cases(id) on delete cascade,
      agency_b_id uuid not null references agencies(id),
      matched_kinds text[] not null,
      a_answer text check (a_answer in ('agreed', 'declined')),
      a_level text check (a_level in ('summary', 'read', 'edit')),
      a_answered_by_user_id uuid references users(id),
      b_answer text check (b_answer in ('agreed', 'declined')),
      b_level text check (b_level in ('summary', 'read', 'edit')),
      b_answered_by_user_id uuid references users(id),
      shared_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (case_a_id < case_b_id),
      check (agency_a_id <> agency_b_id),
      unique (case_a_id, case_b_id)
    );
    create index deconfliction_hits_agency_a_idx on deconfliction_hits (agency_a_id, created_at desc);
    create index deconfliction_hits_agency_b_idx on deconfliction_hits (agency_b_id, created_at desc);

    -- Which of each side's own entities matched, so each side can be shown its own record (never the other's).
    create table deconfliction_hit_matches (
      hit_id uuid not null references deconfliction_hits(id) on delete cascade,
      kind text not null,
      entity_a_id uuid not null references entities(id) on delete cascade,
      entity_b_id uuid not null references entities(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (hit_id, kind, entity_a_id, entity_b_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table deconfliction_hit_matches, deconfliction_hits, deconfliction_persons, deconfliction_identifiers`.execute(db);
}
