import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteDriver } from './pglite-driver.ts';
import { EngineWatch } from './pglite-engine.ts';
import { lockDataFolder } from './folder-lock.ts';
import { DurableNodeFS, durableStartParams, syncFolder } from './durable-node-fs.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives, for messages: the server URL without password, or the PGlite folder. */
  location: string;
  close(): Promise<void>;
  /** Embedded only: the whole data folder as a tarball, to start other instances from (tests). */
  snapshot?: () => Promise<Buffer>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server. Without it, PGlite in `dataDir` (or in memory when dataDir is 'memory://'). */
  url?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL server only: the longest one statement may run, in ms; 0 or absent for no limit. */
  statementTimeoutMs?: number;
  /** Embedded only: start from a data-folder tarball made by `snapshot()`. */
  fromSnapshot?: Buffer;
}

// Both engines return the same JavaScript types: bigint columns as numbers (ids and counts stay far below
// 2^53), numeric as strings, bytea as Buffer.
const INT8 = 20;
const BYTEA = 17;
// Dates stay 'YYYY-MM-DD' strings: a calendar date has no time zone to be shifted into.
const DATE = 1082;

/** Opens the database Haven runs on: the server named by DATABASE_URL, or embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openServer(options.url, options.poolSize ?? 10, options.statementTimeoutMs ?? 0);
  return openEmbedded(options.dataDir ?? 'memory://', options.fromSnapshot);
}

async function openServer(url: string, poolSize: number, statementTimeoutMs: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Set on each connection as it opens, so a stuck statement is cancelled by the server and its connection freed.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (v: string) => Number(v) : oid === DATE ? (v: string) => v : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return { db, kind: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

async function openEmbedded(dataDir: string, fromSnapshot?: Buffer): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataFolder(dataDir);
  const { pglite, watch } = await startEngine(dataDir, fromSnapshot).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PGliteDriver(pglite, watch),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    snapshot: async () => Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()),
    close: async () => {
      await db.destroy();
      // A failed engine is left alone: closing runs it again. Committed data is in its WAL.
      if (!watch.failure) await pglite.close();
      unlock();
    },
  };
}

// How many times a new engine is started when the one just started fails its self-check.
const ENGINE_STARTS = 4;

/**
 * Starts PGlite with the one extension Haven uses, pg_trgm. Extensions are WebAssembly side modules that PGlite
 * links as it starts; with several of them (fuzzystrmatch, unaccent and pgcrypto were loaded too, never used)
 * the link of pg_trgm intermittently came out broken: `similarity()` worked, but the `%` operator, which reaches
 * it through a function pointer, trapped. A started engine is therefore checked with `%` in a transaction
 * that is rolled back, and a broken one is replaced before it is used.
 */
async function startEngine(dataDir: string, fromSnapshot?: Buffer): Promise<{ pglite: PGlite; watch: EngineWatch }> {
  let problem = '';
  const onDisk = !dataDir.startsWith('memory://');
  const newCluster = onDisk && !existsSync(path.join(dataDir, 'PG_VERSION'));
  for (let attempt = 1; attempt <= ENGINE_STARTS; attempt++) {
    const pglite = await PGlite.create(dataDir, {
      // On disk, committed writes are synced before the commit returns; in memory there is no disk to reach.
      ...(onDisk ? { fs: new DurableNodeFS(dataDir), startParams: durableStartParams } : {}),
      extensions: { pg_trgm },
      ...(fromSnapshot ? { loadDataDir: new Blob([new Uint8Array(fromSnapshot)]) } : {}),
      parsers: {
        [INT8]: (v: string) => Number(v),
        [BYTEA]: (v: string) => Buffer.from(v.slice(2), 'hex'),
        [DATE]: (v: string) => v,
      },
    });
    const watch = new EngineWatch(pglite);
    problem = await checkTrigramOperator(pglite, watch);
    if (!problem) {
      if (newCluster) syncFolder(dataDir);
      return { pglite, watch };
    }
    // Not closed: closing would run the broken backend. Nothing was written by the check.
  }
  throw new Error(`The embedded database could not start a working engine (${problem}). Set DATABASE_URL to use a PostgreSQL server.`);
}

async function checkTrigramOperator(pglite: PGlite, watch: EngineWatch): Promise<string> {
  try {
    await pglite.query('begin');
    await pglite.query('create extension if not exists pg_trgm');
    const result = await pglite.query<{ ok: boolean }>(`select 'haven check' % 'haven check' as ok`);
    if (watch.failure) return watch.failure.message;
    await pglite.query('rollback');
    return result.rows[0]?.ok === true ? '' : 'the trigram operator answered nothing';
  } catch (error) {
    return watch.failure?.message ?? (error instanceof Error ? error.message : String(error));
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
