import type { AppContext } from '../context.ts';
import { sweepAccounts } from '../../modules/users/account-sweep.ts';
import { flagOverdueUrgentTips } from '../../modules/tips/tips.sla.ts';
import { enqueueJob } from './queue.ts';

export type JobHandler = (ctx: AppContext, payload: unknown) => Promise<void>;

/** Every kind of background job and its handler. */
export const jobHandlers: Record<string, JobHandler> = {
  'accounts.sweep': async (ctx) => {
    await sweepAccounts(ctx);
    // The next sweep is queued by the handler itself, a day later.
    await enqueueJob(ctx.db, 'accounts.sweep', {}, { dedupeKey: 'recurring:accounts.sweep', runAt: new Date(ctx.now().getTime() + 24 * 3_600_000) });
  },
  'tips.sla-check': async (ctx) => {
    await flagOverdueUrgentTips(ctx);
  },
  'tips.sla-sweep': async (ctx) => {
    await flagOverdueUrgentTips(ctx);
    await enqueueJob(ctx.db, 'tips.sla-sweep', {}, { dedupeKey: 'recurring:tips.sla-sweep', runAt: new Date(ctx.now().getTime() + 5 * 60_000) });
  },
};

/** Jobs that must always have a next run queued. */
export const recurringJobs = [{ kind: 'accounts.sweep' }, { kind: 'tips.sla-sweep' }] as const;
