import type { AppContext } from '../context.ts';
import { sweepAccounts } from '../../modules/users/account-sweep.ts';
import { flagOverdueUrgentTips } from '../../modules/tips/tips.sla.ts';
import { checkpointIfChanged } from '../audit/checkpoint.ts';
import { applyRetention } from '../../modules/survivors/retention.ts';
import { rekeyNames } from '../../modules/entities/rekey-names.ts';
import { rekeySurvivorNames } from '../../modules/survivors/rekey-names.ts';

export type JobHandler = (ctx: AppContext, payload: unknown) => Promise<void>;

/** Every kind of background job and its handler. */
export const jobHandlers: Record<string, JobHandler> = {
  'accounts.sweep': async (ctx) => {
    await sweepAccounts(ctx);
  },
  'tips.sla-check': async (ctx) => {
    await flagOverdueUrgentTips(ctx);
  },
  'tips.sla-sweep': async (ctx) => {
    await flagOverdueUrgentTips(ctx);
  },
  'audit.checkpoint': async (ctx) => {
    await checkpointIfChanged(ctx.db, ctx.keys);
  },
  'survivors.retention': async (ctx) => {
    await applyRetention(ctx);
  },
  // Queued once by the migration after the name normalizer learned every script; rerunning changes nothing.
  'names.rekey': async (ctx) => {
    await rekeyNames(ctx);
    await rekeySurvivorNames(ctx);
  },
};

/**
 * Jobs that must always have a next run queued, and how long after a run finishes the next one is due. The
 * runner queues the next run once a run is done: a handler cannot, because its own run still holds the
 * recurring dedupe key while it works.
 */
export const recurringJobs = [
  { kind: 'accounts.sweep', everyMs: 24 * 3_600_000 },
  { kind: 'tips.sla-sweep', everyMs: 5 * 60_000 },
  // Ties the audit lanes together, so cutting the end off one lane is caught at the next checkpoint.
  { kind: 'audit.checkpoint', everyMs: 10 * 60_000 },
  // Each agency's retention rules for survivor records (decision 010).
  { kind: 'survivors.retention', everyMs: 24 * 3_600_000 },
] as const;
