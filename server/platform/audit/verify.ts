import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { KeyRing } from '../crypto/keys.ts';
import { chainHash, GENESIS_HASH, type AuditOutcome } from './audit.ts';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The newest entry's hash: write it down elsewhere to detect a later truncation of the tail. */
  head: { seq: number; hash: string } | null;
  firstBroken?: { seq: number; reason: string };
}

const BATCH = 5_000;

/**
 * Walks the whole trail in order and recomputes every link. An edited row fails its own hash; an inserted or
 * deleted row breaks the next row's link to it. Removing only the newest rows is caught by comparing the
 * head with one recorded earlier.
 */
export async function verifyAuditChain(db: Kysely<DB>, keys: KeyRing): Promise<AuditVerification> {
  const key = keys.key('audit-chain');
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  let head: AuditVerification['head'] = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'occurred_at', 'actor_user_id', 'actor_agency_id', 'action', 'entity_type', 'entity_id', 'outcome', 'details', 'prev_hash', 'hash'])
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, head, firstBroken: { seq: row.seq, reason: 'does not link to the entry before it (an entry was inserted or deleted)' } };
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
      if (expected !== row.hash) {
        return { ok: false, checked, head, firstBroken: { seq: row.seq, reason: 'its content does not match its hash (the entry was edited)' } };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      head = { seq: row.seq, hash: row.hash };
      checked++;
    }
  }
  return { ok: true, checked, head };
}
