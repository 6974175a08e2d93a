import fs, { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// The same module object PGlite's file system reaches the disk through.
const realFsync = fs.fsyncSync;
let synced: string[] = [];

function pathOf(fd: number): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `fd ${fd}`;
  }
}

describe.skipIf(process.platform !== 'linux')('embedded database on disk', () => {
  let folder = '';

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'haven-durable-'));
    synced = [];
    fs.fsyncSync = (fd: number) => {
      synced.push(pathOf(fd));
      realFsync(fd);
    };
  });

  afterEach(() => {
    fs.fsyncSync = realFsync;
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a committed transaction to the disk before the commit returns, and keeps it across a restart', { timeout: 120_000 }, async () => {
    const dataDir = path.join(folder, 'pg');
    const database = await openDatabase({ dataDir });
    // The new cluster is unpacked by PGlite, not written by PostgreSQL, so nothing else would sync it.
    expect(synced).toContain(path.join(dataDir, 'global', 'pg_control'));
    expect(synced).toContain(dataDir);
    await migrateToLatest(database.db as never);
    await sql`create table durability_probe (id int primary key, note text not null)`.execute(database.db);

    await database.db.transaction().execute(async (trx) => {
      await sql`insert into durability_probe values (1, 'acknowledged')`.execute(trx);
      synced = []; // only what the commit itself syncs
    });
    const walSynced = synced.filter((file) => file.startsWith(path.join(dataDir, 'pg_wal') + path.sep));
    expect(walSynced.length, `files synced by the commit: ${synced.join(', ') || 'none'}`).toBeGreaterThan(0);

    synced = [];
    await sql`checkpoint`.execute(database.db);
    expect(synced.some((file) => file.startsWith(path.join(dataDir, 'base') + path.sep))).toBe(true);
    await database.close();

    const reopened = await openDatabase({ dataDir });
    const { rows } = await sql<{ note: string }>`select note from durability_probe where id = 1`.execute(reopened.db);
    expect(rows).toEqual([{ note: 'acknowledged' }]);
    await migrateToLatest(reopened.db as never);
    await reopened.close();
  });
});
