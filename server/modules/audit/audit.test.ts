import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, TEST_PASSWORD, type TestAgency, type TestUser } from '../../test/factories.ts';
import { Agent, signIn } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { timeStep, totpAt } from '../auth/totp.ts';

let h: TestHaven;
let taskForce: TestAgency;
let tfAdminUser: TestUser;
let tfAdmin: Agent;
let auditor: Agent;
/** Every secret the tests below handle, to look for in the trail at the end. */
const secrets = new Set<string>([TEST_PASSWORD]);

beforeAll(async () => {
  h = await createTestApp();
  taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  tfAdminUser = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['taskforce_admin'] });
  tfAdmin = await openSession(h, tfAdminUser);
  auditor = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['auditor'] }));
});
afterAll(async () => h.close());

const unique = () => randomBytes(4).toString('hex');

interface Entry {
  action: string;
  actor: string | null;
  agency: string | null;
  entity: string;
  outcome: string;
  details: Record<string, unknown>;
}

async function lastSeq(): Promise<number> {
  const row = await h.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The trail written since `seq`, read straight from the table, leaving out searches of the trail itself. */
async function trailSince(seq: number): Promise<Entry[]> {
  const rows = await h.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'actor_agency_id', 'entity_type', 'entity_id', 'outcome', 'details'])
    .where('seq', '>', seq)
    .where('action', '!=', 'audit.searched')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor_user_id, agency: r.actor_agency_id, entity: `${r.entity_type}:${r.entity_id ?? '-'}`, outcome: r.outcome, details: r.details }));
}

/** Runs `act` and returns exactly the entries it wrote. */
async function recorded(act: () => Promise<unknown>): Promise<Entry[]> {
  const mark = await lastSeq();
  await act();
  return trailSince(mark);
}

const by = (user: { id: string; agencyId: string }) => ({ actor: user.id, agency: user.agencyId });

describe('sign-in attempts in the audit trail', () => {
  it('records a successful sign-in as the password step and the code step', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    secrets.add(user.totpSecret!);
    let agent: Agent | undefined;
    const entries = await recorded(async () => (agent = await signIn(h.app, h.clock, user)));
    expect(entries).toEqual([
      { action: 'auth.password_verified', ...by(user), entity: `user:${user.id}`, outcome: 'success', details: { next: 'verify' } },
      { action: 'auth.sign_in', ...by(user), entity: `user:${user.id}`, outcome: 'success', details: { method: 'totp' } },
    ]);
    secrets.add(agent!.cookie!);
  });

  it('records a wrong password as a failure of that person, counting failures', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const entries = await recorded(() => new Agent(h.app).post('/api/auth/login', { email: user.email, password: 'Wrong-Password-Typed-Here' }));
    expect(entries).toEqual([{ action: 'auth.sign_in', ...by(user), entity: `user:${user.id}`, outcome: 'failure', details: { reason: 'bad_password', failuresInWindow: 1, source: expect.stringMatching(/^src-/) } }]);
    secrets.add('Wrong-Password-Typed-Here');
  });

  it('records an unknown account without naming what was typed', async () => {
    // People type a password into the email field: what was typed must not be kept.
    const typed = `MyS3cretPassw0rd.${unique()}`;
    const entries = await recorded(() => new Agent(h.app).post('/api/auth/login', { email: typed, password: 'whatever was typed 1' }));
    expect(entries).toEqual([{ action: 'auth.sign_in', actor: null, agency: null, entity: 'user:-', outcome: 'failure', details: { reason: 'unknown_account' } }]);
    secrets.add(typed);
    secrets.add('whatever was typed 1');
  });

  it('records the fifth failure locking the account, and a later attempt as denied', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    const failures = await recorded(async () => {
      // Failures on one account count at most once every 3 s: a person's pace, not a script's.
      for (let i = 1; i <= 5; i++) {
        h.clock.advance(5_000);
        await new Agent(h.app).post('/api/auth/login', { email: user.email, password: `wrong password number ${i}` });
      }
    });
    const failure = (n: number) => ({ action: 'auth.sign_in', ...by(user), entity: `user:${user.id}`, outcome: 'failure', details: { reason: 'bad_password', failuresInWindow: n, source: expect.stringMatching(/^src-/) } });
    expect(failures).toEqual([
      failure(1), failure(2), failure(3), failure(4), failure(5),
      { action: 'user.locked', ...by(user), entity: `user:${user.id}`, outcome: 'success', details: { reason: 'too_many_failures', failures: 5, source: expect.stringMatching(/^src-/) } },
    ]);
    const locked = await recorded(() => new Agent(h.app).post('/api/auth/login', { email: user.email, password: user.password }));
    expect(locked).toEqual([{ action: 'auth.sign_in', ...by(user), entity: `user:${user.id}`, outcome: 'denied', details: { reason: 'locked' } }]);
  });
});

describe('changes in the audit trail', () => {
  it('records creating and updating an agency, by whom and which fields', async () => {
    let id = '';
    const created = await recorded(async () => (id = (await tfAdmin.post('/api/agencies', { name: `Audit Shelter ${unique()}`, type: 'victim_service_provider' })).json().id));
    expect(created).toEqual([{ action: 'agency.created', ...by(tfAdminUser), entity: `agency:${id}`, outcome: 'success', details: { type: 'victim_service_provider' } }]);
    const updated = await recorded(() => tfAdmin.patch(`/api/agencies/${id}`, { contactPhone: '555-0142', isActive: false }));
    expect(updated).toEqual([{ action: 'agency.updated', ...by(tfAdminUser), entity: `agency:${id}`, outcome: 'success', details: { fields: ['contactPhone', 'isActive'] } }]);
  });

  it('records each change to a person, with roles before and after', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    const adminUser = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['agency_admin'] });
    const admin = await openSession(h, adminUser);
    let userId = '';
    let activationUrl = '';
    const created = await recorded(async () => {
      const response = (await admin.post('/api/users', { agencyId: agency.id, email: `kim.${unique()}@agency.test`, displayName: 'Kim Vo', roles: ['victim_advocate'] })).json();
      userId = response.user.id;
      activationUrl = response.activationUrl;
    });
    secrets.add(new URL(activationUrl).hash.slice('#token='.length));
    const who = { ...by(adminUser), entity: `user:${userId}`, outcome: 'success' };
    expect(created).toEqual([{ action: 'user.created', ...who, details: { agencyId: agency.id, roles: ['victim_advocate'] } }]);
    expect(await recorded(() => admin.patch(`/api/users/${userId}`, { displayName: 'Kim T. Vo' }))).toEqual([{ action: 'user.updated', ...who, details: { fields: ['displayName'] } }]);
    expect(await recorded(() => admin.patch(`/api/users/${userId}`, { roles: ['provider_staff', 'victim_advocate'] }))).toEqual([
      { action: 'user.roles_changed', ...who, details: { before: ['victim_advocate'], after: ['provider_staff', 'victim_advocate'] } },
    ]);
    expect(await recorded(() => admin.patch(`/api/users/${userId}`, { disabled: true }))).toEqual([{ action: 'user.disabled', ...who, details: {} }]);
    expect(await recorded(() => admin.patch(`/api/users/${userId}`, { disabled: false }))).toEqual([{ action: 'user.enabled', ...who, details: {} }]);
    expect(await recorded(() => admin.post(`/api/users/${userId}/unlock`))).toEqual([{ action: 'user.unlocked', ...who, details: {} }]);
    expect(await recorded(() => admin.post(`/api/users/${userId}/end-sessions`))).toEqual([{ action: 'user.sessions_ended', ...who, details: { ended: 0 } }]);
    expect(await recorded(() => admin.post(`/api/users/${userId}/reset-mfa`))).toEqual([{ action: 'user.mfa_reset', ...who, details: { sessionsEnded: 0 } }]);
    let reissued = '';
    expect(await recorded(async () => (reissued = (await admin.post(`/api/users/${userId}/activation-link`)).json().activationUrl))).toEqual([
      { action: 'user.activation_link_issued', ...who, details: {} },
    ]);
    secrets.add(new URL(reissued).hash.slice('#token='.length));
  });

  it('records a refused change as a denial naming the route and record, and no change', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'health_service' });
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['provider_staff'] });
    const outsiderUser = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] });
    const outsider = await openSession(h, outsiderUser);
    const entries = await recorded(async () => {
      expect((await outsider.patch(`/api/users/${person.id}`, { roles: ['analyst'] })).statusCode).toBe(403);
      expect((await outsider.post('/api/agencies', { name: `Nope ${unique()}`, type: 'legal_service' })).statusCode).toBe(403);
    });
    const denial = { action: 'access.denied', actor: outsiderUser.id, agency: taskForce.id, outcome: 'denied' };
    expect(entries).toEqual([
      { ...denial, entity: 'route:PATCH /api/users/:id', details: { id: person.id } },
      { ...denial, entity: 'route:POST /api/agencies', details: {} },
    ]);
  });

  it('records activation, enrollment and the person’s own changes, and never a password, code, token or secret', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'child_welfare' });
    const created = (await tfAdmin.post('/api/users', { agencyId: agency.id, email: `ada.${unique()}@agency.test`, displayName: 'Ada Mensah', roles: ['child_welfare_worker'] })).json();
    const userId: string = created.user.id;
    const token = new URL(created.activationUrl).hash.slice('#token='.length);
    const password = `first chosen passphrase ${unique()}`;
    const newPassword = `second chosen passphrase ${unique()}`;
    for (const s of [token, password, newPassword]) secrets.add(s);
    const self = { actor: userId, agency: agency.id, entity: `user:${userId}`, outcome: 'success' };

    // Who issued the link and when, never the link itself (decision 014).
    const activated = await recorded(() => new Agent(h.app).post('/api/activate', { token, password }));
    expect(activated).toEqual([{ action: 'user.activated', ...self, details: { linkIssuedBy: expect.any(String), linkIssuedAt: expect.any(String), signedInAsOther: false } }]);

    const agent = new Agent(h.app);
    const entries = await recorded(async () => {
      await agent.post('/api/auth/login', { email: created.user.email, password });
      secrets.add(agent.cookie!);
      secrets.add(agent.csrfToken!);
      const { secret } = (await agent.get('/api/auth/mfa/enrollment')).json();
      secrets.add(secret);
      const enrolled = await agent.post('/api/auth/mfa/enroll', { code: totpAt(secret, timeStep(h.clock.now())) });
      for (const code of enrolled.json().recoveryCodes) secrets.add(code);
      secrets.add(agent.cookie!);
      secrets.add(agent.csrfToken!);
      const codes = await agent.post('/api/me/recovery-codes', { currentPassword: password });
      for (const code of codes.json().recoveryCodes) secrets.add(code);
      expect((await agent.post('/api/me/password', { currentPassword: password, newPassword })).statusCode).toBe(204);
      expect((await agent.post('/api/me/password', { currentPassword: 'not my password at all', newPassword })).statusCode).toBe(403);
    });
    secrets.add('not my password at all');
    expect(entries).toEqual([
      { action: 'auth.password_verified', ...self, details: { next: 'enroll' } },
      { action: 'user.mfa_enrolled', ...self, details: {} },
      { action: 'auth.sign_in', ...self, details: { method: 'totp_enrollment' } },
      { action: 'user.recovery_codes_replaced', ...self, details: {} },
      { action: 'user.password_changed', ...self, details: { sessionsEnded: 0 } },
      { action: 'auth.sign_in', ...self, outcome: 'failure', details: { reason: 'bad_password_confirmation', failuresInWindow: 1, source: 'own-session' } },
    ]);

    // The whole trail, every column, as text: none of the secrets handled in this file appears in it.
    const { rows } = await sql<{ t: string }>`select coalesce(string_agg(l::text, E'\\n'), '') as t from audit_log l`.execute(h.ctx.db);
    const trail = rows[0]!.t;
    expect(trail.length).toBeGreaterThan(1000);
    const leaked = [...secrets].filter((s) => trail.includes(s) || trail.toLowerCase().includes(s.toLowerCase()));
    expect(leaked).toEqual([]);
    expect(secrets.size).toBeGreaterThan(25);
  });
});

describe('searching the audit trail', () => {
  interface View {
    seq: number;
    occurredAt: string;
    actorUserId: string | null;
    actorAgencyId: string | null;
    action: string;
    entityId: string | null;
    outcome: string;
  }

  async function search(agent: Agent, query: string): Promise<{ entries: View[]; nextBefore: number | null }> {
    const response = await agent.get(`/api/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** Follows `nextBefore` to the end and returns every page's entries. */
  async function allPages(agent: Agent, query: string, limit: number): Promise<{ entries: View[]; pages: number }> {
    const entries: View[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = await search(agent, [query, `limit=${limit}`, before ? `before=${before}` : ''].filter(Boolean).join('&'));
      expect(page.entries.length).toBeLessThanOrEqual(limit);
      entries.push(...page.entries);
      before = page.nextBefore;
      pages++;
    } while (before !== null && pages < 100);
    return { entries, pages };
  }

  async function truth(where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) {
    const rows = await where(base()).execute();
    return rows.map((r) => r.seq);
  }
  const base = () => h.ctx.db.selectFrom('audit_log').select(['seq', 'occurred_at']).orderBy('seq', 'desc');

  async function busyAgency() {
    const agency = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    const adminUser = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['agency_admin'] });
    const admin = await openSession(h, adminUser);
    const member = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['victim_advocate'] });
    for (let i = 0; i < 5; i++) await admin.patch(`/api/users/${member.id}`, { displayName: `Renamed ${i}` });
    await admin.patch(`/api/users/${member.id}`, { roles: ['provider_staff'] });
    await new Agent(h.app).post('/api/auth/login', { email: member.email, password: 'a wrong password here' });
    return { agency, adminUser, admin, member };
  }

  it('pages newest first with `before`, without gaps or repeats', async () => {
    const { adminUser } = await busyAgency();
    const expected = await truth((q) => q.where('actor_user_id', '=', adminUser.id));
    expect(expected.length).toBe(6);
    const { entries, pages } = await allPages(auditor, `actorUserId=${adminUser.id}`, 4);
    expect(entries.map((e) => e.seq)).toEqual(expected);
    expect(pages).toBe(2);
    const exact = await allPages(auditor, `actorUserId=${adminUser.id}`, 3);
    expect(exact.entries.map((e) => e.seq)).toEqual(expected);
    expect(exact.pages).toBe(2);
  });

  it('filters by action prefix, entity, outcome and time, treating % and _ as plain characters', async () => {
    const { adminUser, member } = await busyAgency();
    const roles = await search(auditor, `actorUserId=${adminUser.id}&action=user.roles`);
    expect(roles.entries.map((e) => e.action)).toEqual(['user.roles_changed']);
    const renames = await search(auditor, `action=user.updated&entityType=user&entityId=${member.id}`);
    expect(renames.entries).toHaveLength(5);
    expect(renames.entries.every((e) => e.entityId === member.id && e.action === 'user.updated')).toBe(true);
    const failures = await search(auditor, `actorUserId=${member.id}&outcome=failure`);
    expect(failures.entries.map((e) => [e.action, e.outcome])).toEqual([['auth.sign_in', 'failure']]);
    expect((await search(auditor, 'action=%25')).entries).toEqual([]);
    expect((await search(auditor, `action=user_updated&actorUserId=${adminUser.id}`)).entries).toEqual([]);

    const mine = await truth((q) => q.where('actor_user_id', '=', adminUser.id));
    const pivot = (await h.ctx.db.selectFrom('audit_log').select('occurred_at').where('seq', '=', mine[2]!).executeTakeFirstOrThrow()).occurred_at;
    const fromPivot = await search(auditor, `actorUserId=${adminUser.id}&from=${encodeURIComponent(pivot.toISOString())}`);
    expect(fromPivot.entries.map((e) => e.seq)).toEqual(await truth((q) => q.where('actor_user_id', '=', adminUser.id).where('occurred_at', '>=', pivot)));
    const toPivot = await search(auditor, `actorUserId=${adminUser.id}&to=${encodeURIComponent(pivot.toISOString())}`);
    expect(toPivot.entries.map((e) => e.seq)).toEqual(await truth((q) => q.where('actor_user_id', '=', adminUser.id).where('occurred_at', '<', pivot)));
    expect(fromPivot.entries.length + toPivot.entries.length).toBe(mine.length);
  });

  it('shows an agency administrator only what their own agency’s people did', async () => {
    const mine = await busyAgency();
    const theirs = await busyAgency();
    const { entries } = await allPages(mine.admin, '', 200);
    expect(entries.length).toBeGreaterThan(6);
    expect(new Set(entries.map((e) => e.actorAgencyId))).toEqual(new Set([mine.agency.id]));
    expect(entries.some((e) => e.actorUserId === mine.member.id && e.outcome === 'failure')).toBe(true);
    const expected = await truth((q) => q.where('actor_agency_id', '=', mine.agency.id).where('seq', '<=', entries[0]!.seq));
    expect(entries.map((e) => e.seq)).toEqual(expected);

    // Asking for another agency's people by id finds nothing rather than their entries.
    expect((await search(mine.admin, `actorUserId=${theirs.adminUser.id}`)).entries).toEqual([]);
    expect((await search(mine.admin, `entityId=${theirs.member.id}`)).entries).toEqual([]);
    // An auditor sees both.
    const both = await search(auditor, `entityId=${theirs.member.id}&limit=200`);
    expect(both.entries.length).toBeGreaterThan(0);
  });

  it('records each search of the trail', async () => {
    const mark = await lastSeq();
    await search(auditor, 'limit=3');
    const rows = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('seq', '>', mark).execute();
    expect(rows).toEqual([{ action: 'audit.searched', details: { scope: 'any', results: 3 } }]);
  });

  it('refuses malformed filters with the field named', async () => {
    for (const [query, path] of [
      ['before=abc', 'querystring.before'],
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['from=yesterday', 'querystring.from'],
      ['actorUserId=42', 'querystring.actorUserId'],
      ['outcome=maybe', 'querystring.outcome'],
    ]) {
      const response = await auditor.get(`/api/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields.map((f: { path: string }) => f.path), query).toEqual([path]);
    }
  });
});
