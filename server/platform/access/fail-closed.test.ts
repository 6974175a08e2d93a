import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';

// A module's routes as someone might write them on a bad day: a staff read and a write, no sign-in check.
async function forgetfulModule(app: FastifyInstance): Promise<void> {
  await app.register(
    async (api) => {
      api.get('/forgotten/records', async () => ({ records: ['secret'] }));
      api.post('/forgotten/records', async () => ({ written: true }));
      api.get('/forgotten/open', { config: { public: true } }, async () => ({ open: true }));
    },
    { prefix: '/api' },
  );
}

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp({ extraRoutes: forgetfulModule });
});
afterAll(async () => h.close());

describe('an /api/ route that forgets its sign-in check', () => {
  it('answers 401 to a caller without a session, and runs nothing', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const answer = await new Agent(h.app).request(method, '/api/forgotten/records', method === 'POST' ? {} : undefined);
      expect(answer.statusCode, method).toBe(401);
      expect(answer.json().error.code, method).toBe('unauthenticated');
      expect(answer.body).not.toContain('secret');
    }
  });

  it('answers 401 mfa_required to a session that has not passed the second factor', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    for (const stage of ['verify', 'enroll'] as const) {
      const answer = await (await openSession(h, user, stage)).get('/api/forgotten/records');
      expect(answer.statusCode, stage).toBe(401);
      expect(answer.json().error.code, stage).toBe('mfa_required');
    }
    expect((await (await openSession(h, user)).get('/api/forgotten/records')).statusCode).toBe(200);
  });

  it('is open only when the route says so itself', async () => {
    expect((await new Agent(h.app).get('/api/forgotten/open')).json()).toEqual({ open: true });
  });

  it('still answers 404 for a path no route has', async () => {
    expect((await new Agent(h.app).get('/api/no/such/route')).statusCode).toBe(404);
  });
});

describe('the API docs pages', () => {
  it('are public, as their plugin’s routes are marked', async () => {
    expect((await new Agent(h.app).get('/api/docs/json')).statusCode).toBe(200);
    expect((await new Agent(h.app).get('/api/openapi.json')).statusCode).toBe(200);
  });
});
