import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../server/platform/config.ts';
import type { AppContext } from '../../server/platform/context.ts';
import { KeyRing } from '../../server/platform/crypto/keys.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';

export interface BenchHaven {
  ctx: AppContext;
  engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * A Haven on a database of its own, never the one the configuration points at: a new database on the
 * server named by DATABASE_URL, or a temporary PGlite folder. Both are removed by close().
 */
export async function openBenchHaven(options: { poolSize?: number } = {}): Promise<BenchHaven> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test' }), publicUrl: 'http://haven.bench' };
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let cleanup: () => Promise<void>;
  if (config.databaseUrl) {
    const name = `haven_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(config.databaseUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString(), poolSize: options.poolSize ?? 10 });
    cleanup = async () => {
      // Without FORCE the server waits (up to 5 s) for our just-closed connections to go; with FORCE it
      // would kill any still closing, and the pool reports that as an unhandled error after its end().
      await admin.query(`drop database if exists ${name}`).catch(() => admin.query(`drop database if exists ${name} with (force)`));
      await admin.end();
    };
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'haven-bench-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  await migrateToLatest(database.db as never);
  const ctx: AppContext = { config, db: database.db, dbKind: database.kind, keys: new KeyRing(randomBytes(32)), log: pino({ level: 'silent' }), now: () => new Date() };
  return {
    ctx,
    engine: database.kind,
    close: async () => {
      await database.close();
      await cleanup();
    },
  };
}
