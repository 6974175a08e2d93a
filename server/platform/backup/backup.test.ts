import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { signIn } from '../../test/agent.ts';
import type { TestUser } from '../../test/factories.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { KeyRing } from '../crypto/keys.ts';
import { recordAuditNow } from '../audit/audit.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';
import { AUTH_PREFIX, authLine, backupMac } from './format.ts';
import { populateHaven, restoreTargets, tableDigests } from './backup-fixtures.ts';

let source: TestHaven;
let admin: TestUser;
let dir: string;
let file: string;
const targets = restoreTargets();
const freshDatabase = () => targets.fresh();

beforeAll(async () => {
  source = await createTestApp();
  ({ admin } = await populateHaven(source.ctx, source.app, source.clock));
  dir = await mkdtemp(path.join(os.tmpdir(), 'haven-backup-test-'));
  file = path.join(dir, 'haven.backup.gz');
  await createBackup(source.ctx.db, { file, source: source.ctx.dbKind, keys: source.ctx.keys });
});

afterAll(async () => {
  await targets.closeAll();
  await source.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * An edited copy, signed again with the master key: what the checks inside the file catch even in a file that
 * authenticates (an edit without the key is refused earlier, see backup-auth.test.ts).
 */
async function rewrite(edit: (lines: string[]) => string[]): Promise<string> {
  const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n').filter((l) => !l.startsWith(AUTH_PREFIX));
  const edited = edit(lines);
  const mac = backupMac(source.ctx.keys);
  for (const line of edited) mac.update(`${line}\n`);
  const out = path.join(dir, `edited-${randomBytes(3).toString('hex')}.gz`);
  await writeFile(out, gzipSync(`${[...edited, authLine(mac.digest('hex'))].join('\n')}\n`));
  return out;
}

async function userCount(database: Database): Promise<number> {
  const row = await database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('backup and restore', () => {
  let target: Database;

  it('restores into an empty database with identical content, table by table', async () => {
    target = await freshDatabase();
    const summary = await restoreBackup(target.db, source.ctx.keys, { file });
    expect(summary.replaced).toBe(false);
    const before = await tableDigests(source.ctx.db);
    const after = await tableDigests(target.db);
    expect(after).toEqual(before);
    expect(summary.tables.find((t) => t.table === 'users')?.rows).toBe(before.users!.rows);
    for (const table of ['agencies', 'users', 'user_roles', 'sessions', 'recovery_codes', 'account_tokens', 'audit_log', 'jobs', 'settings', 'survivors', 'survivor_blind_indexes', 'survivor_data_keys']) {
      expect(before[table]!.rows, table).toBeGreaterThan(0);
    }
  });

  it('keeps concrete values exactly: text, bytea, timestamps, jsonb', async () => {
    const pick = (db: Database['db']) =>
      db.selectFrom('users').select(['id', 'email', 'password_hash', 'totp_secret_enc', 'created_at', 'mfa_enrolled_at']).orderBy('email').execute();
    expect(await pick(target.db)).toEqual(await pick(source.ctx.db));
    const police = await target.db.selectFrom('agencies').selectAll().where('name', '=', 'Riverside Police').executeTakeFirstOrThrow();
    expect(police).toMatchObject({ short_name: 'RPD', type: 'law_enforcement', contact_email: 'desk@rpd.test' });
    const lastAudit = (db: Database['db']) => db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(3).execute();
    expect(await lastAudit(target.db)).toEqual(await lastAudit(source.ctx.db));
    const jobs = (db: Database['db']) => db.selectFrom('jobs').selectAll().orderBy('id').execute();
    expect(await jobs(target.db)).toEqual(await jobs(source.ctx.db));
  });

  it('leaves an audit chain that still verifies with the same key', async () => {
    const original = await verifyAuditChain(source.ctx.db, source.ctx.keys);
    const restored = await verifyAuditChain(target.db, source.ctx.keys);
    expect(restored).toEqual(original);
    expect(restored.ok).toBe(true);
    expect(restored.checked).toBeGreaterThan(5);
  });

  it('continues identity sequences after the restored values', async () => {
    const { head } = await verifyAuditChain(target.db, source.ctx.keys);
    await recordAuditNow(target.db, source.ctx.keys, { action: 'test.after_restore', entityType: 'test' });
    const after = await verifyAuditChain(target.db, source.ctx.keys);
    expect(after.ok).toBe(true);
    expect(after.head!.seq).toBe(head!.seq + 1);
    const maxJob = await target.db.selectFrom('jobs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    await enqueueJob(target.db, 'accounts.sweep', {});
    const newest = await target.db.selectFrom('jobs').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(newest.id).toBe(Number(maxJob.id) + 1);
  });

  it('lets a restored person sign in with their password and authenticator', async () => {
    const app = await buildApp({ ...source.ctx, db: target.db });
    try {
      source.clock.advance(60_000); // each TOTP code works once; the source already used this one
      const agent = await signIn(app, source.clock, admin);
      expect((await agent.get('/api/auth/session')).json().user.email).toBe(admin.email);
    } finally {
      await app.close();
    }
  });

  it('refuses a target that already holds data, and replaces it with --force', async () => {
    await expect(restoreBackup(target.db, source.ctx.keys, { file })).rejects.toThrow(/already holds data.*--force/);
    const summary = await restoreBackup(target.db, source.ctx.keys, { file, force: true });
    expect(summary.replaced).toBe(true);
    expect(await tableDigests(target.db)).toEqual(await tableDigests(source.ctx.db));
    expect((await verifyAuditChain(target.db, source.ctx.keys)).ok).toBe(true);
  });
});

describe('restore refuses bad input and changes nothing', () => {
  it('refuses a corrupted file', async () => {
    const bytes = Buffer.from(await readFile(file));
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 8; i++) bytes[i] = bytes[i]! ^ 0xff;
    const corrupted = path.join(dir, 'corrupted.gz');
    await writeFile(corrupted, bytes);
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: corrupted })).rejects.toThrow(/damaged/);
    expect(await userCount(target)).toBe(0);
  });

  it('refuses a truncated file', async () => {
    const bytes = await readFile(file);
    const truncated = path.join(dir, 'truncated.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: truncated })).rejects.toThrow(/damaged or incomplete/);
    expect(await userCount(target)).toBe(0);
  });

  it('rolls back when a row was edited inside a well-formed file (digest mismatch)', async () => {
    const edited = await rewrite((lines) => lines.map((l) => l.replace('"Riverside Police"', '"Riverside Polize"')));
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: edited })).rejects.toThrow(/agencies does not match the backup/);
    expect(await userCount(target)).toBe(0);
  });

  it('refuses a file with a row removed (count mismatch)', async () => {
    const edited = await rewrite((lines) => lines.filter((l) => !l.includes('"Harbor House"')));
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: edited })).rejects.toThrow(/should have \d+ rows/);
  });

  it('names the table when its rows do not fit (an agency missing under its people)', async () => {
    const edited = await rewrite((lines) =>
      lines
        .filter((l) => !l.includes('"Riverside Police"'))
        .map((l) => (l.startsWith('["end","agencies"') ? l.replace(/"rows":(\d+)/, (_, n: string) => `"rows":${Number(n) - 1}`) : l)),
    );
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: edited })).rejects.toThrow(/Loading table users failed: .*foreign key/);
    expect(await userCount(target)).toBe(0);
  });

  it('refuses a file that is not a backup', async () => {
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'not a backup');
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: text })).rejects.toThrow(/is not a Haven backup/);
    await expect(restoreBackup(target.db, source.ctx.keys, { file: path.join(dir, 'missing.gz') })).rejects.toThrow(/does not exist/);
  });

  it('refuses a backup from a newer schema', async () => {
    const edited = await rewrite(([header, ...rest]) => {
      const h = JSON.parse(header!) as { migrations: string[] };
      h.migrations.push('2099-01-01T0000_from_the_future');
      return [JSON.stringify(h), ...rest];
    });
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, source.ctx.keys, { file: edited })).rejects.toThrow(/newer Haven.*2099-01-01T0000_from_the_future/);
  });

  it('refuses a backup made under another master key', async () => {
    const target = await freshDatabase();
    await expect(restoreBackup(target.db, new KeyRing(randomBytes(32)), { file })).rejects.toThrow(/different master key/);
    expect(await userCount(target)).toBe(0);
  });
});

describe('tables added by later modules', () => {
  // A table the backup code has never heard of, with what later modules use: a foreign key to itself whose
  // rows point forward (a tip merged into a later tip), a computed column, an identity column, a text key.
  const ddl = sql`create table backup_probe (
    id int primary key,
    parent_id int references backup_probe(id),
    code text not null unique,
    doubled int generated always as (id * 2) stored,
    n bigint generated always as identity,
    tags text[] not null default '{}'
  )`;

  it('backs up and restores them without being told about them', async () => {
    const from = await freshDatabase();
    const into = await freshDatabase();
    await ddl.execute(from.db);
    await ddl.execute(into.db);
    await sql`insert into backup_probe (id, parent_id, code, tags)
      select i, case when i < 2500 then i + 1 end, 'Code-' || (2500 - i), array['a', 'Ä' || i] from generate_series(1, 2500) i`.execute(from.db);
    const probeFile = path.join(dir, 'probe.gz');
    const made = await createBackup(from.db, { file: probeFile, source: from.kind, keys: source.ctx.keys });
    expect(made.tables.find((t) => t.table === 'backup_probe')?.rows).toBe(2500);
    await restoreBackup(into.db, source.ctx.keys, { file: probeFile });
    expect((await tableDigests(into.db)).backup_probe).toEqual((await tableDigests(from.db)).backup_probe);
    const next = await sql<{ n: number }>`insert into backup_probe (id, code) values (9999, 'new') returning n`.execute(into.db);
    expect(Number(next.rows[0]!.n)).toBe(2501);
  });
});

describe.runIf(process.env.DATABASE_URL)('across engines', () => {
  it('restores a server backup into embedded PGlite and that copy back into a server database', async () => {
    const embedded = await openDatabase({ dataDir: 'memory://' });
    targets.keep(embedded);
    await migrateToLatest(embedded.db as never);
    await restoreBackup(embedded.db, source.ctx.keys, { file });
    const expected = await tableDigests(source.ctx.db);
    expect(await tableDigests(embedded.db)).toEqual(expected);
    expect((await verifyAuditChain(embedded.db, source.ctx.keys)).ok).toBe(true);

    const back = path.join(dir, 'from-pglite.gz');
    await createBackup(embedded.db, { file: back, source: embedded.kind, keys: source.ctx.keys });
    const server = await freshDatabase();
    await restoreBackup(server.db, source.ctx.keys, { file: back });
    expect(await tableDigests(server.db)).toEqual(expected);
  }, 120_000);
});
