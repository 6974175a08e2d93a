import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh, migrated database of the kind this run tests: a new database on the server named by
 * DATABASE_URL (dropped on close), or an embedded PGlite in memory.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `haven_t_${randomBytes(6).toString('hex')}`;
    const template = inject('pgTemplate');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 5 });
    if (!template) await migrateToLatest(database.db as never);
    return {
      ...database,
      close: async () => {
        await database.close();
        // pg's pool.end() resolves before its connections have closed; dropping `with (force)` while they are
        // still open terminates them, and each then raises an unhandled 'error' that fails the run.
        await waitUntilDisconnected(admin, name);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const snapshotFile = inject('pgliteSnapshot');
  const database = await openDatabase({ dataDir: 'memory://', ...(snapshotFile ? { fromSnapshot: await readFile(snapshotFile) } : {}) });
  if (!snapshotFile) await migrateToLatest(database.db as never);
  return database;
}

async function waitUntilDisconnected(admin: pg.Client, database: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
