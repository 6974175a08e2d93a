import path from 'node:path';
import pino, { type Logger } from 'pino';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createKeyFile, findKeyRing, missingKeyMessage, type KeyRing } from './crypto/keys.ts';
import { AppError } from './errors.ts';

export interface Haven {
  ctx: AppContext;
  database: Database;
  keySource: string;
  keyCreated: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

export function createLogger(config: Config): Logger {
  // No request serializers: nothing about the client (address, agent) ever reaches a log line.
  return pino({ level: config.logLevel, base: { service: 'haven' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * Opens everything a server or a CLI command needs: the key ring, the database (migrated), and the context
 * handed to services. Refuses to run with a master key other than the one the data was written with.
 */
export async function openHaven(config: Config, options: { log?: Logger; migrate?: boolean; checkKey?: boolean; statementTimeoutMs?: number } = {}): Promise<Haven> {
  const log = options.log ?? createLogger(config);
  const found = await findKeyRing({ masterKey: config.masterKey, keyFile: config.keyFile, permissive: config.keyFilePermissive });
  if (found?.warning) log.warn({ keyFile: config.keyFile }, found.warning);
  // A production server never makes up its key: losing it must be noticed, not papered over.
  if (!found && config.databaseUrl && config.env === 'production') {
    throw new AppError('unavailable', missingKeyMessage(config.keyFile, 'In production Haven never creates one by itself.'));
  }
  // The embedded database gets a folder of its own, so the key file beside it is never inside a copy of it.
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pg'), statementTimeoutMs: options.statementTimeoutMs ?? config.statementTimeoutMs });
  try {
    // A new key only for a brand-new, empty database; checked BEFORE writing one, so a lost key never leaves
    // an unrelated key behind for a later start to run under.
    if (!found && !(await isBrandNew(database))) {
      throw new AppError('unavailable', missingKeyMessage(config.keyFile, `This database (${database.location}) already holds data, so Haven will not create a new key beside it.`));
    }
    const loaded = found ? { keys: found.keys, source: found.source, created: false } : { keys: await createKeyFile(config.keyFile), source: config.keyFile, created: true };
    const applied = options.migrate === false ? [] : (await migrateToLatest(database.db as never)).applied;
    // A restore skips the check: it replaces the data, key check value included, and checks the backup's instead.
    if (options.checkKey !== false) await checkKeyMatchesData(database, loaded.keys);
    const ctx: AppContext = { config, db: database.db, dbKind: database.kind, keys: loaded.keys, log, now: () => new Date() };
    return { ctx, database, keySource: loaded.source, keyCreated: loaded.created, migrationsApplied: applied, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** No Haven tables yet, or tables with no key check value and no agencies, users or audit entries. */
async function isBrandNew(database: Database): Promise<boolean> {
  const tables = await sql<{ settings: string | null }>`select to_regclass('public.settings')::text as settings`.execute(database.db);
  if (!tables.rows[0]?.settings) return true;
  const held = await sql<{ n: number }>`
    select (select count(*) from settings where key = 'key_check') + (select count(*) from (select 1 from agencies limit 1) a)
      + (select count(*) from (select 1 from users limit 1) u) + (select count(*) from (select 1 from audit_log limit 1) l) as n
  `.execute(database.db);
  return Number(held.rows[0]?.n ?? 0) === 0;
}

async function checkKeyMatchesData(database: Database, keys: KeyRing): Promise<void> {
  const row = await database.db.selectFrom('settings').select('value').where('key', '=', 'key_check').executeTakeFirst();
  if (!row) {
    await database.db.insertInto('settings').values({ key: 'key_check', value: JSON.stringify(keys.checkValue()) }).onConflict((oc) => oc.doNothing()).execute();
    return;
  }
  if (!keys.matchesCheckValue(row.value as string)) {
    throw new Error('The master key does not match the one this database was written with. Restore the right key (HAVEN_MASTER_KEY or the key file) before starting Haven.');
  }
}
