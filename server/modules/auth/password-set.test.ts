import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, TEST_PASSWORD } from '../../test/factories.ts';
import { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';

// The listed passwords passed the length and breached-list rules before zxcvbn scored them.
const GUESSABLE = ['P@ssw0rdP@ssw0rd', 'monkeymonkey', 'abcabcabcabc', 'trafficking123'];

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

describe('wherever a password is chosen', () => {
  it('refuses guessable passwords and the person’s own name on activation, then takes a passphrase', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'task_force_coordinator', name: 'Bayou Coalition' });
    const admin = await openSession(h, await createTestUser(h.ctx, { agencyId: agency.id, roles: ['taskforce_admin'] }));
    const created = await admin.post('/api/users', { agencyId: agency.id, email: 'lucia.fernandez@bayou.example', displayName: 'Lucía Fernández', roles: ['agency_admin'] });
    expect(created.statusCode).toBe(201);
    const token = new URL(created.json().activationUrl as string).hash.replace('#token=', '');
    for (const password of [...GUESSABLE, 'Lucía Fernández 1', 'fernandez lucia', 'bayou coalition!']) {
      const refused = await new Agent(h.app).post('/api/activate', { token, password });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error, password).toMatchObject({ code: 'weak_password', fields: [{ path: 'body.password', message: expect.any(String) }] });
    }
    expect((await new Agent(h.app).post('/api/activate', { token, password: 'copper meadow signal 42' })).statusCode).toBe(200);
  });

  it('refuses guessable passwords and the person’s own name when they change it', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Gulf Port Police' });
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'], email: 'tomas.okoro@gulfport.example' });
    const agent = await openSession(h, user);
    for (const newPassword of [...GUESSABLE, 'tomas okoro 2026', 'gulf port police']) {
      const refused = await agent.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json().error.code, newPassword).toBe('weak_password');
    }
    expect((await agent.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet canyon ribbon 88' })).statusCode).toBe(204);
  });
});
