import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { runDueJobs, scheduleRecurringJobs } from '../../platform/jobs/runner.ts';

let h: TestHaven;
let agency: TestAgency;
beforeAll(async () => {
  h = await createTestApp();
  agency = await createTestAgency(h.ctx, { type: 'law_enforcement' });
});
afterAll(async () => h.close());

const DAY = 24 * 3_600_000;
const MINUTE = 60_000;

async function lastActive(userId: string, msAgo: number): Promise<void> {
  await h.ctx.db.updateTable('users').set({ last_active_at: new Date(h.clock.now().getTime() - msAgo) }).where('id', '=', userId).execute();
}

async function status(userId: string) {
  return h.ctx.db.selectFrom('users').select(['disabled_at', 'disabled_reason']).where('id', '=', userId).executeTakeFirstOrThrow();
}

async function sweepJobs() {
  return h.ctx.db.selectFrom('jobs').select(['id', 'status', 'run_at']).where('kind', '=', 'accounts.sweep').orderBy('id').execute();
}

describe('the account sweep', () => {
  it('disables accounts unused for 90 days, and only those, through the job runner', async () => {
    const stale = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const justStale = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const almost = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const recent = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const alreadyDisabled = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    await lastActive(stale.id, 200 * DAY);
    await lastActive(justStale.id, 90 * DAY + MINUTE);
    await lastActive(almost.id, 90 * DAY - MINUTE);
    await lastActive(recent.id, DAY);
    await lastActive(alreadyDisabled.id, 400 * DAY);
    const earlier = new Date(h.clock.now().getTime() - 300 * DAY);
    await h.ctx.db.updateTable('users').set({ disabled_at: earlier, disabled_reason: 'by_administrator' }).where('id', '=', alreadyDisabled.id).execute();
    const staleSession = await openSession(h, stale);

    await scheduleRecurringJobs(h.ctx);
    await runDueJobs(h.ctx);
    expect((await sweepJobs()).map((j) => j.status)).toEqual(['done', 'pending']);

    expect(await status(stale.id)).toMatchObject({ disabled_reason: 'inactive' });
    expect(await status(justStale.id)).toMatchObject({ disabled_reason: 'inactive' });
    expect(await status(almost.id)).toEqual({ disabled_at: null, disabled_reason: null });
    expect(await status(recent.id)).toEqual({ disabled_at: null, disabled_reason: null });
    expect(await status(alreadyDisabled.id)).toEqual({ disabled_at: earlier, disabled_reason: 'by_administrator' });

    expect((await staleSession.get('/api/auth/session')).statusCode).toBe(401);
    expect((await new Agent(h.app).post('/api/auth/login', { email: stale.email, password: stale.password })).statusCode).toBe(401);

    const entries = await h.ctx.db.selectFrom('audit_log').select(['entity_id', 'actor_user_id', 'actor_agency_id', 'details']).where('action', '=', 'user.disabled').orderBy('seq').execute();
    expect(entries.map((e) => e.entity_id).sort()).toEqual([stale.id, justStale.id].sort());
    for (const e of entries) expect(e).toMatchObject({ actor_user_id: null, actor_agency_id: agency.id, details: { reason: 'inactive', days: 90 } });
  });

  it('queues the next sweep a day later instead of running again at the next tick', async () => {
    await scheduleRecurringJobs(h.ctx);
    await runDueJobs(h.ctx);
    const afterRun = await sweepJobs();
    const pending = afterRun.filter((j) => j.status === 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]!.run_at.getTime()).toBeGreaterThanOrEqual(h.clock.now().getTime() + DAY - MINUTE);

    // The runner's next ticks find the next sweep already queued: no sweep runs until it is due.
    for (let tick = 0; tick < 3; tick++) {
      await scheduleRecurringJobs(h.ctx);
      await runDueJobs(h.ctx);
    }
    expect(await sweepJobs()).toEqual(afterRun);

    h.clock.advance(DAY);
    await scheduleRecurringJobs(h.ctx);
    await runDueJobs(h.ctx);
    const nextDay = await sweepJobs();
    expect(nextDay.filter((j) => j.status === 'done')).toHaveLength(afterRun.filter((j) => j.status === 'done').length + 1);
    expect(nextDay.filter((j) => j.status === 'pending')).toHaveLength(1);
  });

  it('is safe to run twice: a second sweep disables no one else', async () => {
    const recent = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    await lastActive(recent.id, 10 * DAY);
    const before = await h.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.disabled').execute();
    h.clock.advance(DAY);
    await scheduleRecurringJobs(h.ctx);
    await runDueJobs(h.ctx);
    expect(await status(recent.id)).toEqual({ disabled_at: null, disabled_reason: null });
    const after = await h.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.disabled').execute();
    expect(after).toEqual(before);
  });
});
