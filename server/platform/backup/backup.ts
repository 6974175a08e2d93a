import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DatabaseKind } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { appliedMigrations, listTables } from './catalog.ts';
import { readTableRows, useCanonicalSession } from './rows.ts';
import type { KeyRing } from '../crypto/keys.ts';
import { encryptStream, type BackupEncryption } from './encryption.ts';
import { authLine, backupMac, BACKUP_FORMAT, BACKUP_VERSION, doneLine, tableEndLine, tableStartLine, type BackupHeader, type TableCount } from './format.ts';

export interface BackupSummary {
  file: string;
  bytes: number;
  migrations: string[];
  tables: TableCount[];
}

export interface CreateBackupOptions {
  file: string;
  source: DatabaseKind;
  /** Replace an existing file; otherwise an existing file is refused. */
  overwrite?: boolean;
  /** Authenticates the file (always) and encrypts it (when asked). */
  keys: KeyRing;
  encrypt?: BackupEncryption;
}

/**
 * Writes every table to a portable backup file. All tables are read in one repeatable-read transaction, so
 * the file is one consistent moment even while Haven keeps serving. The file appears under its name only
 * when complete (written beside it, then renamed), readable by its owner only: it holds password hashes and
 * sealed secrets. The master key is not in it, but authenticates it: the last line is an HMAC of all the others
 * under a key derived from the master key, so an edited file is refused at restore even with its digests
 * recomputed. With `encrypt`, the gzip'd file is also encrypted (encryption.ts).
 */
export async function createBackup(db: Kysely<DB>, options: CreateBackupOptions): Promise<BackupSummary> {
  if (!options.overwrite && (await exists(options.file))) {
    throw new AppError('conflict', `${options.file} already exists. Choose another file name, or pass --force to replace it.`);
  }
  const partial = `${options.file}.partial-${randomBytes(4).toString('hex')}`;
  const gzip = createGzip();
  const output = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
  const finished = options.encrypt ? pipeline(gzip, encryptStream(options.encrypt, options.keys), output) : pipeline(gzip, output);
  const mac = backupMac(options.keys);
  // Observed here so a write error cannot surface as an unhandled rejection before it is awaited below.
  finished.catch(() => undefined);
  const write = async (text: string, authenticated = true) => {
    if (authenticated) mac.update(`${text}\n`);
    if (!gzip.write(`${text}\n`)) await once(gzip, 'drain');
  };
  try {
    const result = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        await useCanonicalSession(trx);
        const tables = await listTables(trx);
        const migrations = await appliedMigrations(trx);
        const keyCheck = await trx.selectFrom('settings').select('value').where('key', '=', 'key_check').executeTakeFirst();
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: options.source,
          migrations,
          keyCheck: typeof keyCheck?.value === 'string' ? keyCheck.value : null,
          tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })),
        };
        await write(JSON.stringify(header));
        const counts: TableCount[] = [];
        for (const table of tables) {
          await write(tableStartLine(table.name));
          const columns = table.columns.map((c) => c.name);
          const summary = await readTableRows(trx, table, columns, (rows) => write(rows.join('\n')));
          await write(tableEndLine(table.name, summary));
          counts.push({ table: table.name, rows: summary.rows });
        }
        await write(doneLine(tables.length));
        await write(authLine(mac.digest('hex')), false);
        return { migrations, tables: counts };
      });
    gzip.end();
    await finished;
    await rename(partial, options.file);
    return { file: options.file, bytes: (await stat(options.file)).size, ...result };
  } catch (error) {
    gzip.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
