import { sql } from 'kysely';
import type { AppContext } from '../../server/platform/context.ts';
import { skeleton } from '../../server/modules/identifiers/names.ts';

export const FIRST_NAMES = [
  'maria', 'jose', 'juan', 'ana', 'luis', 'carlos', 'rosa', 'miguel', 'sofia', 'jorge', 'elena', 'pedro', 'lucia', 'javier', 'carmen', 'diego', 'isabel', 'fernando',
  'alejandra', 'ricardo', 'gabriela', 'manuel', 'patricia', 'roberto', 'veronica', 'francisco', 'daniela', 'alberto', 'monica', 'eduardo', 'aleksandr', 'dmitri', 'olga',
  'natalia', 'sergei', 'irina', 'ivan', 'svetlana', 'nikolai', 'tatiana', 'mohammed', 'ahmed', 'fatima', 'yusuf', 'aisha', 'omar', 'layla', 'hassan', 'mariam', 'khalid',
  'nguyen', 'linh', 'minh', 'thao', 'wei', 'mei', 'jun', 'hui', 'james', 'mary', 'john', 'patricia', 'michael', 'jennifer', 'david', 'linda', 'william', 'elizabeth', 'richard',
  'barbara', 'joseph', 'susan', 'thomas', 'jessica', 'charles', 'sarah', 'christopher', 'karen', 'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty', 'mark', 'sandra',
  'donald', 'ashley', 'steven', 'kimberly', 'paul', 'emily', 'andrew', 'donna', 'joshua', 'michelle', 'kenneth', 'carol', 'kevin', 'amanda', 'brian', 'melissa', 'george',
  'deborah', 'edward', 'stephanie', 'ronald', 'rebecca', 'timothy', 'sharon', 'jason', 'laura', 'jeffrey', 'cynthia', 'ryan', 'kathleen', 'jacob', 'amy', 'gary', 'angela',
];

export const LAST_NAMES = [
  'garcia', 'rodriguez', 'martinez', 'hernandez', 'lopez', 'gonzalez', 'perez', 'sanchez', 'ramirez', 'torres', 'flores', 'rivera', 'gomez', 'diaz', 'cruz', 'morales',
  'reyes', 'gutierrez', 'ortiz', 'castillo', 'jimenez', 'moreno', 'romero', 'alvarez', 'mendoza', 'ruiz', 'vasquez', 'castro', 'vargas', 'ramos', 'ivanov', 'smirnov',
  'kuznetsov', 'popov', 'sokolov', 'lebedev', 'kozlov', 'novikov', 'morozov', 'petrov', 'volkov', 'solovyov', 'vasiliev', 'zaitsev', 'pavlov', 'semenov', 'golubev',
  'vinogradov', 'bogdanov', 'vorobyov', 'alhassan', 'ahmed', 'ali', 'ibrahim', 'mahmoud', 'mustafa', 'khalil', 'hussein', 'abdullah', 'salem', 'tran', 'le', 'pham',
  'hoang', 'phan', 'vu', 'dang', 'bui', 'do', 'ho', 'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'smith', 'johnson', 'williams', 'brown',
  'jones', 'miller', 'davis', 'wilson', 'anderson', 'taylor', 'thomas', 'moore', 'jackson', 'martin', 'lee', 'thompson', 'white', 'harris', 'clark', 'lewis', 'robinson',
  'walker', 'young', 'allen', 'king', 'wright', 'scott', 'green', 'baker', 'adams', 'nelson', 'hill', 'campbell', 'mitchell', 'roberts', 'carter', 'phillips', 'evans',
  'turner', 'parker', 'collins', 'edwards', 'stewart', 'morris', 'murphy', 'cook', 'rogers', 'morgan', 'peterson', 'cooper', 'reed', 'bailey', 'bell', 'kelly', 'howard',
];

export const WORDS = ['lantern', 'harbor', 'cantina', 'spa', 'farm', 'restaurant', 'motel', 'truck', 'nail', 'salon', 'construction', 'massage', 'escort', 'ledger', 'van', 'border', 'visa', 'debt', 'bondage', 'recruiter', 'housing', 'apartment', 'warehouse', 'club', 'online', 'advertisement', 'payment', 'cash', 'phone', 'hotel'];

export interface SeedSize {
  agencies: number;
  cases: number;
  identifiers: number;
  persons: number;
}

/**
 * Fills a bench database with investigations in a few set-based statements (generate_series): agencies, cases
 * with titles and summaries, identifier entities (phones, emails, plates, handles) and persons (names from
 * the lists above, each with a date of birth or an estimated age), each in a case, and the deconfliction index
 * rows the services would have written. Name keys and skeletons are computed here with the same code Haven
 * uses, per list entry, and combined in SQL (name keys are sorted tokens, so the combination is exact).
 */
export async function seedInvestigations(ctx: AppContext, size: SeedSize, log: (line: string) => void): Promise<{ agencyIds: string[] }> {
  const db = ctx.db;
  const t0 = performance.now();
  const step = (what: string) => log(`seed: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await sql`
    insert into agencies (name, type, contact_phone)
    select 'Bench agency ' || g, 'law_enforcement', '+1 713 555 ' || lpad(g::text, 4, '0') from generate_series(1, ${size.agencies}) g
  `.execute(db);
  const agencyIds = (await sql<{ id: string }>`select id from agencies where name like 'Bench agency %' order by name`.execute(db)).rows.map((r) => r.id);
  await sql`create temporary table bench_agency as select row_number() over (order by id) - 1 as n, id from agencies where name like 'Bench agency %'`.execute(db);
  await sql`
    insert into cases (lead_agency_id, title, trafficking_type, status, summary, created_at, updated_at)
    select a.id,
      'Operation ' || (${WORDS}::text[])[1 + g % 30] || ' ' || g,
      (array['sex', 'labor', 'both', 'unknown'])[1 + g % 4],
      (array['open', 'active', 'active', 'open'])[1 + g % 4],
      'Report of ' || (${WORDS}::text[])[1 + (g * 7) % 30] || ' and ' || (${WORDS}::text[])[1 + (g * 13) % 30] || ' near the ' || (${WORDS}::text[])[1 + (g * 17) % 30] || ', case ' || g,
      now() - (g % 1000) * interval '1 hour', now() - (g % 1000) * interval '1 hour'
    from generate_series(0, ${size.cases - 1}) g join bench_agency a on a.n = g % ${size.agencies}
  `.execute(db);
  await sql`create temporary table bench_case as select row_number() over (order by id) - 1 as n, id, lead_agency_id from cases`.execute(db);
  await sql`create index on bench_case (n)`.execute(db);
  step(`${size.cases} cases`);

  // Identifiers: 60 % phones, 20 % emails, 10 % plates, 10 % handles; each its own entity, in one case.
  await sql`
    create temporary table bench_ident as
    select g,
      case when g % 10 < 6 then 'phone' when g % 10 < 8 then 'email' when g % 10 = 8 then 'plate' else 'handle' end as kind,
      case when g % 10 < 6 then '+1' || (2002000000 + g)::text
           when g % 10 < 8 then 'user' || g || '@example.com'
           when g % 10 = 8 then 'TX:B' || lpad(g::text, 7, '0')
           else 'instagram:handle_' || g end as value,
      gen_random_uuid() as entity_id
    from generate_series(0, ${size.identifiers - 1}) g
  `.execute(db);
  await sql`
    insert into entities (id, kind, owner_agency_id, label, data, search_key)
    select i.entity_id, case i.kind when 'plate' then 'vehicle' when 'handle' then 'online_account' else i.kind end, c.lead_agency_id, i.value, '{}', lower(i.value)
    from bench_ident i join bench_case c on c.n = i.g % ${size.cases}
  `.execute(db);
  await sql`insert into entity_identifiers (entity_id, kind, value) select entity_id, kind, value from bench_ident`.execute(db);
  await sql`
    insert into case_entities (case_id, entity_id, role)
    select c.id, i.entity_id, 'involved' from bench_ident i join bench_case c on c.n = i.g % ${size.cases}
  `.execute(db);
  await sql`
    insert into deconfliction_identifiers (kind, value, case_id, agency_id, entity_id)
    select i.kind, i.value, c.id, c.lead_agency_id, i.entity_id from bench_ident i join bench_case c on c.n = i.g % ${size.cases}
  `.execute(db);
  step(`${size.identifiers} identifiers`);

  // Persons: first × last names, half with a date of birth, half with an estimated age.
  const firstSk = FIRST_NAMES.map(skeleton);
  const lastSk = LAST_NAMES.map(skeleton);
  await sql`
    create temporary table bench_person as
    select g, f, l, gen_random_uuid() as entity_id,
      (${FIRST_NAMES}::text[])[f] as first, (${LAST_NAMES}::text[])[l] as last,
      (${firstSk}::text[])[f] as fs, (${lastSk}::text[])[l] as ls,
      case when g % 2 = 0 then (date '1960-01-01' + (g * 37 % 16000))::date end as birth_date,
      case when g % 2 = 1 then (14 + g % 45)::smallint end as estimated_age
    from (select g, 1 + (g::bigint * 7919) % ${FIRST_NAMES.length} as f, 1 + (g::bigint * 104729) % ${LAST_NAMES.length} as l from generate_series(0, ${size.persons - 1}) g) x
  `.execute(db);
  await sql`
    insert into entities (id, kind, owner_agency_id, label, data, birth_date, estimated_age, age_as_of, search_key)
    select p.entity_id, 'person', c.lead_agency_id, initcap(p.first) || ' ' || initcap(p.last), jsonb_build_object('name', initcap(p.first) || ' ' || initcap(p.last), 'aliases', '[]'::jsonb),
      p.birth_date, p.estimated_age, case when p.estimated_age is not null then date '2026-06-01' end, p.first || ' ' || p.last
    from bench_person p join bench_case c on c.n = (p.g * 3) % ${size.cases}
  `.execute(db);
  await sql`
    insert into case_entities (case_id, entity_id, role)
    select c.id, p.entity_id, (array['suspect', 'potential_victim', 'witness', 'confirmed_victim'])[1 + p.g % 4] from bench_person p join bench_case c on c.n = (p.g * 3) % ${size.cases}
  `.execute(db);
  await sql`
    insert into deconfliction_persons (case_id, agency_id, entity_id, name_key, phonetic_key, born_from, born_to)
    select c.id, c.lead_agency_id, p.entity_id, least(p.first, p.last) || ' ' || greatest(p.first, p.last), least(p.fs, p.ls) || ' ' || greatest(p.fs, p.ls),
      coalesce(p.birth_date, (date '2026-06-01' - make_interval(years => p.estimated_age + 3))::date + 1),
      coalesce(p.birth_date, (date '2026-06-01' - make_interval(years => greatest(0, p.estimated_age - 2)))::date)
    from bench_person p join bench_case c on c.n = (p.g * 3) % ${size.cases}
  `.execute(db);
  step(`${size.persons} persons`);
  await sql`analyze`.execute(db);
  step('analyzed');
  return { agencyIds };
}
