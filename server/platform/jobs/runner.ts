import type { AppContext } from '../context.ts';
import { claimNextJob, completeJob, enqueueJob, failJob } from './queue.ts';
import { jobHandlers, recurringJobs } from './registry.ts';

const LEASE_MS = 5 * 60_000;

export interface JobRunner {
  /** Runs every due job now; for tests and the CLI. Returns how many ran. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs due jobs one at a time. Handlers must be idempotent: a job may run again after a crash. */
export async function runDueJobs(ctx: AppContext, limit = 100): Promise<number> {
  let ran = 0;
  for (; ran < limit; ran++) {
    const job = await claimNextJob(ctx.db, ctx.now(), LEASE_MS);
    if (!job) break;
    const handler = jobHandlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      await handler(ctx, job.payload);
      await completeJob(ctx.db, job.id, ctx.now());
      const recurring = recurringJobs.find((r) => r.kind === job.kind);
      if (recurring) await enqueueJob(ctx.db, job.kind, {}, { dedupeKey: recurringKey(job.kind), runAt: new Date(ctx.now().getTime() + recurring.everyMs) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: message }, 'job failed');
      await failJob(ctx.db, job, message, ctx.now());
    }
  }
  return ran;
}

const recurringKey = (kind: string) => `recurring:${kind}`;

/** Makes sure each recurring job has its next run queued. */
export async function scheduleRecurringJobs(ctx: AppContext): Promise<void> {
  for (const job of recurringJobs) {
    await enqueueJob(ctx.db, job.kind, {}, { dedupeKey: recurringKey(job.kind), runAt: ctx.now() });
  }
}

export function startJobRunner(ctx: AppContext): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    try {
      await scheduleRecurringJobs(ctx);
      await runDueJobs(ctx);
    } catch (error) {
      ctx.log.error({ error: error instanceof Error ? error.message : String(error) }, 'job runner tick failed');
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, ctx.config.jobPollMs);
    });
  };
  loop();
  return {
    drain: () => runDueJobs(ctx),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
