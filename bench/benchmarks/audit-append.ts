import type { Kysely } from 'kysely';
import type { DB } from '../../server/platform/db/schema.ts';
import type { KeyRing } from '../../server/platform/crypto/keys.ts';
import { chainHash, GENESIS_HASH, recordAuditNow, type ChainFields } from '../../server/platform/audit/audit.ts';
import { verifyAuditChain } from '../../server/platform/audit/verify.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { emit, percentile, positiveInt, round, runConcurrently } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'audit-append';

export const description = 'audit entries appended per second through recordAudit (1 and 8 writers), and verify-audit speed';

export const options: Benchmark['options'] = {
  entries: { type: 'string', default: '2000' },
  'verify-entries': { type: 'string', default: '50000' },
};

/**
 * Every entry takes the chain lock and reads the previous hash, so writers queue behind each other whatever
 * their number: the 8-writer figure shows what that lock costs under contention, not parallel speed-up.
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const entries = positiveInt(values, 'entries');
  const verifyEntries = positiveInt(values, 'verify-entries');
  const haven = await openBenchHaven();
  const { ctx } = haven;
  try {
    const append = (i: number) =>
      recordAuditNow(ctx.db, ctx.keys, { action: 'case.viewed', entityType: 'case', entityId: String(i), details: { via: 'bench', i } });
    await runConcurrently(50, 1, append); // warm-up
    for (const writers of [1, 8]) {
      const { durations, elapsedMs } = await runConcurrently(entries, writers, append);
      const context = { engine: haven.engine, entries, writers };
      emit({ bench: BENCH, metric: 'append_rate', value: round((entries / elapsedMs) * 1000), unit: 'entries/s', ...context });
      emit({ bench: BENCH, metric: 'append_latency_p50', value: round(percentile(durations, 50), 3), unit: 'ms', ...context });
      emit({ bench: BENCH, metric: 'append_latency_p99', value: round(percentile(durations, 99), 3), unit: 'ms', ...context });
    }

    // Reaching 50,000 through recordAudit would take most of a minute; the rest of the trail is written in
    // bulk with the same chain hashes, so the verifier cannot tell the difference.
    const existing = await countEntries(ctx.db);
    await extendChain(ctx.db, ctx.keys, Math.max(0, verifyEntries - existing));
    const started = performance.now();
    const result = await verifyAuditChain(ctx.db, ctx.keys);
    const elapsedMs = performance.now() - started;
    if (!result.ok) throw new Error(`the trail did not verify at seq ${result.firstBroken?.seq}`);
    const context = { engine: haven.engine, entries: result.checked };
    emit({ bench: BENCH, metric: 'verify_rate', value: round((result.checked / elapsedMs) * 1000), unit: 'entries/s', ...context });
    emit({ bench: BENCH, metric: 'verify_time', value: round(elapsedMs), unit: 'ms', ...context });
  } finally {
    await haven.close();
  }
}

async function countEntries(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Appends `count` valid entries after the current head, 1,000 to a statement. */
async function extendChain(db: Kysely<DB>, keys: KeyRing, count: number): Promise<void> {
  const key = keys.key('audit-chain');
  const head = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = head?.hash ?? GENESIS_HASH;
  const base = Date.now();
  for (let done = 0; done < count; ) {
    const rows = [];
    for (const end = Math.min(count, done + 1_000); done < end; done++) {
      const fields: ChainFields = {
        occurredAt: new Date(base + done).toISOString(),
        actorUserId: null,
        actorAgencyId: null,
        action: 'case.viewed',
        entityType: 'case',
        entityId: String(done),
        outcome: 'success',
        details: { via: 'bench', i: done },
      };
      const hash = chainHash(key, prevHash, fields);
      rows.push({ occurred_at: fields.occurredAt, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId, outcome: fields.outcome, details: JSON.stringify(fields.details), prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await db.insertInto('audit_log').values(rows).execute();
  }
}
