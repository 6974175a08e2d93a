import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import type { DB } from '../db/schema.ts';
import { AUDIT_LANES, chainHash, GENESIS_HASH, MAX_AUDIT_LANES, recordAudit, recordAuditNow } from './audit.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/database.ts';
import { CHECKPOINT_ACTION, checkpointIfChanged, parseLaneHead, writeAuditCheckpoint } from './checkpoint.ts';
import { verifyAuditChain } from './verify.ts';

let h: TestHaven;

beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const event = (n: number) => ({ action: 'test.happened', entityType: 'test', entityId: String(n), details: { n } });

/** Tampers the way a database owner without the master key could, inside `trx`. */
async function asOwner(trx: Kysely<DB>, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
  await statement.execute(trx);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
}

class Rollback extends Error {}

async function inRolledBackTransaction<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await h.ctx.db
    .transaction()
    .execute(async (trx) => {
      result = await work(trx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

describe('audit lanes', () => {
  it('keeps every lane a valid chain when many transactions write at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, n) => recordAuditNow(h.ctx.db, h.ctx.keys, event(n))));
    const lanes = await h.ctx.db.selectFrom('audit_log').select('lane').distinct().execute();
    for (const { lane } of lanes) expect(lane).toBeLessThan(AUDIT_LANES);
    // PGlite has one connection, so one lane; a server pool spreads the writers over several.
    if (h.ctx.dbKind === 'postgres') expect(lanes.length).toBeGreaterThan(1);
    else expect(lanes.length).toBe(1);
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)('lets a transaction in another lane commit while one lane is held open', async () => {
    await h.ctx.db.connection().execute(async (connA) => {
      const laneA = await laneOf(connA);
      await connA.transaction().execute(async (trxA) => {
        await recordAudit(trxA, h.ctx.keys, event(1000));
        // Lane A is now locked until this transaction ends; a writer in another lane must not wait for it.
        const committed = await inOtherLane(laneA, (connB) =>
          Promise.race([recordAuditNow(connB, h.ctx.keys, event(2000)).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]),
        );
        expect(committed).toBe(true);
      });
    });
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });
});

async function laneOf(conn: Kysely<DB>): Promise<number> {
  return (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]!.pid % AUDIT_LANES;
}

/** Runs `work` on a pooled connection whose lane is not `lane`, holding the ones tried first so they are not handed out again. */
async function inOtherLane<T>(lane: number, work: (conn: Kysely<DB>) => Promise<T>, tried = 0): Promise<T> {
  return h.ctx.db.connection().execute(async (conn) => {
    if ((await laneOf(conn)) !== lane) return work(conn);
    if (tried >= 8) throw new Error('every connection tried landed in the same lane');
    return inOtherLane(lane, work, tried + 1);
  });
}

describe('audit checkpoints', () => {
  it('lists the head of every lane, and verifies', async () => {
    for (let n = 0; n < 5; n++) await recordAuditNow(h.ctx.db, h.ctx.keys, event(3000 + n));
    const checkpoint = await writeAuditCheckpoint(h.ctx.db, h.ctx.keys);
    const row = await h.ctx.db.selectFrom('audit_log').select(['action', 'details', 'hash']).where('seq', '=', checkpoint.seq).executeTakeFirstOrThrow();
    expect(row.action).toBe(CHECKPOINT_ACTION);
    expect(row.hash).toBe(checkpoint.hash);
    const listed = (row.details.heads as string[]).map((text) => parseLaneHead(text)!);
    const lanes = await sql<{ lane: number; seq: number }>`select lane, max(seq) as seq from audit_log where seq < ${checkpoint.seq} group by lane order by lane`.execute(h.ctx.db);
    expect(listed.map((l) => [l.lane, l.seq])).toEqual(lanes.rows.map((l) => [Number(l.lane), Number(l.seq)]));
    expect(await verifyAuditChain(h.ctx.db, h.ctx.keys)).toMatchObject({ ok: true, head: checkpoint });
  });

  it('catches the newest entry of a lane removed before a checkpoint, at the checkpoint', async () => {
    await recordAuditNow(h.ctx.db, h.ctx.keys, event(4000));
    const victim = await h.ctx.db.selectFrom('audit_log').select(['seq', 'lane']).where('entity_id', '=', '4000').executeTakeFirstOrThrow();
    const checkpoint = await writeAuditCheckpoint(h.ctx.db, h.ctx.keys);
    const result = await inRolledBackTransaction(async (trx) => {
      await asOwner(trx, sql`delete from audit_log where seq = ${victim.seq}`);
      return verifyAuditChain(trx, h.ctx.keys);
    });
    expect(result.ok).toBe(false);
    // Unless the checkpoint shares the lane (then its own link breaks first), it is the checkpoint that tells.
    expect(result.firstBroken?.seq).toBe(checkpoint.seq);
    expect(result.firstBroken?.reason).toMatch(new RegExp(`inserted or deleted|lane ${victim.lane} should end at seq ${victim.seq}`));
  });

  it('catches a checkpoint whose list was rewritten', async () => {
    const checkpoint = await writeAuditCheckpoint(h.ctx.db, h.ctx.keys);
    const result = await inRolledBackTransaction(async (trx) => {
      await asOwner(trx, sql`update audit_log set details = '{"heads": []}' where seq = ${checkpoint.seq}`);
      return verifyAuditChain(trx, h.ctx.keys);
    });
    expect(result.firstBroken).toEqual({ seq: checkpoint.seq, reason: expect.stringMatching(/edited/) });
  });

  it('is written by the recurring job only when something happened since the last one', async () => {
    await writeAuditCheckpoint(h.ctx.db, h.ctx.keys);
    expect(await checkpointIfChanged(h.ctx.db, h.ctx.keys)).toBe(false);
    await recordAuditNow(h.ctx.db, h.ctx.keys, event(5000));
    expect(await checkpointIfChanged(h.ctx.db, h.ctx.keys)).toBe(true);
    const newest = await h.ctx.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(newest.action).toBe(CHECKPOINT_ACTION);
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });
});

/** Copies, as the database owner, the first `count` entries of `from` into lane `to` after everything else. */
async function replayLane(trx: Kysely<DB>, from: number, to: number, count: number) {
  await asOwner(
    trx,
    sql`insert into audit_log (occurred_at, actor_user_id, actor_agency_id, action, entity_type, entity_id, outcome, details, prev_hash, hash, lane)
      select occurred_at, actor_user_id, actor_agency_id, action, entity_type, entity_id, outcome, details, prev_hash, hash, ${to}::smallint
      from (select * from audit_log where lane = ${from} order by seq limit ${count}) a order by seq`,
  );
}

async function unusedLane(db: Kysely<DB>): Promise<number> {
  const used = new Set((await db.selectFrom('audit_log').select('lane').distinct().execute()).map((r) => r.lane));
  return [...Array(MAX_AUDIT_LANES).keys()].find((l) => !used.has(l))!;
}

describe('lanes that no checkpoint accounts for', () => {
  it('catches genuine entries of one lane replayed into an unused lane after the last checkpoint', async () => {
    for (let n = 0; n < 3; n++) await recordAuditNow(h.ctx.db, h.ctx.keys, event(6000 + n));
    await writeAuditCheckpoint(h.ctx.db, h.ctx.keys);
    const from = (await h.ctx.db.selectFrom('audit_log').select('lane').orderBy('seq').limit(1).executeTakeFirstOrThrow()).lane;
    const to = await unusedLane(h.ctx.db);
    const result = await inRolledBackTransaction(async (trx) => {
      await replayLane(trx, from, to, 3);
      return verifyAuditChain(trx, h.ctx.keys);
    });
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toMatch(new RegExp(`lane ${to}`));
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });

  it('catches a replay into a lane number no writer uses (at or above AUDIT_LANES)', async () => {
    const from = (await h.ctx.db.selectFrom('audit_log').select('lane').orderBy('seq').limit(1).executeTakeFirstOrThrow()).lane;
    const result = await inRolledBackTransaction(async (trx) => {
      await replayLane(trx, from, MAX_AUDIT_LANES - 1, 2);
      return verifyAuditChain(trx, h.ctx.keys);
    });
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toMatch(new RegExp(`lane ${MAX_AUDIT_LANES - 1}`));
  });

  describe('a trail begun before lanes had their own beginnings', () => {
    let legacy: Database;

    beforeAll(async () => {
      legacy = await createTestDatabase();
      // Entries as the earlier Haven wrote them: every lane started from the all-zero hash.
      let prev = GENESIS_HASH;
      for (let n = 0; n < 3; n++) {
        const fields = { occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), actorUserId: null, actorAgencyId: null, action: 'legacy.entry', entityType: 'test', entityId: String(n), outcome: 'success' as const, details: {} };
        const hash = chainHash(h.ctx.keys.key('audit-chain'), prev, fields);
        await legacy.db
          .insertInto('audit_log')
          .values({ occurred_at: fields.occurredAt, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId, outcome: 'success', details: '{}', prev_hash: prev, hash, lane: 0 })
          .execute();
        prev = hash;
      }
      await writeAuditCheckpoint(legacy.db, h.ctx.keys);
    });
    afterAll(async () => legacy.close());

    it('still verifies', async () => {
      expect(await verifyAuditChain(legacy.db, h.ctx.keys)).toMatchObject({ ok: true, checked: 4 });
    });

    it('catches its entries replayed into a new lane once a checkpoint of this Haven was written', async () => {
      await recordAuditNow(legacy.db, h.ctx.keys, event(7000));
      let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
      await legacy.db
        .transaction()
        .execute(async (trx) => {
          await replayLane(trx, 0, 9, 3);
          result = await verifyAuditChain(trx, h.ctx.keys);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      expect(result?.ok).toBe(false);
      expect(result?.firstBroken?.reason).toMatch(/lane 9/);
    });
  });
});
