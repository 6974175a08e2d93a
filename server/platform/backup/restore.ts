import { stat } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { KeyRing } from '../crypto/keys.ts';
import { AppError } from '../errors.ts';
import { appliedMigrations, listTables, type TableInfo } from './catalog.ts';
import { timingSafeEqual } from 'node:crypto';
import { AUTH_PREFIX, authMarker, backupHeader, backupMac, marker, UNAUTHENTICATED_VERSION, type BackupHeader, type TableCount } from './format.ts';
import { decryptStream, encryptedKind } from './encryption.ts';
import { readGzipLines } from './read-lines.ts';
import { readTableRows, useCanonicalSession } from './rows.ts';
import { advanceSequences, clearTables, countGuardedRows, TableLoader } from './target.ts';

export interface RestoreOptions {
  file: string;
  /** Replace a database that already holds data. */
  force?: boolean;
  /** For a backup encrypted with a passphrase (HAVEN_BACKUP_PASSPHRASE). */
  passphrase?: string;
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: TableCount[];
  /** The target held data that was replaced (only with force). */
  replaced: boolean;
}

const damaged = (reason: string) => new AppError('bad_request', `The backup file is damaged or incomplete: ${reason} Nothing was restored.`);

/**
 * Restores a backup made by `createBackup`, on either engine, in ONE transaction: the target ends up holding
 * exactly the backup or, on any problem, exactly what it held before. After loading, every table's content is
 * read back and compared with the digest taken when the backup was made.
 */
export async function restoreBackup(db: Kysely<DB>, keys: KeyRing, options: RestoreOptions): Promise<RestoreSummary> {
  await stat(options.file).catch(() => {
    throw new AppError('not_found', `${options.file} does not exist or cannot be read.`);
  });
  const encrypted = await encryptedKind(options.file);
  if (encrypted === 'passphrase' && !options.passphrase) {
    throw new AppError('bad_request', 'The backup is encrypted with a passphrase: set HAVEN_BACKUP_PASSPHRASE to it and restore again. Nothing was restored.');
  }
  const read = () => readGzipLines(options.file, encrypted ? decryptStream(keys, options.passphrase) : undefined);
  // A first pass checks the file's authentication before anything is loaded.
  await guarded(read(), (lines) => authenticate(lines, keys, options.file));
  const lines = read();
  try {
    const header = await readHeader(lines, options.file);
    const target = await listTables(db);
    await checkCompatible(header, keys, await appliedMigrations(db), target);
    return await db.transaction().execute(async (trx) => {
      await useCanonicalSession(trx);
      const guarded = await countGuardedRows(trx, target);
      const replaced = Object.values(guarded).some((n) => n > 0);
      if (replaced && !options.force) {
        const held = Object.entries(guarded).map(([table, n]) => `${table}: ${n} rows`).join(', ');
        throw new AppError('conflict', `The target database already holds data (${held}). Restore refuses to replace it; pass --force to replace everything in it with the backup.`);
      }
      await clearTables(trx, target);
      const expected = await loadSections(trx, lines, header, target);
      await advanceSequences(trx, target);
      for (const [name, want] of expected) {
        const table = target.find((t) => t.name === name)!;
        const columns = header.tables.find((t) => t.name === name)!.columns;
        const got = await readTableRows(trx, table, columns);
        if (got.rows !== want.rows || got.sha256 !== want.sha256) {
          throw new AppError('conflict', `After loading, table ${name} does not match the backup (${got.rows} rows read back, ${want.rows} in the backup, digests ${got.sha256 === want.sha256 ? 'equal' : 'differ'}). Nothing was restored.`);
        }
      }
      return { header, replaced, tables: [...expected].map(([table, want]) => ({ table, rows: want.rows })) };
    });
  } catch (error) {
    throw asRestoreError(error);
  } finally {
    await lines.return(undefined);
  }
}

function asRestoreError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isZlibError(error)) return damaged(`${(error as Error).message}.`);
  return error;
}

async function guarded<T>(lines: AsyncGenerator<string>, work: (lines: AsyncGenerator<string>) => Promise<T>): Promise<T> {
  try {
    return await work(lines);
  } catch (error) {
    throw asRestoreError(error);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Checks the HMAC on the file's last line against every line before it, under the master key's backup key.
 * Digests inside the file only catch accidents: someone who edits the file can recompute them, not this.
 */
async function authenticate(lines: AsyncGenerator<string>, keys: KeyRing, file: string): Promise<void> {
  const header = await readHeader(lines, file);
  if (header.keyCheck && !keys.matchesCheckValue(header.keyCheck)) throw differentKey();
  if (header.version === UNAUTHENTICATED_VERSION) {
    throw new AppError('bad_request', 'The backup was made by an earlier Haven, before backups were authenticated, so an edit to it could not be detected. Restore it with that Haven version, then make a new backup. Nothing was restored.');
  }
  const mac = backupMac(keys);
  mac.update(`${JSON.stringify(header)}\n`);
  let claimed: string | null = null;
  for await (const line of lines) {
    if (claimed !== null) throw damaged('it goes on after its authentication.');
    if (line.startsWith(AUTH_PREFIX)) {
      const parsed = authMarker.safeParse(parseJson(line));
      if (!parsed.success) throw damaged('its authentication line cannot be read.');
      claimed = parsed.data[1].hmac;
      continue;
    }
    mac.update(`${line}\n`);
  }
  if (claimed === null) {
    throw new AppError('bad_request', 'The backup is not authenticated (its authentication line is missing): it may have been changed after it was made. Nothing was restored.');
  }
  const want = mac.digest();
  const got = Buffer.from(claimed, 'hex');
  if (got.length !== want.length || !timingSafeEqual(got, want)) {
    throw new AppError('bad_request', 'The backup\'s authentication failed: it was changed after it was made (or made under another master key). Nothing was restored.');
  }
}

const differentKey = () => new AppError('conflict', 'The backup was made under a different master key. Set HAVEN_MASTER_KEY or HAVEN_KEY_FILE to the key it was made with, then restore again.');

async function readHeader(lines: AsyncGenerator<string>, file: string): Promise<BackupHeader> {
  const notBackup = new AppError('bad_request', `${file} is not a Haven backup (or was made by a newer Haven that this one cannot read).`);
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    // A gzip stream broken inside its first line is a damaged backup, not a stranger's file.
    // A file that is not gzip at all is a stranger's file; a gzip stream broken inside its first line is a damaged backup.
    if (error instanceof AppError) throw error;
    if (isZlibError(error) && !/incorrect header check/.test((error as Error).message)) throw damaged(`${(error as Error).message}.`);
    throw notBackup;
  }
  const parsed = first.done ? null : backupHeader.safeParse(parseJson(first.value));
  if (!parsed?.success) throw notBackup;
  return parsed.data;
}

async function checkCompatible(header: BackupHeader, keys: KeyRing, migrations: string[], target: TableInfo[]): Promise<void> {
  const isPrefix = header.migrations.length <= migrations.length && header.migrations.every((m, i) => migrations[i] === m);
  if (!isPrefix) {
    const extra = header.migrations.filter((m) => !migrations.includes(m));
    throw new AppError('conflict', extra.length
      ? `The backup was made by a newer Haven (migrations this one does not have: ${extra.join(', ')}). Restore it with that version or a later one.`
      : 'The backup\'s migrations do not match this database\'s history, so its tables may not fit. Restore it with the Haven version that made it.');
  }
  if (header.keyCheck && !keys.matchesCheckValue(header.keyCheck)) throw differentKey();
  for (const table of header.tables) {
    const here = target.find((t) => t.name === table.name);
    const missing = here ? table.columns.filter((c) => !here.columns.some((h) => h.name === c)) : [];
    if (!here || missing.length) {
      throw new AppError('conflict', `The backup's table ${table.name} does not fit this database (${here ? `no column ${missing.join(', ')}` : 'no such table'}).`);
    }
  }
}

/** Streams the table sections into the database; returns the row count and digest the backup promises for each. */
async function loadSections(trx: Transaction<DB>, lines: AsyncGenerator<string>, header: BackupHeader, target: TableInfo[]) {
  const expected = new Map<string, { rows: number; sha256: string }>();
  let loader: TableLoader | null = null;
  let current: string | null = null;
  let complete = false;
  // Read to the very end even after "done": gzip's checksum of the whole file is checked only there.
  for await (const line of lines) {
    // After "done" only the authentication line, already checked before loading.
    if (complete && line.startsWith(AUTH_PREFIX)) continue;
    if (complete) throw damaged('it goes on after its end.');
    if (line.startsWith('{')) {
      if (!loader) throw damaged('a row stands outside any table.');
      await loading(current!, () => loader!.add(line));
      continue;
    }
    const parsed = marker.safeParse(parseJson(line));
    if (!parsed.success) throw damaged(`a line could not be read (${line.slice(0, 40)}…).`);
    const m = parsed.data;
    if (m[0] === 'table') {
      const spec = header.tables.find((t) => t.name === m[1]);
      if (loader || !spec || expected.has(m[1])) throw damaged(`the section for table ${m[1]} is out of place.`);
      const table = target.find((t) => t.name === m[1])!;
      const computed = new Set(table.columns.filter((c) => c.generated).map((c) => c.name));
      loader = new TableLoader(trx, table, spec.columns.filter((c) => !computed.has(c)));
      current = m[1];
    } else if (m[0] === 'end') {
      if (!loader || m[1] !== current) throw damaged(`the end of table ${m[1]} is out of place.`);
      await loading(m[1], () => loader!.finish());
      if (loader.loaded !== m[2].rows) throw damaged(`table ${m[1]} should have ${m[2].rows} rows but has ${loader.loaded}.`);
      expected.set(m[1], m[2]);
      loader = null;
    } else {
      if (loader || expected.size !== header.tables.length || m[1].tables !== header.tables.length) throw damaged('some tables are missing.');
      complete = true;
    }
  }
  if (!complete) throw damaged('it ends before its last table.');
  return expected;
}

/** Names the table in a database error (a constraint the rows do not meet, a value that does not fit). */
async function loading(table: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    throw new AppError('conflict', `Loading table ${table} failed: ${error instanceof Error ? error.message : String(error)}. Nothing was restored.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
