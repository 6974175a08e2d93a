import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';

// SESSION_IDLE_MINUTES=1: the shortest idle limit an operator can set.
let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp({ config: { sessionIdleMs: 60_000 } });
});
afterAll(async () => h.close());

async function freshAgent(): Promise<Agent> {
  const agency = await createTestAgency(h.ctx);
  return openSession(h, await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] }));
}

const background = (agent: Agent) => agent.request('GET', '/api/notifications?unread=true', undefined, { 'x-haven-background': '1' });

describe('the idle limit', () => {
  it('keeps a session alive while the person uses it every 15 seconds, well past the idle limit', async () => {
    const agent = await freshAgent();
    for (let elapsed = 0; elapsed < 5 * 60_000; elapsed += 15_000) {
      h.clock.advance(15_000);
      const answer = await agent.get('/api/auth/session');
      expect(answer.statusCode, `after ${(elapsed + 15_000) / 1000} s`).toBe(200);
    }
  });

  it('counts a request the person made between polls', async () => {
    const agent = await freshAgent();
    h.clock.advance(40_000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    h.clock.advance(40_000);
    expect((await background(agent)).statusCode).toBe(200);
    h.clock.advance(40_000);
    expect((await background(agent)).statusCode).toBe(401);
  });
});

// A longer limit, so that the old once-a-minute touch would have kept a polled session alive.
describe('background polling under a 4-minute idle limit', () => {
  let h4: TestHaven;
  beforeAll(async () => {
    h4 = await createTestApp({ config: { sessionIdleMs: 4 * 60_000 } });
  });
  afterAll(async () => h4.close());

  it('does not count as activity: a session only polled ends at the idle limit', async () => {
    const agency = await createTestAgency(h4.ctx);
    const agent = await openSession(h4, await createTestUser(h4.ctx, { agencyId: agency.id, roles: ['analyst'] }));
    const poll = () => agent.request('GET', '/api/notifications?unread=true', undefined, { 'x-haven-background': '1' });
    for (let elapsed = 15_000; elapsed < 4 * 60_000; elapsed += 15_000) {
      h4.clock.advance(15_000);
      expect((await poll()).statusCode, `poll after ${elapsed / 1000} s`).toBe(200);
    }
    h4.clock.advance(16_000);
    const ended = await poll();
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('unauthenticated');
    const row = await h4.ctx.db.selectFrom('sessions').select('end_reason').where('ended_at', 'is not', null).executeTakeFirstOrThrow();
    expect(row.end_reason).toBe('idle');
  });
});
