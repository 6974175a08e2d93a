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
