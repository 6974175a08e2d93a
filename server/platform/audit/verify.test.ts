import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { Agent, signIn } from '../../test/agent.ts';
import type { DB } from '../db/schema.ts';
import { chainHash, laneGenesis } from './audit.ts';
import { verifyAuditChain, type AuditVerification } from './verify.ts';

let h: TestHaven;
let seqs: number[];

beforeAll(async () => {
  h = await createTestApp();
  // A real trail: sign-ins, a failure, agency and user changes, searches.
  const agency = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  const admin = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['taskforce_admin'] });
  const agent = await signIn(h.app, h.clock, admin);
  await new Agent(h.app).post('/api/auth/login', { email: admin.email, password: 'not the right one at all' });
  const created = (await agent.post('/api/agencies', { name: 'Chain Test Clinic', type: 'health_service' })).json();
  await agent.patch(`/api/agencies/${created.id}`, { contactPhone: '555-0111' });
  const person = (await agent.post('/api/users', { agencyId: created.id, email: 'chain.person@clinic.example', displayName: 'Chain Person', roles: ['provider_staff'] })).json().user;
  await agent.patch(`/api/users/${person.id}`, { roles: ['provider_staff', 'outreach_lead'] });
  await agent.get('/api/audit?limit=5');
  seqs = (await h.ctx.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
});
afterAll(async () => h.close());

class Rollback extends Error {}

/**
 * Tampers with the trail the way someone with the database owner's password could (switching the append-only
 * trigger off first), verifies, and rolls everything back so the next test starts from the intact trail.
 */
async function verifyAfterTampering(tamper: (trx: Kysely<DB>) => Promise<void>): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await h.ctx.db
    .transaction()
    .execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await tamper(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
      result = await verifyAuditChain(trx, h.ctx.keys);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

const middle = () => seqs[Math.floor(seqs.length / 2)]!;

/** The next entry in the same lane as `seq`: the one whose link breaks when `seq` goes. */
async function nextInLane(db: Kysely<DB>, seq: number): Promise<number | undefined> {
  const row = await sql<{ seq: number }>`select b.seq from audit_log a join audit_log b on b.lane = a.lane and b.seq > a.seq where a.seq = ${seq} order by b.seq limit 1`.execute(db);
  return row.rows[0] ? Number(row.rows[0].seq) : undefined;
}

/** An entry from the middle of the trail that has a successor in its lane. */
async function middleWithSuccessor(): Promise<{ seq: number; next: number }> {
  for (const seq of [...seqs.slice(Math.floor(seqs.length / 2)), ...seqs.slice(0, Math.floor(seqs.length / 2))]) {
    const next = await nextInLane(h.ctx.db, seq);
    if (next !== undefined) return { seq, next };
  }
  throw new Error('no lane holds two entries');
}

describe('the audit trail is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through the application’s own database handle', async () => {
    const seq = middle();
    await expect(h.ctx.db.updateTable('audit_log').set({ action: 'nothing.happened' }).where('seq', '=', seq).execute()).rejects.toThrow(/append-only/);
    await expect(h.ctx.db.deleteFrom('audit_log').where('seq', '=', seq).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(h.ctx.db)).rejects.toThrow(/append-only/);
    const row = await h.ctx.db.selectFrom('audit_log').select('action').where('seq', '=', seq).executeTakeFirst();
    expect(row?.action).not.toBe('nothing.happened');
    expect((await h.ctx.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq)).toEqual(seqs);
  });
});

describe('verifyAuditChain', () => {
  it('passes on a real trail and reports its head', async () => {
    expect(seqs.length).toBeGreaterThanOrEqual(8);
    const last = await h.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const result = await verifyAuditChain(h.ctx.db, h.ctx.keys);
    expect(result).toEqual({ ok: true, checked: seqs.length, head: { seq: last.seq, hash: last.hash } });
    const first = await h.ctx.db.selectFrom('audit_log').select(['prev_hash', 'lane']).where('seq', '=', seqs[0]!).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(laneGenesis(h.ctx.keys.key('audit-chain'), first.lane));
  });

  it('catches an edited entry at that entry', async () => {
    const seq = middle();
    const result = await verifyAfterTampering(async (trx) => {
      await sql`update audit_log set details = jsonb_set(details, '{edited}', 'true') where seq = ${seq}`.execute(trx);
    });
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(seq);
    expect(result.firstBroken?.reason).toMatch(/edited/);
    expect(result.checked).toBe(seqs.indexOf(seq));
  });

  it('catches an entry whose actor was swapped, even with its hash recomputed without the key', async () => {
    const seq = middle();
    const result = await verifyAfterTampering(async (trx) => {
      const row = await trx.selectFrom('audit_log').select(['prev_hash', 'hash']).where('seq', '=', seq).executeTakeFirstOrThrow();
      const forged = createHash('sha256').update(`${row.prev_hash}forged`).digest('hex');
      await sql`update audit_log set actor_user_id = null, hash = ${forged} where seq = ${seq}`.execute(trx);
    });
    expect(result.firstBroken?.seq).toBe(seq);
    expect(result.ok).toBe(false);
  });

  it('catches a deleted entry in the middle at the next entry of its lane', async () => {
    const { seq, next } = await middleWithSuccessor();
    const result = await verifyAfterTampering(async (trx) => {
      await sql`delete from audit_log where seq = ${seq}`.execute(trx);
    });
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(next);
    expect(result.firstBroken?.reason).toMatch(/inserted or deleted/);
  });

  it('catches an inserted entry, even one hashed with the right key, at the next entry of its lane', async () => {
    const { seq, next } = await middleWithSuccessor();
    const result = await verifyAfterTampering(async (trx) => {
      // Make room after `seq`, then insert a well-formed entry there that links to `seq`.
      await sql`alter table audit_log alter column seq drop identity`.execute(trx);
      await sql`update audit_log set seq = seq + 1000000 where seq > ${seq}`.execute(trx);
      await sql`update audit_log set seq = seq - 999999 where seq > 1000000`.execute(trx);
      const before = await trx.selectFrom('audit_log').select(['hash', 'lane']).where('seq', '=', seq).executeTakeFirstOrThrow();
      const fields = { occurredAt: new Date().toISOString(), actorUserId: null, actorAgencyId: null, action: 'user.disabled', entityType: 'user', entityId: null, outcome: 'success' as const, details: {} };
      await trx
        .insertInto('audit_log')
        .values({
          seq: seq + 1,
          occurred_at: fields.occurredAt,
          action: fields.action,
          entity_type: fields.entityType,
          outcome: fields.outcome,
          details: '{}',
          prev_hash: before.hash,
          hash: chainHash(h.ctx.keys.key('audit-chain'), before.hash, fields),
          lane: before.lane,
        } as never)
        .execute();
    });
    expect(result.ok).toBe(false);
    // The inserted entry itself checks out; the original next entry of its lane (moved up by one) no longer links.
    expect(result.firstBroken?.seq).toBe(next + 1);
    expect(result.firstBroken?.reason).toMatch(/inserted or deleted/);
    expect(result.checked).toBe(seqs.indexOf(next) + 1);
  });

  it('catches an entry appended by someone without the key', async () => {
    const result = await verifyAfterTampering(async (trx) => {
      const head = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await trx
        .insertInto('audit_log')
        .values({ occurred_at: new Date(), action: 'user.enabled', entity_type: 'user', outcome: 'success', details: '{}', prev_hash: head.hash, hash: createHash('sha256').update('made up').digest('hex') })
        .execute();
    });
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBeGreaterThan(seqs[seqs.length - 1]!);
  });

  it('reports a different head when the newest entries are removed, so a recorded head exposes it', async () => {
    const recorded = (await verifyAuditChain(h.ctx.db, h.ctx.keys)).head;
    const result = await verifyAfterTampering(async (trx) => {
      await sql`delete from audit_log where seq = ${seqs[seqs.length - 1]!}`.execute(trx);
    });
    expect(result.ok).toBe(true);
    expect(result.head).not.toEqual(recorded);
    expect(result.head?.seq).toBe(seqs[seqs.length - 2]);
  });

  it('is intact again after every tampering above was rolled back', async () => {
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });
});
