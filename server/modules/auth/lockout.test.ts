import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { Agent, currentCode, signIn } from '../../test/agent.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const ATTACKER = '203.0.113.66';
// Each test signs in wrongly from its own address: the per-address rate limit (20 a minute) runs on real time.
const failFrom = (email: string, remoteAddress = ATTACKER) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'a wrong password guess' }, remoteAddress });

async function setUp() {
  const agency = await createTestAgency(h.ctx);
  const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
  const admin = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['agency_admin'] });
  return { person, admin };
}

describe('staff sign-in lockout', () => {
  it('does not count failures faster than a person could type: a burst of wrong passwords does not lock the account', async () => {
    const { person } = await setUp();
    for (let i = 0; i < 20; i++) expect((await failFrom(person.email)).statusCode).toBe(401);
    const row = await h.ctx.db.selectFrom('users').select(['failed_count']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.failed_count).toBe(1);
    h.clock.advance(5_000);
    await expect(signIn(h.app, h.clock, person)).resolves.toBeDefined();
  });

  it('locks after five typed failures but keeps the person signed in elsewhere, and shows the lock and its source to administrators', async () => {
    const { person, admin } = await setUp();
    const working = await signIn(h.app, h.clock, person);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5_000);
      await failFrom(person.email, '203.0.113.67');
    }
    h.clock.advance(5_000);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: person.password } })).statusCode).toBe(401);
    // Someone else's wrong guesses end no one's work in progress.
    expect((await working.get('/api/auth/session')).statusCode).toBe(200);

    const adminAgent = await signIn(h.app, h.clock, admin);
    const view = (await adminAgent.get(`/api/users/${person.id}`)).json();
    expect(view.status).toBe('locked');
    expect(view.signInLock).toMatchObject({ failures: 5 });
    expect(view.signInLock.lockedAt).toEqual(expect.any(String));
    expect(view.signInLock.source).toMatch(/^[a-z0-9-]{6,}$/i);
    expect(JSON.stringify(view)).not.toContain('203.0.113');

    const audit = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', person.id).where('action', 'in', ['auth.sign_in', 'user.locked']).execute();
    const locked = audit.find((a) => a.action === 'user.locked');
    expect(locked?.details).toMatchObject({ reason: 'too_many_failures', failures: 5, source: view.signInLock.source });
    expect(JSON.stringify(audit)).not.toContain(ATTACKER);
    expect(JSON.stringify(audit)).not.toContain('203.0.113');

    expect((await adminAgent.post(`/api/users/${person.id}/unlock`)).json()).toMatchObject({ status: 'active', signInLock: null });
    h.clock.advance(31_000);
    await expect(signIn(h.app, h.clock, person)).resolves.toBeDefined();
  });

  it('labels two sources differently and one source the same each time', async () => {
    const { person } = await setUp();
    await failFrom(person.email, '198.51.100.1');
    h.clock.advance(5_000);
    await failFrom(person.email, '198.51.100.2');
    h.clock.advance(5_000);
    await failFrom(person.email, '198.51.100.1');
    const sources = (await h.ctx.db.selectFrom('audit_log').select('details').where('entity_id', '=', person.id).where('action', '=', 'auth.sign_in').orderBy('seq').execute()).map((a) => (a.details as { source?: string }).source);
    expect(sources).toHaveLength(3);
    expect(sources[0]).toBe(sources[2]);
    expect(sources[0]).not.toBe(sources[1]);
  });
  it('takes the right password typed at once after a slip, without counting the slip twice', async () => {
    const { person } = await setUp();
    h.clock.advance(5_000);
    expect((await failFrom(person.email, '198.51.100.9')).statusCode).toBe(401);
    const retyped = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: person.password }, remoteAddress: '198.51.100.9' });
    expect(retyped.statusCode).toBe(200);
  });

  it('asks a person to wait a moment after a wrong code instead of calling the right code wrong, then takes it', async () => {
    const { person } = await setUp();
    h.clock.advance(5_000);
    const agent = new Agent(h.app);
    expect((await agent.post('/api/auth/login', { email: person.email, password: person.password })).statusCode).toBe(200);
    expect((await agent.post('/api/auth/mfa/verify', { code: '000000' })).statusCode).toBe(401);
    const atOnce = await agent.post('/api/auth/mfa/verify', { code: currentCode(person.totpSecret!, h.clock) });
    expect(atOnce.statusCode).toBe(429);
    expect(atOnce.json().error.message).toMatch(/Wait a few seconds/);
    h.clock.advance(5_000);
    expect((await agent.post('/api/auth/mfa/verify', { code: currentCode(person.totpSecret!, h.clock) })).statusCode).toBe(200);
  });
});
