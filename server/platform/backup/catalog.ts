import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Kysely's own bookkeeping: the target keeps its own, migrated by Haven itself. */
export const EXCLUDED_TABLES: readonly string[] = ['haven_migrations', 'haven_migrations_lock'];

export interface ColumnInfo {
  name: string;
  /** Computed by the database (`generated always as (…) stored`): never inserted, recomputed instead. */
  generated: boolean;
  /** Text-like: ordered with the "C" collation so both engines sort it byte for byte alike. */
  collatable: boolean;
  /** Backed by a sequence (identity or serial), to move past the restored values afterwards. */
  sequence: string | null;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Other tables this one references; they are written and restored first. */
  references: string[];
  /** Has a foreign key to itself (a tip merged into another tip): restored in one statement. */
  selfReferencing: boolean;
}

/**
 * Every table of the public schema, read from the database itself so that tables added by later
 * migrations are backed up without anyone remembering to list them. Ordered so that a table comes after
 * every table it references. Partitions are skipped: their rows are read through the partitioned parent.
 */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
  `.execute(db);
  const columns = await sql<{ table: string; name: string; generated: string; collatable: boolean; sequence: string | null }>`
    select c.relname as table, a.attname as name, a.attgenerated as generated, a.attcollation <> 0 as collatable,
      pg_get_serial_sequence('public.' || quote_ident(c.relname), a.attname) as sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum
  `.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = 'public' and i.indisprimary
    order by c.relname, k.position
  `.execute(db);
  const refs = await sql<{ table: string; target: string }>`
    select distinct c.relname as table, t.relname as target
    from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class t on t.oid = f.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where f.contype = 'f' and n.nspname = 'public'
  `.execute(db);

  const infos = tables.rows
    .map((t) => t.name)
    .filter((name) => !EXCLUDED_TABLES.includes(name))
    .map((name): TableInfo => {
      const targets = refs.rows.filter((r) => r.table === name).map((r) => r.target);
      return {
        name,
        columns: columns.rows
          .filter((c) => c.table === name)
          .map((c) => ({ name: c.name, generated: c.generated !== '', collatable: c.collatable, sequence: c.sequence })),
        primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.name),
        references: targets.filter((t) => t !== name && !EXCLUDED_TABLES.includes(t)),
        selfReferencing: targets.includes(name),
      };
    });
  return orderByReferences(infos);
}

/** A topological order, ties broken by name so that two identical databases give the same file. */
export function orderByReferences(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.values()]
      .filter((t) => t.references.every((r) => !remaining.has(r)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (ready.length === 0) {
      throw new Error(`These tables reference each other in a cycle, so no restore order exists: ${[...remaining.keys()].sort().join(', ')}.`);
    }
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}

/** Migrations applied to this database, oldest first. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from haven_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
