import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { withDatabase } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgliteSnapshot: string | null;
  }
}

/**
 * Migrates once per run; every test file then starts from a copy: a template database on a PostgreSQL
 * server, or a data-folder snapshot for PGlite. Same migrations, a fraction of the time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `haven_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ url: withDatabase(url, template), poolSize: 1 });
    await migrateToLatest(database.db as never);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', null);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db as never);
  const snapshotFile = path.join(os.tmpdir(), `haven-test-${process.pid}.tar`);
  await writeFile(snapshotFile, await database.snapshot!());
  await database.close();
  project.provide('pgTemplate', null);
  project.provide('pgliteSnapshot', snapshotFile);
  return async () => rm(snapshotFile, { force: true });
}
