import { sql, type Kysely } from 'kysely';

// Names in Han, Hangul, Thai, Devanagari, Hebrew, Armenian, Georgian, Ethiopic (and any other script the name
// normalizer used to drop) were stored with empty or partial search and deconfliction keys. The keys are
// computed in TypeScript, a changed person must be checked against other agencies again, and survivor records'
// name indexes need their agency's keys, so the work is a job (names.rekey) that the server runs once after this
// migration, on either engine. A new database holds no names: it gets no job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into jobs (kind, payload, dedupe_key)
    select 'names.rekey', '{}', 'names.rekey'
    where exists (select 1 from entities) or exists (select 1 from survivors)
    on conflict do nothing
  `.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: the recomputed keys are what the normalizer computes for new rows as well.
}
