import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { KeyRing } from '../crypto/keys.ts';
import { chainHash, GENESIS_HASH, laneGenesis, type AuditOutcome } from './audit.ts';
import { CHECKPOINT_ACTION, LANE_GENESIS_MARK, parseLaneHead } from './checkpoint.ts';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The newest entry's hash: write it down elsewhere to detect a later truncation of the tail. */
  head: { seq: number; hash: string } | null;
  firstBroken?: { seq: number; reason: string };
}

const BATCH = 5_000;

/**
 * Walks the whole trail in order and recomputes every link, lane by lane. An edited row fails its own hash;
 * an inserted or deleted row breaks the next row of its lane. At every checkpoint, each lane must end exactly
 * where the checkpoint says, so removing the newest entries of a lane is caught once a checkpoint follows;
 * removing entries after the last checkpoint is caught by comparing with a head recorded earlier.
 *
 * Every lane must be accounted for: its first entry links to that lane's own keyed beginning (`laneGenesis`),
 * so entries copied into another lane, even after the last checkpoint, break at once. Lanes begun by an
 * earlier Haven start from the all-zero hash; that is accepted only until this Haven's first entry or
 * checkpoint, after which no writer starts a lane that way.
 */
export async function verifyAuditChain(db: Kysely<DB>, keys: KeyRing): Promise<AuditVerification> {
  const key = keys.key('audit-chain');
  const lanes = new Map<number, { seq: number; hash: string }>();
  let afterSeq = 0;
  let checked = 0;
  let head: AuditVerification['head'] = null;
  // Whether the trail has reached entries written with per-lane beginnings (then all-zero starts are copies).
  let perLane = false;
  const broken = (seq: number, reason: string): AuditVerification => ({ ok: false, checked, head, firstBroken: { seq, reason } });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'lane', 'occurred_at', 'actor_user_id', 'actor_agency_id', 'action', 'entity_type', 'entity_id', 'outcome', 'details', 'prev_hash', 'hash'])
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const last = lanes.get(row.lane);
      let prevHash: string;
      if (last) {
        prevHash = last.hash;
        if (row.prev_hash !== prevHash) return broken(row.seq, 'does not link to the entry before it (an entry was inserted or deleted)');
      } else {
        const start = laneStart(key, row.lane, row.prev_hash, perLane);
        if (!start) return broken(row.seq, `does not link to the entry before it (an entry was inserted or deleted, or entries were copied into lane ${row.lane}, which does not start from its own beginning)`);
        prevHash = start;
        perLane ||= start !== GENESIS_HASH;
      }
      const expected = chainHash(key, prevHash, {
        occurredAt: row.occurred_at.toISOString(),
        actorUserId: row.actor_user_id,
        actorAgencyId: row.actor_agency_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        outcome: row.outcome as AuditOutcome,
        details: row.details,
      });
      if (expected !== row.hash) return broken(row.seq, 'its content does not match its hash (the entry was edited)');
      if (row.action === CHECKPOINT_ACTION) {
        const mismatch = checkpointMismatch(row.details, lanes);
        if (mismatch) return broken(row.seq, `it is a checkpoint, and ${mismatch} (entries before it were removed or added)`);
        perLane ||= row.details.genesis === LANE_GENESIS_MARK;
      }
      lanes.set(row.lane, { seq: row.seq, hash: row.hash });
      afterSeq = row.seq;
      head = { seq: row.seq, hash: row.hash };
      checked++;
    }
  }
  return { ok: true, checked, head };
}

/** The hash a lane's first entry may link to: its own keyed beginning, or the all-zero one of an earlier Haven. */
function laneStart(key: Buffer, lane: number, prevHash: string, perLane: boolean): string | null {
  if (prevHash === laneGenesis(key, lane)) return prevHash;
  if (prevHash === GENESIS_HASH && !perLane) return prevHash;
  return null;
}

/** What differs between the lane heads a checkpoint lists and the lanes as verified so far, if anything. */
function checkpointMismatch(details: Record<string, unknown>, lanes: ReadonlyMap<number, { seq: number; hash: string }>): string | null {
  const listed = Array.isArray(details.heads) ? details.heads.map((h) => (typeof h === 'string' ? parseLaneHead(h) : null)) : null;
  if (!listed || listed.some((h) => h === null)) return 'its list of lane heads cannot be read';
  const byLane = new Map(listed.map((h) => [h!.lane, h!]));
  for (const lane of new Set([...byLane.keys(), ...lanes.keys()])) {
    const want = byLane.get(lane);
    const have = lanes.get(lane);
    if (!want) return `lane ${lane} has entries it does not list`;
    if (!have) return `lane ${lane} should end at seq ${want.seq} but has no entries`;
    if (have.seq !== want.seq || have.hash !== want.hash) return `lane ${lane} should end at seq ${want.seq} but ends at seq ${have.seq}`;
  }
  return null;
}
