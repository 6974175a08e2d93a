import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestUser } from '../../test/factories.ts';
import { Agent, signIn } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { timeStep, totpAt } from '../auth/totp.ts';
import { issueSetupLinkIfNeeded } from './setup.service.ts';

// The set-up tests run in order on one database: the first ones find it empty, the later ones find the first
// administrator they created.
let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const HOUR = 3_600_000;
let setupToken = '';
const PASSWORD = 'mossy granite lighthouse 7';
const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');

function setupBody(token: string, overrides: Record<string, string> = {}) {
  return { token, agencyName: 'Riverside Task Force', displayName: 'Dana Reyes', email: 'Dana.Reyes@riverside.example', password: PASSWORD, ...overrides };
}

async function linkToken(): Promise<string> {
  const url = await issueSetupLinkIfNeeded(h.ctx);
  expect(url).not.toBeNull();
  expect(url!.startsWith(`${h.ctx.config.publicUrl}/staff/setup#token=`)).toBe(true);
  return tokenOf(url!);
}

/** Signs in a person who has just chosen a password: password, then enrolment with a first code. */
async function signInAndEnroll(email: string, password: string): Promise<Agent> {
  const agent = new Agent(h.app);
  const login = await agent.post('/api/auth/login', { email, password });
  expect(login.statusCode).toBe(200);
  expect(login.json().next).toBe('enroll');
  expect((await agent.get('/api/agencies')).json().error.code).toBe('mfa_required');
  const { secret } = (await agent.get('/api/auth/mfa/enrollment')).json();
  const enrolled = await agent.post('/api/auth/mfa/enroll', { code: totpAt(secret, timeStep(h.clock.now())) });
  expect(enrolled.statusCode).toBe(200);
  return agent;
}

describe('first administrator', () => {
  it('reports that set-up is needed while nobody has an account', async () => {
    const status = await new Agent(h.app).get('/api/setup/status');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual({ needsSetup: true });
  });

  it('refuses a set-up link once it has expired after 24 hours', async () => {
    const token = await linkToken();
    h.clock.advance(24 * HOUR + 1_000);
    const late = await new Agent(h.app).post('/api/setup', setupBody(token));
    expect(late.statusCode).toBe(403);
    expect(late.json().error.fields).toEqual([{ path: 'body.token', message: expect.any(String) }]);
    expect((await new Agent(h.app).get('/api/setup/status')).json().needsSetup).toBe(true);
  });

  it('retires the earlier link when a new one is issued', async () => {
    const first = await linkToken();
    const second = await linkToken();
    expect(second).not.toBe(first);
    expect((await new Agent(h.app).post('/api/setup', setupBody(first))).statusCode).toBe(403);
  });

  it('refuses weak and common passwords with the field named, and keeps the link usable', async () => {
    const token = await linkToken();
    const guessable = ['P@ssw0rdP@ssw0rd', 'monkeymonkey', 'abcabcabcabc', 'trafficking123', 'Dana Reyes Riverside', 'riverside task force'];
    for (const password of ['short', 'Password123456!', 'iloveyou2026!!', 'riverside dana.reyes', 'aaaaaaaaaaaaaaaa', 'haven haven haven', ...guessable]) {
      const refused = await new Agent(h.app).post('/api/setup', setupBody(token, { password }));
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error.code, password).toBe('weak_password');
      expect(refused.json().error.fields, password).toEqual([{ path: 'body.password', message: expect.any(String) }]);
    }
    const missing = await new Agent(h.app).post('/api/setup', { token, agencyName: 'X', email: 'not an email' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.agencyName', 'body.displayName', 'body.email', 'body.password']);
    expect((await new Agent(h.app).get('/api/setup/status')).json().needsSetup).toBe(true);
    // The refusals did not use the link up: the next test completes set-up with it.
    setupToken = token;
  });

  it('creates the coordinating agency and the first task-force administrator, once', async () => {
    const token = setupToken;
    const done = await new Agent(h.app).post('/api/setup', setupBody(token));
    expect(done.statusCode).toBe(201);
    const { userId } = done.json();
    const user = await h.ctx.db.selectFrom('users').select(['email', 'agency_id', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user.email).toBe('dana.reyes@riverside.example');
    const agency = await h.ctx.db.selectFrom('agencies').select(['name', 'type']).where('id', '=', user.agency_id).executeTakeFirstOrThrow();
    expect(agency).toEqual({ name: 'Riverside Task Force', type: 'task_force_coordinator' });
    const roles = await h.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['agency_admin', 'taskforce_admin']);

    const again = await new Agent(h.app).post('/api/setup', setupBody(token, { email: 'someone.else@riverside.example' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_set_up');
    expect((await new Agent(h.app).get('/api/setup/status')).json().needsSetup).toBe(false);
    expect(await issueSetupLinkIfNeeded(h.ctx)).toBeNull();
    expect(await h.ctx.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('has the first administrator enroll a second factor at first sign-in', async () => {
    const admin = await signInAndEnroll('dana.reyes@riverside.example', PASSWORD);
    const session = (await admin.get('/api/auth/session')).json();
    expect(session.mfa).toBe('complete');
    expect([...session.user.roles].sort()).toEqual(['agency_admin', 'taskforce_admin']);
  });
});

describe('activation', () => {
  async function adminAgent(): Promise<{ agent: Agent; agencyId: string }> {
    const row = await h.ctx.db.selectFrom('users').select(['id', 'agency_id']).where('email', '=', 'dana.reyes@riverside.example').executeTakeFirstOrThrow();
    return { agent: await openSession(h, { id: row.id }), agencyId: row.agency_id };
  }

  it('lets a new person choose a password once through their link, then sign in and enroll', async () => {
    const { agent, agencyId } = await adminAgent();
    const created = await agent.post('/api/users', { agencyId, email: 'Sam.Okafor@riverside.example', displayName: 'Sam Okafor', roles: ['coordinator'] });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.status).toBe('invited');
    const url: string = created.json().activationUrl;
    expect(url.startsWith(`${h.ctx.config.publicUrl}/staff/activate#token=`)).toBe(true);
    const token = tokenOf(url);

    // Nobody can sign in to an invited account, whatever they try.
    expect((await new Agent(h.app).post('/api/auth/login', { email: 'sam.okafor@riverside.example', password: 'anything at all 123' })).statusCode).toBe(401);

    const weak = await new Agent(h.app).post('/api/activate', { token, password: 'password12345' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual([{ path: 'body.password', message: expect.any(String) }]);

    const activated = await new Agent(h.app).post('/api/activate', { token, password: 'copper meadow signal 42' });
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toEqual({ email: 'sam.okafor@riverside.example' });

    const twice = await new Agent(h.app).post('/api/activate', { token, password: 'another good phrase 99' });
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.code).toBe('forbidden');

    const person = await signInAndEnroll('sam.okafor@riverside.example', 'copper meadow signal 42');
    expect((await person.get('/api/agencies')).statusCode).toBe(200);
    const view = await agent.get(`/api/users/${created.json().user.id}`);
    expect(view.json()).toMatchObject({ status: 'active', mfaEnrolled: true });
  });

  it('refuses an activation link after seven days, and a re-issued link replaces it', async () => {
    const { agent, agencyId } = await adminAgent();
    const created = await agent.post('/api/users', { agencyId, email: 'lee.park@riverside.example', displayName: 'Lee Park', roles: ['analyst'] });
    const oldToken = tokenOf(created.json().activationUrl);
    h.clock.advance(7 * 24 * HOUR + 1_000);
    const admin = await adminAgent();
    const late = await new Agent(h.app).post('/api/activate', { token: oldToken, password: 'copper meadow signal 42' });
    expect(late.statusCode).toBe(403);
    const reissued = await admin.agent.post(`/api/users/${created.json().user.id}/activation-link`);
    expect(reissued.statusCode).toBe(200);
    const newToken = tokenOf(reissued.json().activationUrl);
    expect(newToken).not.toBe(oldToken);
    expect((await new Agent(h.app).post('/api/activate', { token: newToken, password: 'copper meadow signal 42' })).statusCode).toBe(200);
    const again = await admin.agent.post(`/api/users/${created.json().user.id}/activation-link`);
    expect(again.statusCode).toBe(409);
  });

  it('refuses a malformed or made-up activation token without saying more', async () => {
    for (const [token, status] of [['short', 400], ['x'.repeat(43), 403], ['x'.repeat(201), 400]] as const) {
      const response = await new Agent(h.app).post('/api/activate', { token, password: 'copper meadow signal 42' });
      expect(response.statusCode, token).toBe(status);
      expect(response.json().error.fields[0].path).toBe('body.token');
    }
  });
});

describe('the last task-force administrator', () => {
  it('cannot be disabled or demoted, until another administrator exists', async () => {
    const first = await h.ctx.db.selectFrom('users').select(['id', 'agency_id']).where('email', '=', 'dana.reyes@riverside.example').executeTakeFirstOrThrow();
    const admins = await h.ctx.db.selectFrom('user_roles').select('user_id').where('role', '=', 'taskforce_admin').execute();
    expect(admins.map((a) => a.user_id)).toEqual([first.id]);

    // An agency administrator of the coordinating agency may manage its people, but not a task-force admin.
    const colleague = await createTestUser(h.ctx, { agencyId: first.agency_id, roles: ['agency_admin'] });
    const agencyAdmin = await openSession(h, colleague);
    const disable = await agencyAdmin.patch(`/api/users/${first.id}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    const demote = await agencyAdmin.patch(`/api/users/${first.id}`, { roles: ['agency_admin'] });
    expect(demote.statusCode).toBe(403);

    // Nor can the last admin step down on their own.
    const self = await openSession(h, { id: first.id });
    expect((await self.patch(`/api/users/${first.id}`, { roles: ['agency_admin'] })).statusCode).toBe(403);
    expect((await self.patch(`/api/users/${first.id}`, { disabled: true })).statusCode).toBe(403);

    const stillAdmin = await h.ctx.db.selectFrom('users').select('disabled_at').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(stillAdmin.disabled_at).toBeNull();

    // A second administrator, once given the role, may demote the first; a disabled one does not count.
    const second = await createTestUser(h.ctx, { agencyId: first.agency_id, roles: ['taskforce_admin'] });
    const disabledThird = await createTestUser(h.ctx, { agencyId: first.agency_id, roles: ['taskforce_admin'] });
    expect((await self.patch(`/api/users/${disabledThird.id}`, { disabled: true })).statusCode).toBe(200);
    const byFirst = await self.patch(`/api/users/${second.id}`, { roles: ['agency_admin'] });
    expect(byFirst.statusCode).toBe(200);
    expect(byFirst.json().roles).toEqual(['agency_admin']);
    // Now `first` is the last active one again; an agency administrator may not touch a task-force admin at all.
    expect((await agencyAdmin.patch(`/api/users/${first.id}`, { disabled: true })).statusCode).toBe(403);

    const other = await createTestUser(h.ctx, { agencyId: first.agency_id, roles: ['taskforce_admin'] });
    const otherAgent = await signIn(h.app, h.clock, other);
    const demoted = await otherAgent.patch(`/api/users/${first.id}`, { roles: ['agency_admin'] });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().roles).toEqual(['agency_admin']);
    expect((await agencyAdmin.patch(`/api/users/${other.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await h.ctx.db.selectFrom('users').select('disabled_at').where('id', '=', other.id).executeTakeFirstOrThrow()).disabled_at).toBeNull();
  });
});
