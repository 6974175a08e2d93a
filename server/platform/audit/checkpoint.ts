import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { KeyRing } from '../crypto/keys.ts';
import { LANE_LOCK, MAX_AUDIT_LANES, recordAudit } from './audit.ts';

export const CHECKPOINT_ACTION = 'audit.checkpoint';
/**
 * Marks checkpoints written since every new lane starts from its own keyed beginning: after the first of them,
 * a lane that starts from the old all-zero hash can only be a copy (verify.ts).
 */
export const LANE_GENESIS_MARK = 'per-lane';

/** One lane's newest entry as a checkpoint lists it: `lane:seq:hash`. */
export interface LaneHead {
  lane: number;
  seq: number;
  hash: string;
}

export function formatLaneHead(head: LaneHead): string {
  return `${head.lane}:${head.seq}:${head.hash}`;
}

export function parseLaneHead(text: string): LaneHead | null {
  const match = /^(\d+):(\d+):([0-9a-f]{64})$/.exec(text);
  return match ? { lane: Number(match[1]), seq: Number(match[2]), hash: match[3]! } : null;
}

/**
 * Appends a checkpoint: an ordinary chained entry that lists the head of every lane. It takes every lane's
 * lock first, so no entry can slip in between reading the heads and committing; `verifyAuditChain` then
 * checks, at each checkpoint, that the lanes end exactly where it says. Removing the newest entries of any
 * lane before a checkpoint is caught, and one recorded checkpoint covers every lane. Answers the checkpoint's
 * own seq and hash.
 */
export async function writeAuditCheckpoint(db: Kysely<DB>, keys: KeyRing): Promise<{ seq: number; hash: string }> {
  return db.transaction().execute(async (trx) => {
    // Writers hold one lane lock each and briefly; a checkpoint that cannot get them all soon gives up and
    // is tried again later rather than stall the trail.
    await sql`set local lock_timeout = '10s'`.execute(trx);
    await sql`select pg_advisory_xact_lock(${LANE_LOCK}::integer, l) from generate_series(0, ${MAX_AUDIT_LANES - 1}::integer) as l`.execute(trx);
    const heads = await laneHeads(trx);
    return recordAudit(trx, keys, { action: CHECKPOINT_ACTION, entityType: 'audit', details: { heads: heads.map(formatLaneHead), genesis: LANE_GENESIS_MARK } });
  });
}

/** Every lane's newest entry, one index lookup per lane. */
async function laneHeads(db: Kysely<DB>): Promise<LaneHead[]> {
  const result = await sql<{ lane: number; seq: number | null; hash: string | null }>`
    select l as lane, h.seq, h.hash
    from generate_series(0, ${MAX_AUDIT_LANES - 1}::integer) as l
    left join lateral (select a.seq, a.hash from audit_log a where a.lane = l order by a.seq desc limit 1) h on true
    where h.seq is not null
    order by l
  `.execute(db);
  return result.rows.map((r) => ({ lane: Number(r.lane), seq: Number(r.seq), hash: r.hash! }));
}

/** The recurring job: a checkpoint whenever something was written since the last one. */
export async function checkpointIfChanged(db: Kysely<DB>, keys: KeyRing): Promise<boolean> {
  const newest = await db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!newest || newest.action === CHECKPOINT_ACTION) return false;
  await writeAuditCheckpoint(db, keys);
  return true;
}
