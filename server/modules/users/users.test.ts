import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency, type TestUser } from '../../test/factories.ts';
import { Agent, signIn } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { collideOnTable } from '../../test/races.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';
import { ROLES, isRoleAllowedInAgency } from '../../../common/access/roles.ts';

let h: TestHaven;
let taskForce: TestAgency;
let admin: Agent;
beforeAll(async () => {
  h = await createTestApp();
  taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  admin = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['taskforce_admin'] }));
});
afterAll(async () => h.close());

const unique = () => randomBytes(4).toString('hex');

async function agencyWithAdmin(type: AgencyType = 'victim_service_provider'): Promise<{ agency: TestAgency; admin: Agent; adminUser: TestUser }> {
  const agency = await createTestAgency(h.ctx, { type });
  const adminUser = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['agency_admin'] });
  return { agency, admin: await openSession(h, adminUser), adminUser };
}

async function liveSessions(userId: string): Promise<number> {
  const row = await h.ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('ended_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('creating people', () => {
  it('refuses a role the agency’s kind may not hold, naming the roles field', async () => {
    const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    const cases = [
      { agencyId: police.id, roles: ['victim_advocate'] },
      { agencyId: police.id, roles: ['investigator', 'provider_staff'] },
      { agencyId: shelter.id, roles: ['investigator'] },
      { agencyId: shelter.id, roles: ['taskforce_admin'] },
      { agencyId: shelter.id, roles: ['prosecutor'] },
    ];
    for (const c of cases) {
      const refused = await admin.post('/api/users', { ...c, email: `misfit.${unique()}@agency.test`, displayName: 'Misfit' });
      expect(refused.statusCode, c.roles.join()).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'body.roles', message: expect.any(String) }] });
    }
    const count = await h.ctx.db.selectFrom('users').select('id').where('display_name', '=', 'Misfit').execute();
    expect(count).toHaveLength(0);
  });

  it('accepts exactly the roles ROLE_AGENCY_TYPES allows for each kind of agency', async () => {
    const kinds: AgencyType[] = ['law_enforcement', 'victim_service_provider', 'child_welfare', 'task_force_coordinator'];
    for (const type of kinds) {
      const agency = await createTestAgency(h.ctx, { type });
      for (const role of ROLES) {
        const response = await admin.post('/api/users', { agencyId: agency.id, email: `${role}.${unique()}@agency.test`, displayName: 'Role Check', roles: [role] });
        expect(response.statusCode, `${role} in ${type}`).toBe(isRoleAllowedInAgency(role, type) ? 201 : 400);
      }
    }
  });

  it('refuses an email address already in use, in any letter case', async () => {
    const email = `Jordan.Lee.${unique()}@Agency.test`;
    expect((await admin.post('/api/users', { agencyId: taskForce.id, email, displayName: 'Jordan Lee', roles: ['analyst'] })).statusCode).toBe(201);
    const duplicate = await admin.post('/api/users', { agencyId: taskForce.id, email: email.toLowerCase(), displayName: 'Jordan Lee', roles: ['analyst'] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'body.email', message: expect.any(String) }] });
  });

  it('answers 409, not 500, when the same new email arrives twice at once', async () => {
    const email = `race.${unique()}@agency.test`;
    const body = (name: string) => ({ agencyId: taskForce.id, email, displayName: name, roles: ['analyst'] });
    const answers = await collideOnTable(h, 'users', [() => admin.post('/api/users', body('First')), () => admin.post('/api/users', body('Second'))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses to add people to an inactive agency', async () => {
    const closed = await createTestAgency(h.ctx, { type: 'legal_service' });
    await admin.patch(`/api/agencies/${closed.id}`, { isActive: false });
    const refused = await admin.post('/api/users', { agencyId: closed.id, email: `late.${unique()}@agency.test`, displayName: 'Late', roles: ['analyst'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'body.agencyId', message: expect.any(String) }]);
  });

  it('lets only a task-force administrator give the task-force administrator role', async () => {
    const { admin: coordinatorAgencyAdmin } = await agencyWithAdmin('task_force_coordinator');
    const agencyId = taskForce.id;
    const byAgencyAdmin = await coordinatorAgencyAdmin.post('/api/users', { agencyId, email: `tfa.${unique()}@agency.test`, displayName: 'X', roles: ['taskforce_admin'] });
    // The agency admin's own agency is not the task force's: refused on scope before anything else.
    expect(byAgencyAdmin.statusCode).toBe(403);

    const colleague = await createTestUser(h.ctx, { agencyId, roles: ['agency_admin'] });
    const sameAgencyAdmin = await openSession(h, colleague);
    for (const role of ['taskforce_admin', 'auditor', 'coordinator'] as const) {
      const refused = await sameAgencyAdmin.post('/api/users', { agencyId, email: `${role}.${unique()}@agency.test`, displayName: 'X', roles: [role] });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.fields, role).toEqual([{ path: 'body.roles', message: expect.any(String) }]);
      const granted = await admin.post('/api/users', { agencyId, email: `${role}.${unique()}@agency.test`, displayName: 'X', roles: [role] });
      expect(granted.statusCode, role).toBe(201);
    }
  });
});

describe('listing and reading people', () => {
  it('shows an agency administrator the people of their own agency only', async () => {
    const mine = await agencyWithAdmin();
    const theirs = await agencyWithAdmin();
    const colleague = await createTestUser(h.ctx, { agencyId: mine.agency.id, roles: ['victim_advocate'] });
    const stranger = await createTestUser(h.ctx, { agencyId: theirs.agency.id, roles: ['victim_advocate'] });

    const listed = await mine.admin.get('/api/users');
    expect(listed.statusCode).toBe(200);
    const ids = listed.json().users.map((u: { id: string }) => u.id).sort();
    expect(ids).toEqual([mine.adminUser.id, colleague.id].sort());
    expect((await mine.admin.get(`/api/users?agencyId=${theirs.agency.id}`)).statusCode).toBe(403);
    expect((await mine.admin.get(`/api/users/${stranger.id}`)).statusCode).toBe(403);
    expect((await mine.admin.patch(`/api/users/${stranger.id}`, { displayName: 'Hijacked' })).statusCode).toBe(403);

    const all = (await admin.get('/api/users')).json().users.map((u: { id: string }) => u.id);
    expect(all).toEqual(expect.arrayContaining([colleague.id, stranger.id]));
  });

  it('finds people by part of their name or email, treating % and _ as plain characters', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'community_organization' });
    const tag = unique();
    const named = await admin.post('/api/users', { agencyId: agency.id, email: `amara.${tag}@agency.test`, displayName: `Amara 100% Nwosu`, roles: ['outreach_lead'] });
    await admin.post('/api/users', { agencyId: agency.id, email: `ben.${tag}@agency.test`, displayName: 'Ben 100 Nwosu', roles: ['outreach_lead'] });
    const byName = (await admin.get(`/api/users?agencyId=${agency.id}&q=${encodeURIComponent('AMARA')}`)).json().users;
    expect(byName.map((u: { id: string }) => u.id)).toEqual([named.json().user.id]);
    const percent = (await admin.get(`/api/users?agencyId=${agency.id}&q=${encodeURIComponent('100%')}`)).json().users;
    expect(percent.map((u: { displayName: string }) => u.displayName)).toEqual(['Amara 100% Nwosu']);
    const underscore = (await admin.get(`/api/users?agencyId=${agency.id}&q=_`)).json().users;
    expect(underscore).toEqual([]);
    const byEmail = (await admin.get(`/api/users?agencyId=${agency.id}&q=${encodeURIComponent(`ben.${tag}`)}`)).json().users;
    expect(byEmail.map((u: { displayName: string }) => u.displayName)).toEqual(['Ben 100 Nwosu']);
  });

  it('never shows a password hash, TOTP secret or recovery code', async () => {
    const person = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['analyst'] });
    const view = await admin.get(`/api/users/${person.id}`);
    expect(Object.keys(view.json()).sort()).toEqual(['activationLinks', 'agencyId', 'agencyName', 'createdAt', 'displayName', 'email', 'id', 'lastActiveAt', 'mfaEnrolled', 'roles', 'signInLock', 'status']);
    expect(view.body).not.toContain('argon2');
    expect(view.body).not.toContain(person.totpSecret);
  });
});

describe('changing people', () => {
  it('ends a person’s sessions at once when they are disabled, and refuses their sign-in', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['provider_staff'] });
    const first = await openSession(h, person);
    const second = await openSession(h, person);
    expect((await first.get('/api/auth/session')).statusCode).toBe(200);

    const disabled = await agencyAdmin.patch(`/api/users/${person.id}`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect(await liveSessions(person.id)).toBe(0);
    expect((await first.get('/api/auth/session')).statusCode).toBe(401);
    expect((await second.get('/api/agencies')).statusCode).toBe(401);
    const login = await new Agent(h.app).post('/api/auth/login', { email: person.email, password: person.password });
    expect(login.statusCode).toBe(401);

    const enabled = await agencyAdmin.patch(`/api/users/${person.id}`, { disabled: false });
    expect(enabled.json().status).toBe('active');
    await expect(signIn(h.app, h.clock, person)).resolves.toBeInstanceOf(Agent);
  });

  it('ends a person’s sessions when their roles change; the next session has the new roles', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['victim_advocate'] });
    const before = await openSession(h, person);
    const changed = await agencyAdmin.patch(`/api/users/${person.id}`, { roles: ['victim_advocate', 'agency_admin'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().roles).toEqual(['agency_admin', 'victim_advocate']);
    expect((await before.get('/api/auth/session')).statusCode).toBe(401);
    const after = await openSession(h, person);
    const session = (await after.get('/api/auth/session')).json();
    expect(session.user.roles.sort()).toEqual(['agency_admin', 'victim_advocate']);
    expect(session.user.permissions).toContain('manage:user:own-agency');
  });

  it('keeps sessions when only the display name changes', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['victim_advocate'] });
    const session = await openSession(h, person);
    expect((await agencyAdmin.patch(`/api/users/${person.id}`, { displayName: '  Rosa Díaz  ' })).json().displayName).toBe('Rosa Díaz');
    expect((await session.get('/api/auth/session')).json().user.displayName).toBe('Rosa Díaz');
  });

  it('makes a person enroll again after an administrator resets their MFA', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['victim_advocate'] });
    const session = await openSession(h, person);
    const reset = await agencyAdmin.post(`/api/users/${person.id}/reset-mfa`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnrolled).toBe(false);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const codes = await h.ctx.db.selectFrom('recovery_codes').select('id').where('user_id', '=', person.id).execute();
    expect(codes).toHaveLength(0);

    const agent = new Agent(h.app);
    expect((await agent.post('/api/auth/login', { email: person.email, password: person.password })).json().next).toBe('enroll');
    // The old authenticator no longer counts: this session can only enroll.
    expect((await agent.post('/api/auth/mfa/verify', { code: '123456' })).statusCode).toBe(409);
    expect((await agent.get('/api/agencies')).json().error.code).toBe('mfa_required');
  });

  it('ends every session of a person on request and says how many', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['provider_staff'] });
    const sessions = [await openSession(h, person), await openSession(h, person), await openSession(h, person, 'verify')];
    const ended = await agencyAdmin.post(`/api/users/${person.id}/end-sessions`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 3 });
    for (const s of sessions) expect((await s.get('/api/auth/session')).statusCode).toBe(401);
    expect((await agencyAdmin.post(`/api/users/${person.id}/end-sessions`)).json()).toEqual({ ended: 0 });
    // The person may sign in again: ending sessions is not disabling.
    await expect(signIn(h.app, h.clock, person)).resolves.toBeInstanceOf(Agent);
  });

  it('unlocks a locked person', async () => {
    const { agency, admin: agencyAdmin } = await agencyWithAdmin();
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['provider_staff'] });
    await h.ctx.db.updateTable('users').set({ locked_at: h.clock.now(), failed_count: 5, failed_window_start: h.clock.now() }).where('id', '=', person.id).execute();
    expect((await agencyAdmin.get(`/api/users/${person.id}`)).json().status).toBe('locked');
    const unlocked = await agencyAdmin.post(`/api/users/${person.id}/unlock`);
    expect(unlocked.json().status).toBe('active');
    const row = await h.ctx.db.selectFrom('users').select(['locked_at', 'failed_count']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_at: null, failed_count: 0 });
  });

  it('refuses a new activation link for an account that is already active', async () => {
    const person = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['analyst'] });
    const refused = await admin.post(`/api/users/${person.id}/activation-link`);
    expect(refused.statusCode).toBe(409);
  });

  it('answers 404 for a person who does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const response of [await admin.get(`/api/users/${missing}`), await admin.patch(`/api/users/${missing}`, { displayName: 'X' }), await admin.post(`/api/users/${missing}/unlock`)]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('refuses to let anyone change their own roles or disable themselves', async () => {
    const { admin: agencyAdmin, adminUser } = await agencyWithAdmin();
    for (const patch of [{ roles: ['agency_admin', 'victim_advocate'] }, { roles: ['victim_advocate'] }, { disabled: true }]) {
      const refused = await agencyAdmin.patch(`/api/users/${adminUser.id}`, patch);
      expect(refused.statusCode, JSON.stringify(patch)).toBe(403);
    }
    const row = await agencyAdmin.get(`/api/users/${adminUser.id}`);
    expect(row.json()).toMatchObject({ roles: ['agency_admin'], status: 'active' });
  });
});
