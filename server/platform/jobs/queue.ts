import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** At most one pending or running job per key: enqueueing again is a no-op. */
  dedupeKey?: string;
}

/** Adds a job in the caller's transaction, so the work is promised exactly when the change commits. */
export async function enqueueJob(db: Kysely<DB> | Transaction<DB>, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload ?? {}),
      ...(options.runAt ? { run_at: options.runAt } : {}),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      dedupe_key: options.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.expression(sql`dedupe_key`).where('status', 'in', ['pending', 'running']).doNothing())
    .execute();
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims the next due job. The lease (locked_until) means a job whose worker died is picked up again when
 * the lease runs out; SKIP LOCKED lets several servers claim side by side.
 */
export async function claimNextJob(db: Kysely<DB>, now: Date, leaseMs: number): Promise<ClaimedJob | null> {
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), locked_until: new Date(now.getTime() + leaseMs) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('run_at', '<=', now)
        .where((w) => w.or([w('status', '=', 'pending'), w.and([w('status', '=', 'running'), w('locked_until', '<', now)])]))
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts } : null;
}

export async function completeJob(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', finished_at: now, locked_until: null }).where('id', '=', id).execute();
}

/** Backs off exponentially (30 s, 1 min, 2 min, …, at most an hour); gives up after max attempts. */
export async function failJob(db: Kysely<DB>, job: ClaimedJob, error: string, now: Date): Promise<void> {
  const finalFailure = job.attempts >= job.maxAttempts;
  const delayMs = Math.min(3_600_000, 30_000 * 2 ** (job.attempts - 1));
  await db
    .updateTable('jobs')
    .set(
      finalFailure
        ? { status: 'failed', last_error: error.slice(0, 2000), finished_at: now, locked_until: null }
        : { status: 'pending', last_error: error.slice(0, 2000), run_at: new Date(now.getTime() + delayMs), locked_until: null },
    )
    .where('id', '=', job.id)
    .execute();
}
