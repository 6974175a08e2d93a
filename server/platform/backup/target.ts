import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { TableInfo } from './catalog.ts';
import { ids } from './rows.ts';

type Trx = Transaction<DB>;

/** Rows that make a database "in use": restoring over them needs --force. */
const GUARDED_TABLES = ['users', 'agencies', 'audit_log'];

export async function countGuardedRows(trx: Trx, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of GUARDED_TABLES.filter((n) => tables.some((t) => t.name === n))) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(name)}`.execute(trx);
    counts[name] = row.rows[0]?.n ?? 0;
  }
  return counts;
}

/**
 * Empties every table, inside the restore's transaction. User triggers are switched off only around the
 * truncate, then back to exactly the state they were in: audit_log's append-only triggers would refuse it,
 * and a trigger that reacts to deletes must not write anything while the database is being replaced.
 */
export async function clearTables(trx: Trx, tables: TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  const triggers = await sql<{ table: string; name: string; mode: string }>`
    select c.relname as table, t.tgname as name, t.tgenabled as mode
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal and t.tgenabled in ('O', 'A')
  `.execute(trx);
  for (const t of triggers.rows) await sql`alter table ${sql.id(t.table)} disable trigger ${sql.id(t.name)}`.execute(trx);
  await sql`truncate table ${ids(tables.map((t) => t.name))}`.execute(trx);
  for (const t of triggers.rows) {
    const enable = t.mode === 'A' ? sql`enable always trigger` : sql`enable trigger`;
    await sql`alter table ${sql.id(t.table)} ${enable} ${sql.id(t.name)}`.execute(trx);
  }
}

/**
 * Loads one table's rows, given as row_to_json texts. Values for identity columns are kept (`overriding
 * system value`); columns the database computes itself are left for it to compute.
 */
export class TableLoader {
  private batch: string[] = [];
  private batchBytes = 0;
  private staged = false;
  loaded = 0;

  constructor(
    private readonly trx: Trx,
    private readonly table: TableInfo,
    private readonly columns: string[],
  ) {}

  async add(rowText: string): Promise<void> {
    this.batch.push(rowText);
    this.batchBytes += rowText.length;
    if (this.batch.length >= 1_000 || this.batchBytes >= 4_000_000) await this.flush();
  }

  /**
   * A table with a foreign key to itself is gathered in a temporary table and inserted in one statement,
   * because PostgreSQL checks foreign keys at the end of each statement: a row may then point to a row that
   * comes after it in the file.
   */
  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const source = this.select(`[${this.batch.join(',')}]`);
    if (this.table.selfReferencing) {
      // The statement takes no parameters (CREATE TABLE AS is a utility statement), hence the empty literal.
      if (!this.staged) await sql`create temporary table haven_restore_stage on commit drop as ${this.select(sql.lit('[]'))}`.execute(this.trx);
      this.staged = true;
      await sql`insert into haven_restore_stage ${source}`.execute(this.trx);
    } else {
      await sql`insert into ${sql.id(this.table.name)} (${ids(this.columns)}) overriding system value ${source}`.execute(this.trx);
    }
    this.loaded += this.batch.length;
    this.batch = [];
    this.batchBytes = 0;
  }

  private select(json: unknown) {
    return sql`select ${ids(this.columns)} from json_populate_recordset(null::${sql.id(this.table.name)}, ${json}::json)`;
  }

  async finish(): Promise<void> {
    await this.flush();
    if (this.staged) {
      await sql`insert into ${sql.id(this.table.name)} (${ids(this.columns)}) overriding system value select ${ids(this.columns)} from haven_restore_stage`.execute(this.trx);
      await sql`drop table haven_restore_stage`.execute(this.trx);
    }
  }
}

/** Moves every identity and serial sequence past the restored values, so new rows do not collide. */
export async function advanceSequences(trx: Trx, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.sequence)) {
      // setval is strict: on an empty table (max is null) the sequence is left where it is.
      await sql`select setval(${column.sequence}::regclass, (select max(${sql.id(column.name)}) from ${sql.id(table.name)}))`.execute(trx);
    }
  }
}
