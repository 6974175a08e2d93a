import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Every place in the database where `needle` is stored in plain text: each text, varchar, json, array, tsvector
 * or bytea column of every table, read as the superuser (no row security), as `table.column`.
 */
export async function findPlaintext(db: Kysely<DB>, needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'tsvector', 'bytea')
  `.execute(db);
  const found: string[] = [];
  const lower = needle.toLowerCase();
  for (const c of columns.rows) {
    const col = sql.ref(`${c.table_name}.${c.column_name}`);
    const hit =
      c.data_type === 'bytea'
        ? sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where position(convert_to(${needle}, 'UTF8') in ${col}) > 0 or position(convert_to(${lower}, 'UTF8') in ${col}) > 0`
        : sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where lower(${col}::text) like ${`%${lower}%`}`;
    const { rows } = await hit.execute(db);
    if (rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}
