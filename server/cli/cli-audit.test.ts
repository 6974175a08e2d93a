import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../test/test-app.ts';
import { createTestDatabase } from '../test/test-database.ts';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { chainHash } from '../platform/audit/audit.ts';
import { cliFor } from './cli-harness.ts';

const haves: TestHaven[] = [];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'haven-cli-test-'));
});
afterAll(async () => {
  for (const h of haves) await h.close();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh Haven with a short trail of real, audited operator actions (seq 1 … 5). */
async function havenWithTrail() {
  const h = await createTestApp();
  haves.push(h);
  const { run } = cliFor(() => h.ctx);
  expect((await run('create-agency', '--name', 'North Police', '--type', 'law_enforcement')).code).toBe(0);
  expect((await run('create-agency', '--name', 'North Shelter', '--type', 'victim_service_provider')).code).toBe(0);
  expect((await run('create-user', '--email', 'a@north.example', '--name', 'A', '--agency', 'North Police', '--roles', 'investigator')).code).toBe(0);
  expect((await run('create-user', '--email', 'b@north.example', '--name', 'B', '--agency', 'North Shelter', '--roles', 'victim_advocate')).code).toBe(0);
  expect((await run('unlock-user', '--email', 'a@north.example')).code).toBe(0);
  return { h, run };
}

/** What someone with database access but without the master key can do: switch the guard off and write. */
async function asOwner(ctx: AppContext, statement: ReturnType<typeof sql>) {
  await ctx.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
  });
}

describe('haven verify-audit', () => {
  it('verifies an intact trail, seals it with a checkpoint and prints that as the head', async () => {
    const { h, run } = await havenWithTrail();
    const result = await run('verify-audit');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Audit trail OK: 5 entries checked.');
    // The trail that verified is sealed with a checkpoint (seq 6), and that is the head to record.
    expect(result.stdout).toMatch(/Head: 6:[0-9a-f]{64}/);
    const checkpoint = await h.ctx.db.selectFrom('audit_log').select('action').where('seq', '=', 6).executeTakeFirstOrThrow();
    expect(checkpoint.action).toBe('audit.checkpoint');
    expect((await run('verify-audit')).stdout).toContain('Audit trail OK: 6 entries checked.');
  });

  it('exits 2 naming the seq of an edited entry', async () => {
    const { h, run } = await havenWithTrail();
    await asOwner(h.ctx, sql`update audit_log set action = 'x' where seq = 3`);
    const result = await run('verify-audit');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Audit trail BROKEN at seq 3: its content does not match its hash/);
    expect(result.stderr).toContain('2 entries before it verified');
  });

  it('exits 2 when an entry in the middle is deleted, at the next entry of its lane', async () => {
    const { h, run } = await havenWithTrail();
    // Each command ran on a pooled connection, and each connection writes its own lane.
    const lanes = await h.ctx.db.selectFrom('audit_log').select(['seq', 'lane']).orderBy('seq').execute();
    const victim = lanes.find((e) => lanes.some((l) => l.lane === e.lane && l.seq > e.seq))!;
    const next = lanes.find((l) => l.lane === victim.lane && l.seq > victim.seq)!;
    await asOwner(h.ctx, sql`delete from audit_log where seq = ${victim.seq}`);
    const result = await run('verify-audit');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Audit trail BROKEN at seq ${next.seq}: does not link to the entry before it`));
  });

  it('exits 2 when an entry is inserted, even one chained to the head (but without the key)', async () => {
    const { h, run } = await havenWithTrail();
    const head = await h.ctx.db.selectFrom('audit_log').select(['hash', 'lane']).where('seq', '=', 5).executeTakeFirstOrThrow();
    const occurredAt = new Date().toISOString();
    const fields = { occurredAt, actorUserId: null, actorAgencyId: null, action: 'user.created', entityType: 'user', entityId: null, outcome: 'success' as const, details: {} };
    const forged = chainHash(randomBytes(32), head.hash, fields);
    await h.ctx.db.insertInto('audit_log').values({ occurred_at: occurredAt, action: 'user.created', entity_type: 'user', outcome: 'success', details: '{}', prev_hash: head.hash, hash: forged, lane: head.lane }).execute();
    const result = await run('verify-audit');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Audit trail BROKEN at seq 6: its content does not match its hash/);
  });

  it('exits 2 when entries before a checkpoint were removed', async () => {
    const { h, run } = await havenWithTrail();
    expect((await run('verify-audit')).code).toBe(0); // writes checkpoint 6, listing every lane's head
    await asOwner(h.ctx, sql`delete from audit_log where seq = 5`);
    const result = await run('verify-audit');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Audit trail BROKEN at seq 6: (it is a checkpoint, and lane \d+ should end at seq 5|does not link)/);
  });

  it('exits 2 when a recorded head was cut off the end, which the chain alone cannot show', async () => {
    const { h, run } = await havenWithTrail();
    const head = /Head: (\d+:[0-9a-f]{64})/.exec((await run('verify-audit')).stdout)![1]!;
    expect(head.startsWith('6:')).toBe(true);
    expect((await run('verify-audit', '--expect-head', head)).code).toBe(0);
    // Cut everything from the recorded checkpoint on: what is left is a shorter, valid trail.
    await asOwner(h.ctx, sql`delete from audit_log where seq >= 6`);
    expect((await run('verify-audit')).code).toBe(0);
    const result = await run('verify-audit', '--expect-head', head);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the recorded head 6 is missing/);
  });
});

describe('haven backup / restore / migrate', () => {
  let target: Database;
  afterAll(async () => target?.close());

  it('backs up, restores into an empty database, and refuses to overwrite it without --force', async () => {
    const { h, run } = await havenWithTrail();
    const file = path.join(dir, 'trail.backup.gz');
    const made = await run('backup', '--out', file);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/audit_log\s+5 rows/);
    expect(made.stdout).toContain('The master key is NOT in this backup. Keep the key file / HAVEN_MASTER_KEY with the backup, apart from it');
    expect((await run('backup', '--out', file)).stderr).toMatch(/already exists.*--force/);

    target = await createTestDatabase();
    const into = cliFor(() => ({ ...h.ctx, db: target.db, dbKind: target.kind }));
    const restored = await into.run('restore', '--in', file);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("every table matches the backup's digest");
    expect(restored.stdout).toContain('Audit trail OK: 5 entries checked.');
    expect(into.opened.at(-1)).toEqual({ checkKey: false });

    const again = await into.run('restore', '--in', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data \(users: 2 rows, agencies: 2 rows, audit_log: 5 rows\).*--force/);
    expect((await into.run('restore', '--in', file, '--force')).stdout).toContain('The data the database held before was replaced.');
    expect((await into.run('restore', '--in', path.join(dir, 'nope.gz'))).stderr).toMatch(/nope\.gz does not exist/);
  });

  it('reports a database that is already up to date', async () => {
    const h = await createTestApp();
    haves.push(h);
    const result = await cliFor(() => h.ctx).run('migrate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^The database at the test database is up to date \(\d+ migrations\)\./);
  });
});
