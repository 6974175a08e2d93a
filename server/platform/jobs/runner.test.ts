import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { enqueueJob } from './queue.ts';
import { jobHandlers } from './registry.ts';
import { runDueJobs } from './runner.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const SECOND = 1_000;
const added: string[] = [];
afterEach(() => {
  for (const kind of added.splice(0)) delete jobHandlers[kind];
});

/** Registers a handler for this test only. */
function handle(kind: string, handler: (payload: unknown) => Promise<void>): void {
  jobHandlers[kind] = async (_ctx, payload) => handler(payload);
  added.push(kind);
}

async function job(kind: string) {
  return h.ctx.db.selectFrom('jobs').select(['status', 'attempts', 'run_at', 'last_error', 'finished_at']).where('kind', '=', kind).executeTakeFirstOrThrow();
}

describe('the job runner', () => {
  it('runs a due job once with its payload and marks it done', async () => {
    const payloads: unknown[] = [];
    handle('test.echo', async (payload) => void payloads.push(payload));
    await enqueueJob(h.ctx.db, 'test.echo', { n: 7 }, { runAt: h.clock.now() });
    expect(await runDueJobs(h.ctx)).toBe(1);
    expect(payloads).toEqual([{ n: 7 }]);
    expect(await job('test.echo')).toMatchObject({ status: 'done', attempts: 1 });
    expect(await runDueJobs(h.ctx)).toBe(0);
  });

  it('does not run a job before its time', async () => {
    let ran = 0;
    handle('test.later', async () => void ran++);
    await enqueueJob(h.ctx.db, 'test.later', {}, { runAt: new Date(h.clock.now().getTime() + 60 * SECOND) });
    expect(await runDueJobs(h.ctx)).toBe(0);
    h.clock.advance(60 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(1);
    expect(ran).toBe(1);
  });

  it('retries a failing job with growing waits, then marks it failed with the error', async () => {
    let calls = 0;
    handle('test.flaky', async () => {
      calls++;
      throw new Error(`remote service unavailable (attempt ${calls})`);
    });
    await enqueueJob(h.ctx.db, 'test.flaky', {}, { runAt: h.clock.now(), maxAttempts: 3 });

    expect(await runDueJobs(h.ctx)).toBe(1);
    let state = await job('test.flaky');
    expect(state).toMatchObject({ status: 'pending', attempts: 1, last_error: 'remote service unavailable (attempt 1)' });
    expect(state.run_at.getTime() - h.clock.now().getTime()).toBeGreaterThan(29 * SECOND);

    // Not before the first wait (30 s) is over.
    h.clock.advance(29 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(0);
    h.clock.advance(1 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(1);
    state = await job('test.flaky');
    expect(state).toMatchObject({ status: 'pending', attempts: 2 });
    // The second wait is twice as long.
    h.clock.advance(59 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(0);
    h.clock.advance(1 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(1);

    state = await job('test.flaky');
    expect(state).toMatchObject({ status: 'failed', attempts: 3, last_error: 'remote service unavailable (attempt 3)' });
    expect(state.finished_at).not.toBeNull();
    h.clock.advance(3_600 * SECOND);
    expect(await runDueJobs(h.ctx)).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails a job whose kind has no handler instead of losing it silently', async () => {
    await enqueueJob(h.ctx.db, 'test.unknown-kind', {}, { runAt: h.clock.now(), maxAttempts: 1 });
    expect(await runDueJobs(h.ctx)).toBe(1);
    expect(await job('test.unknown-kind')).toMatchObject({ status: 'failed', last_error: expect.stringContaining('No handler') });
  });

  it('keeps one pending job per dedupe key', async () => {
    handle('test.once', async () => {});
    for (let i = 0; i < 3; i++) await enqueueJob(h.ctx.db, 'test.once', { i }, { runAt: h.clock.now(), dedupeKey: 'test:once' });
    const rows = await h.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'test.once').execute();
    expect(rows).toEqual([{ payload: { i: 0 } }]);
  });
});
