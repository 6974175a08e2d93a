import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresAdapter, PostgresDialect, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { PGliteDriver } from './pglite-driver.ts';
import { lockDataFolder } from './folder-lock.ts';
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
  if (options.url) return openServer(options.url, options.poolSize ?? 10);
  return openEmbedded(options.dataDir ?? 'memory://', options.fromSnapshot);
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
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
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm, fuzzystrmatch, unaccent, pgcrypto },
    ...(fromSnapshot ? { loadDataDir: new Blob([new Uint8Array(fromSnapshot)]) } : {}),
    parsers: {
      [INT8]: (v: string) => Number(v),
      [BYTEA]: (v: string) => Buffer.from(v.slice(2), 'hex'),
      [DATE]: (v: string) => v,
    },
  });
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PGliteDriver(pglite),
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
      await pglite.close();
      unlock();
    },
  };
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
