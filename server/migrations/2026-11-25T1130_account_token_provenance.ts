import { sql, type Kysely } from 'kysely';

// Who issued each one-time link and how it ended: used by its person, replaced by a newer link, or refused
// because it was opened by someone signed in as another person (decision 014). Links issued by the operator
// CLI or by set-up have no issuer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table account_tokens
      add column issued_by_user_id uuid references users(id),
      add column outcome text check (outcome in ('used', 'replaced', 'refused_signed_in_as_other')),
      add column signed_in_as_user_id uuid references users(id)
  `.execute(db);
}
