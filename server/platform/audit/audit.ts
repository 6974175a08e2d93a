import { createHmac } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { KeyRing } from '../crypto/keys.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One thing that happened. Ids and reasons only: never the sensitive values themselves. */
export interface AuditEvent {
  actorUserId?: string | null;
  actorAgencyId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, string | number | boolean | null | string[]>;
}

/** Where every lane began before lanes had beginnings of their own; still accepted for those old lanes (verify.ts). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The `prev_hash` of a lane's first entry: keyed and different for every lane, so genuine entries copied from
 * one lane into another (or into a lane number no writer uses) never link, and nobody without the key can
 * start a lane of their own.
 */
export function laneGenesis(key: Buffer, lane: number): string {
  return createHmac('sha256', key).update(`haven:audit-lane-genesis:${lane}`).digest('hex');
}

/**
 * The trail is this many chains ("lanes"). A connection always writes to the same lane, under that lane's
 * lock, so audited transactions on different connections commit in parallel instead of one at a time.
 * Checkpoint entries tie the lanes together (checkpoint.ts).
 */
export const AUDIT_LANES = 8;
/** Lanes the schema allows; a checkpoint covers them all, whatever AUDIT_LANES was when entries were written. */
export const MAX_AUDIT_LANES = 64;
/** First half of the two-part advisory lock key of every lane (the lane number is the second). */
export const LANE_LOCK = 7_240_001;

export interface ChainFields {
  occurredAt: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
}

/** The keyed hash of one entry: HMAC over the previous hash and the entry's fields in a fixed order. */
export function chainHash(key: Buffer, prevHash: string, f: ChainFields): string {
  const canonical = JSON.stringify([
    prevHash,
    f.occurredAt,
    f.actorUserId,
    f.actorAgencyId,
    f.action,
    f.entityType,
    f.entityId,
    f.outcome,
    sortKeys(f.details),
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
}

/**
 * Appends one entry to the hash-chained trail inside the caller's transaction, so a change and its audit
 * entry commit together or not at all. Record failures and denials with `recordAuditNow`, which commits on
 * its own even when the caller's work is rolled back.
 */
export async function recordAudit(trx: Transaction<DB>, keys: KeyRing, event: AuditEvent): Promise<{ seq: number; hash: string }> {
  // Locks this connection's lane until the transaction ends and reads the lane's head, in one round trip.
  const head = await sql<{ head_lane: number; head_hash: string | null }>`select head_lane, head_hash from audit_lane_head(${AUDIT_LANES})`.execute(trx);
  const key = keys.key('audit-chain');
  const lane = head.rows[0]!.head_lane;
  const prevHash = head.rows[0]!.head_hash ?? laneGenesis(key, lane);
  const fields: ChainFields = {
    occurredAt: new Date().toISOString(),
    actorUserId: event.actorUserId ?? null,
    actorAgencyId: event.actorAgencyId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? 'success',
    details: event.details ?? {},
  };
  return trx
    .insertInto('audit_log')
    .values({
      occurred_at: fields.occurredAt,
      actor_user_id: fields.actorUserId,
      actor_agency_id: fields.actorAgencyId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      outcome: fields.outcome,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash: chainHash(key, prevHash, fields),
      lane,
    })
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

/** Records an entry in a transaction of its own. Never call it while holding another transaction. */
export async function recordAuditNow(db: Kysely<DB>, keys: KeyRing, event: AuditEvent): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, keys, event);
  });
}
