import { createHash } from 'node:crypto';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { TableInfo } from './catalog.ts';

const PAGE = 1_000;

/**
 * Makes the text of a row the same on every engine and server: timestamps in UTC, bytea in hex, floats
 * in their shortest exact form. The digest of a table is only comparable between two databases because of
 * this. Row security is turned off so a policy can never silently leave rows out: a table the role may not
 * read in full makes the whole backup fail instead.
 */
export async function useCanonicalSession(trx: Transaction<DB>): Promise<void> {
  for (const setting of [
    sql`set local timezone = 'UTC'`,
    sql`set local intervalstyle = 'postgres'`,
    sql`set local extra_float_digits = 1`,
    sql`set local bytea_output = 'hex'`,
    sql`set local row_security = off`,
  ]) {
    await setting.execute(trx);
  }
}

export function ids(names: readonly string[]): RawBuilder<unknown> {
  return sql.join(names.map((n) => sql.id(n)));
}

/** Order by the primary key, text compared byte by byte; a table without one is ordered by whole rows. */
function orderClause(table: TableInfo, columns: readonly string[]): RawBuilder<unknown> {
  const key = table.primaryKey.filter((k) => columns.includes(k));
  if (key.length === 0 || key.length !== table.primaryKey.length) return sql`x::text collate "C"`;
  return sql.join(
    key.map((name) => {
      const collatable = table.columns.find((c) => c.name === name)?.collatable;
      return collatable ? sql`x.${sql.id(name)} collate "C"` : sql`x.${sql.id(name)}`;
    }),
  );
}

/**
 * Reads a table's rows as JSON text, page by page through a cursor (constant memory, no OFFSET), in a
 * fixed order, and returns the row count and a SHA-256 over the texts. Only `columns` are read, so a
 * backup made before a column was added still compares equal after it is restored into the newer schema.
 */
export async function readTableRows(
  trx: Transaction<DB>,
  table: TableInfo,
  columns: readonly string[],
  onPage?: (rows: string[]) => Promise<void>,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let count = 0;
  await sql`declare haven_rows no scroll cursor for
    select row_to_json(x)::text as r from (select ${ids(columns)} from ${sql.id(table.name)}) x
    order by ${orderClause(table, columns)}`.execute(trx);
  for (;;) {
    const page = await sql<{ r: string }>`fetch forward ${sql.lit(PAGE)} from haven_rows`.execute(trx);
    if (page.rows.length === 0) break;
    const texts = page.rows.map((row) => row.r);
    for (const text of texts) hash.update(text).update('\n');
    count += texts.length;
    if (onPage) await onPage(texts);
  }
  // Not in a `finally`: after a failure the transaction is aborted and rolls back, cursor and all.
  await sql`close haven_rows`.execute(trx);
  return { rows: count, sha256: hash.digest('hex') };
}
