import { sql, type Kysely } from 'kysely';

// A keyed hash of a report's content, so the same report sent again within minutes (Back, then Send) is
// recognised without storing anything more about the reporter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tips add column content_hash bytea;
    create index tips_content_hash_idx on tips (content_hash, received_at) where content_hash is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tips_content_hash_idx; alter table tips drop column content_hash;`.execute(db);
}
