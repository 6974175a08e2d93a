import { sql, type Kysely } from 'kysely';

// A lock from failed sign-ins stops new sign-ins only: it is kept apart from locked_at, which ends live
// sessions, so that someone guessing a colleague's password cannot throw them out of their work (decision 013).
// The source is a label that cannot be turned back into an address; the time of the last counted failure
// spaces counted attempts out to a person's typing speed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column sign_in_locked_at timestamptz,
      add column sign_in_lock_source text,
      add column last_failed_at timestamptz;
    update users set sign_in_locked_at = locked_at, locked_at = null where locked_at is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update users set locked_at = sign_in_locked_at where sign_in_locked_at is not null and locked_at is null;
    alter table users drop column sign_in_locked_at, drop column sign_in_lock_source, drop column last_failed_at;
  `.execute(db);
}
