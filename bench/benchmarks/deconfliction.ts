import { sql } from 'kysely';
import { actorFor } from '../../server/platform/access/access.ts';
import { indexAndCheck } from '../../server/modules/deconfliction/deconfliction.service.ts';
import { search } from '../../server/modules/entities/search.service.ts';
import { nameKey, phoneticKey } from '../../server/modules/identifiers/names.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { seedInvestigations, FIRST_NAMES, LAST_NAMES, WORDS } from '../lib/investigations-seed.ts';
import { emit, percentile, positiveInt, round } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'deconfliction';

export const description = 'deconfliction check p50/p99 (exact identifier, fuzzy name) over 1M identifiers and 200k persons; case and entity search p99 at 100k cases; process memory';

export const options: Benchmark['options'] = {
  identifiers: { type: 'string', default: '1000000' },
  persons: { type: 'string', default: '200000' },
  cases: { type: 'string', default: '100000' },
  agencies: { type: 'string', default: '50' },
  samples: { type: 'string', default: '400' },
};

/** Rolls a transaction back after `work`, keeping what it returned: each check leaves the data set as it was. */
class Rollback extends Error {}

/**
 * Runs in this process against its own database (PostgreSQL when DATABASE_URL is set, else PGlite): the
 * services are called as the HTTP handlers call them, so the figures are the check and the search without the
 * HTTP layer (a few tenths of a millisecond on this machine). Each check adds one new entity to a case in a
 * transaction (the entity, its case link and its index rows are written; matches become hits and
 * notifications, audited) and is then rolled back, so every sample meets the same data.
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const size = { identifiers: positiveInt(values, 'identifiers'), persons: positiveInt(values, 'persons'), cases: positiveInt(values, 'cases'), agencies: positiveInt(values, 'agencies') };
  const samples = positiveInt(values, 'samples');
  const haven = await openBenchHaven({ poolSize: 4 });
  const { ctx } = haven;
  const context = { engine: haven.engine, ...size };
  try {
    const seedStart = performance.now();
    const { agencyIds } = await seedInvestigations(ctx, size, (line) => process.stderr.write(`${line}\n`));
    emit({ bench: BENCH, metric: 'seed_seconds', value: round((performance.now() - seedStart) / 1000, 1), unit: 's', ...context });
    const counts = await sql<{ identifiers: number; persons: number; cases: number }>`
      select (select count(*) from deconfliction_identifiers)::int as identifiers, (select count(*) from deconfliction_persons)::int as persons, (select count(*) from cases)::int as cases
    `.execute(ctx.db);
    emit({ bench: BENCH, metric: 'stored_identifiers', value: counts.rows[0]!.identifiers, unit: 'rows', ...context });
    emit({ bench: BENCH, metric: 'stored_persons', value: counts.rows[0]!.persons, unit: 'rows', ...context });

    // A case of agency 0 that the checks add to; the identifiers and persons looked for belong to others.
    const home = agencyIds[0]!;
    const user = await ctx.db.insertInto('users').values({ agency_id: home, email: 'bench.investigator@bench.example', display_name: 'Bench Investigator' }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('user_roles').values({ user_id: user.id, role: 'investigator' }).execute();
    const actor = actorFor({ id: user.id, agencyId: home, roles: ['investigator'] });
    const homeCase = (await ctx.db.selectFrom('cases').select('id').where('lead_agency_id', '=', home).limit(1).executeTakeFirstOrThrow()).id;

    const check = async (entity: { kind: 'phone' | 'person'; label: string; data: Record<string, unknown>; identifier?: { kind: 'phone'; value: string }; birthDate?: string | null; estimatedAge?: number | null }) => {
      let elapsed = 0;
      let hits = 0;
      await ctx.db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .insertInto('entities')
            .values({ kind: entity.kind, owner_agency_id: home, label: entity.label, data: JSON.stringify(entity.data), birth_date: entity.birthDate ?? null, estimated_age: entity.estimatedAge ?? null, age_as_of: entity.estimatedAge ? '2026-06-01' : null, search_key: entity.label.toLowerCase() })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (entity.identifier) await trx.insertInto('entity_identifiers').values({ entity_id: row.id, kind: entity.identifier.kind, value: entity.identifier.value }).execute();
          await trx.insertInto('case_entities').values({ case_id: homeCase, entity_id: row.id, role: entity.kind === 'person' ? 'suspect' : 'involved' }).execute();
          const t0 = performance.now();
          hits = (await indexAndCheck(trx, ctx, actor, { caseId: homeCase, leadAgencyId: home, entityId: row.id })).length;
          elapsed = performance.now() - t0;
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      return { elapsed, hits };
    };

    // A check that should match and mostly finds nothing is a broken engine or query, not a figure to print.
    const measure = async (metric: string, make: (i: number) => Parameters<typeof check>[0], expectsHits = true) => {
      for (let i = 0; i < 20; i++) await check(make(i + 100_000)); // warm-up
      const durations: number[] = [];
      let withHits = 0;
      let mostHits = 0;
      for (let i = 0; i < samples; i++) {
        const r = await check(make(i));
        durations.push(r.elapsed);
        if (r.hits) withHits++;
        mostHits = Math.max(mostHits, r.hits);
      }
      durations.sort((a, b) => a - b);
      emit({ bench: BENCH, metric: `${metric}_p50`, value: round(percentile(durations, 50), 2), unit: 'ms', samples, ...context });
      emit({ bench: BENCH, metric: `${metric}_p99`, value: round(percentile(durations, 99), 2), unit: 'ms', samples, ...context });
      emit({ bench: BENCH, metric: `${metric}_samples_with_hits`, value: withHits, unit: 'samples', ...context });
      emit({ bench: BENCH, metric: `${metric}_most_hits_in_one_check`, value: mostHits, unit: 'hits', ...context });
      if (expectsHits && withHits < samples / 2) throw new Error(`${metric}: only ${withHits} of ${samples} checks that should match found a match.`);
    };

    // Exact identifier: a phone another agency holds (seeded phones are g % 10 < 6), and one nobody holds.
    const held = (i: number) => (i * 7919 * 10) % size.identifiers;
    await measure('exact_identifier_hit', (i) => {
      const value = `+1${2002000000 + held(i)}`;
      return { kind: 'phone', label: value, data: { number: value }, identifier: { kind: 'phone', value } };
    });
    await measure('exact_identifier_miss', (i) => {
      const value = `+1${8000000000 + i}`;
      return { kind: 'phone', label: value, data: { number: value }, identifier: { kind: 'phone', value } };
    }, false);

    // Fuzzy name: a seeded person's name with a typo, in Cyrillic, or last name first, with a compatible age.
    const variants = [(f: string, l: string) => `${f.slice(0, -1)}${f.slice(-1) === 'a' ? 'e' : 'a'} ${l}`, (f: string, l: string) => `${l.toUpperCase()}, ${f}`, (f: string, l: string) => `${f} ${l}${l.endsWith('ov') ? '' : 'e'}`];
    await measure('fuzzy_name', (i) => {
      const g = (i * 104_729) % size.persons;
      const first = FIRST_NAMES[(g * 7919) % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(g * 104_729) % LAST_NAMES.length]!;
      const name = variants[i % variants.length]!(first, last);
      const birthDate = g % 2 === 0 ? new Date(Date.UTC(1960, 0, 1) + ((g * 37) % 16000) * 86_400_000).toISOString().slice(0, 10) : null;
      return { kind: 'person', label: name, data: { name, aliases: [] }, birthDate, estimatedAge: birthDate ? null : 14 + (g % 45) };
    });
    emit({ bench: BENCH, metric: 'name_key_example', value: 0, unit: 'none', key: nameKey('GARCIA, Maria'), phonetic: phoneticKey('GARCIA, Maria') });

    // Search at this many cases: identifiers, typo'd names and text, as an investigator of agency 0.
    const queries = (i: number) => {
      const g = (i * 7919) % size.persons;
      switch (i % 4) {
        case 0:
          return `(${String(2002000000 + held(i)).slice(0, 3)}) ${String(2002000000 + held(i)).slice(3, 6)}-${String(2002000000 + held(i)).slice(6)}`;
        case 1:
          return `${FIRST_NAMES[(g * 7919) % FIRST_NAMES.length]} ${LAST_NAMES[(g * 104_729) % LAST_NAMES.length]!.slice(0, -1)}`;
        case 2:
          return `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`;
        default:
          return `operaton ${WORDS[i % WORDS.length]}`;
      }
    };
    for (let i = 0; i < 20; i++) await search(ctx, actor, queries(i), 20);
    const durations: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await search(ctx, actor, queries(i), 20);
      durations.push(performance.now() - t0);
    }
    durations.sort((a, b) => a - b);
    emit({ bench: BENCH, metric: 'search_p50', value: round(percentile(durations, 50), 2), unit: 'ms', samples, ...context });
    emit({ bench: BENCH, metric: 'search_p99', value: round(percentile(durations, 99), 2), unit: 'ms', samples, ...context });

    const coordinatorUser = await ctx.db.insertInto('users').values({ agency_id: home, email: 'bench.coordinator@bench.example', display_name: 'Bench Coordinator' }).returning('id').executeTakeFirstOrThrow();
    const coordinator = actorFor({ id: coordinatorUser.id, agencyId: home, roles: ['coordinator'] });
    const wide: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await search(ctx, coordinator, `operation ${WORDS[i % WORDS.length]} ${i * 13}`, 20);
      wide.push(performance.now() - t0);
    }
    wide.sort((a, b) => a - b);
    emit({ bench: BENCH, metric: 'search_every_title_p99', value: round(percentile(wide, 99), 2), unit: 'ms', samples, ...context });

    const memory = process.memoryUsage();
    emit({ bench: BENCH, metric: 'process_rss', value: round(memory.rss / 1048576, 1), unit: 'MiB', note: 'this process runs the services and the connection pool', ...context });
    emit({ bench: BENCH, metric: 'process_heap_used', value: round(memory.heapUsed / 1048576, 1), unit: 'MiB', ...context });
  } finally {
    await haven.close();
  }
}
