import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { Agent, currentCode, signIn } from '../../test/agent.ts';
import { totpAt, timeStep } from './totp.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

describe('sign-in with TOTP', () => {
  it('signs in with password then code, and reaches the session', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const agent = await signIn(h.app, h.clock, user);
    const session = await agent.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().mfa).toBe('complete');
    expect(session.json().user.roles).toEqual(['investigator']);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('renews the session token at each step and refuses the pre-MFA token afterwards', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const agent = new Agent(h.app);
    await agent.post('/api/auth/login', { email: user.email, password: user.password });
    const pending = agent.cookie;
    expect((await agent.get('/api/agencies')).json().error.code).toBe('mfa_required');
    await agent.post('/api/auth/mfa/verify', { code: currentCode(user.totpSecret!, h.clock) });
    expect(agent.cookie).not.toBe(pending);
    const stale = new Agent(h.app);
    stale.cookie = pending;
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a code that was already used', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const code = currentCode(user.totpSecret!, h.clock);
    const first = new Agent(h.app);
    await first.post('/api/auth/login', { email: user.email, password: user.password });
    expect((await first.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);
    const second = new Agent(h.app);
    await second.post('/api/auth/login', { email: user.email, password: user.password });
    const replay = await second.post('/api/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('mfa_invalid');
  });

  it('answers the same for an unknown account and a wrong password', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const wrong = await new Agent(h.app).post('/api/auth/login', { email: user.email, password: 'not the password at all' });
    const unknown = await new Agent(h.app).post('/api/auth/login', { email: 'nobody@nowhere.test', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it('locks the account after five failures in 15 minutes, even for the right password, until unlocked', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const admin = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['agency_admin'] });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5_000); // failures closer together than a person types count once
      await new Agent(h.app).post('/api/auth/login', { email: user.email, password: `wrong password ${i}` });
    }
    h.clock.advance(5_000);
    const locked = await new Agent(h.app).post('/api/auth/login', { email: user.email, password: user.password });
    expect(locked.statusCode).toBe(401);
    const adminAgent = await signIn(h.app, h.clock, admin);
    expect((await adminAgent.post(`/api/users/${user.id}/unlock`)).json().status).toBe('active');
    h.clock.advance(31_000);
    await expect(signIn(h.app, h.clock, user)).resolves.toBeInstanceOf(Agent);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    h.clock.advance(31_000);
    const agent = await signIn(h.app, h.clock, user);
    h.clock.advance(29 * 60_000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('requires the CSRF token for signed-in writes', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    h.clock.advance(31_000);
    const agent = await signIn(h.app, h.clock, user);
    const noToken = await h.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: `haven_session=${agent.cookie}` }, payload: { locale: 'es' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    expect((await agent.patch('/api/me', { locale: 'es' })).json().locale).toBe('es');
  });

  it('enrolls a new person: QR and secret, a first code, ten recovery codes that each work once', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'], enrolled: false });
    const agent = new Agent(h.app);
    expect((await agent.post('/api/auth/login', { email: user.email, password: user.password })).json().next).toBe('enroll');
    const enrollment = (await agent.get('/api/auth/mfa/enrollment')).json();
    expect(enrollment.qrSvg).toContain('<svg');
    expect(enrollment.otpauthUri).toContain(`secret=${enrollment.secret}`);
    const bad = await agent.post('/api/auth/mfa/enroll', { code: '000000' === totpAt(enrollment.secret, timeStep(h.clock.now())) ? '111111' : '000000' });
    expect(bad.statusCode).toBe(401);
    h.clock.advance(3_000); // a person retyping; a code sent on the heels of a wrong one is not tried
    const done = await agent.post('/api/auth/mfa/enroll', { code: totpAt(enrollment.secret, timeStep(h.clock.now())) });
    expect(done.statusCode).toBe(200);
    const codes: string[] = done.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    const again = new Agent(h.app);
    await again.post('/api/auth/login', { email: user.email, password: user.password });
    expect((await again.post('/api/auth/mfa/verify', { recoveryCode: codes[0] })).statusCode).toBe(200);
    const reuse = new Agent(h.app);
    await reuse.post('/api/auth/login', { email: user.email, password: user.password });
    expect((await reuse.post('/api/auth/mfa/verify', { recoveryCode: codes[0] })).statusCode).toBe(401);
  });
});
