import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_TYPES, type AgencyType } from '../../../common/access/agencies.ts';
import { ROLES, isRoleAllowedInAgency, type Role } from '../../../common/access/roles.ts';
import { ROLE_PERMISSIONS } from '../../platform/access/permissions.ts';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { TASKFORCE_WIDE } from './users.policy.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');
let n = 0;
const email = (what: string) => `${what}.${n++}.${Date.now().toString(36)}@grants.test`;

describe('task-force-wide roles', () => {
  it('include every role that holds a permission reaching across agencies, beyond what everyone holds', () => {
    const everyones = new Set(['read:agency:any', 'read:directory:any', 'read:safe-place:any', 'create:directory-inquiry:any']);
    const reaching = ROLES.filter((role) => ROLE_PERMISSIONS[role].some((p) => p.endsWith(':any') && !everyones.has(p)));
    expect(reaching.filter((role) => !TASKFORCE_WIDE.includes(role))).toEqual([]);
    expect([...TASKFORCE_WIDE].sort()).toEqual(['analyst', 'auditor', 'coordinator', 'outreach_lead', 'taskforce_admin']);
  });
});

describe('an agency administrator going around the rules', () => {
  it('cannot make an outreach lead, and cannot activate an account from the link they hold', async () => {
    const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    const admin = await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['agency_admin'] });
    const agent = await openSession(h, admin);

    const lead = await agent.post('/api/users', { agencyId: shelter.id, email: email('lead'), displayName: 'Shadow Lead', roles: ['outreach_lead'] });
    expect(lead.statusCode).toBe(403);
    expect(lead.json().error.fields).toEqual([{ path: 'body.roles', message: expect.any(String) }]);
    expect((await agent.post('/api/users', { agencyId: shelter.id, email: email('analyst'), displayName: 'Shadow Analyst', roles: ['analyst'] })).statusCode).toBe(403);

    // A role the administrator may give, on an account the administrator then tries to take over.
    const created = await agent.post('/api/users', { agencyId: shelter.id, email: email('advocate'), displayName: 'Ana Ruiz', roles: ['victim_advocate'] });
    expect(created.statusCode).toBe(201);
    const personId: string = created.json().user.id;
    const token = tokenOf(created.json().activationUrl);
    const takeover = await agent.post('/api/activate', { token, password: 'copper meadow signal 42' });
    expect(takeover.statusCode).toBe(403);
    expect(takeover.json().error.message).toMatch(/signed in as someone else/);
    // The link is spent: signed out, it no longer works either.
    expect((await new Agent(h.app).post('/api/activate', { token, password: 'copper meadow signal 42' })).statusCode).toBe(403);
    const still = await h.ctx.db.selectFrom('users').select('password_hash').where('id', '=', personId).executeTakeFirstOrThrow();
    expect(still.password_hash).toBeNull();

    const view = (await agent.get(`/api/users/${personId}`)).json();
    expect(view.activationLinks).toEqual([
      { issuedAt: expect.any(String), issuedByUserId: admin.id, issuedByName: expect.any(String), expiresAt: expect.any(String), usedAt: expect.any(String), outcome: 'refused_signed_in_as_other', signedInAsUserId: admin.id },
    ]);
    const refused = await h.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome']).where('action', '=', 'user.activation_refused').where('entity_id', '=', personId).executeTakeFirstOrThrow();
    expect(refused).toEqual({ actor_user_id: admin.id, outcome: 'denied' });

    // A new link, opened by the person themselves (no session), works and says so.
    const reissued = await agent.post(`/api/users/${personId}/activation-link`);
    expect((await new Agent(h.app).post('/api/activate', { token: tokenOf(reissued.json().activationUrl), password: 'copper meadow signal 42' })).statusCode).toBe(200);
    const links = (await agent.get(`/api/users/${personId}`)).json().activationLinks;
    expect(links.map((l: { outcome: string; signedInAsUserId: string | null; issuedByUserId: string }) => [l.outcome, l.signedInAsUserId, l.issuedByUserId])).toEqual([
      ['used', null, admin.id],
      ['refused_signed_in_as_other', admin.id, admin.id],
    ]);
    const activated = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'user.activated').where('entity_id', '=', personId).executeTakeFirstOrThrow();
    expect(activated.details).toMatchObject({ linkIssuedBy: admin.id, signedInAsOther: false });
  });
});

describe('the role-grant matrix', () => {
  const agencies = new Map<string, TestAgency>();
  async function agencyOf(type: AgencyType, slot: 'home' | 'other'): Promise<TestAgency> {
    const key = `${type}/${slot}`;
    if (!agencies.has(key)) agencies.set(key, await createTestAgency(h.ctx, { type }));
    return agencies.get(key)!;
  }
  const granters = new Map<string, { id: string; agent: Agent }>();
  async function granterIn(role: Role, agency: TestAgency): Promise<{ id: string; agent: Agent }> {
    const key = `${role}/${agency.id}`;
    if (!granters.has(key)) {
      const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: [role] });
      granters.set(key, { id: user.id, agent: await openSession(h, user) });
    }
    return granters.get(key)!;
  }
  // Written out, not imported: the policy's own list is what is under test.
  const wide: readonly Role[] = ['taskforce_admin', 'auditor', 'coordinator', 'outreach_lead', 'analyst'];
  const mayGrant = (granter: Role, role: Role, where: 'own' | 'other') => granter === 'taskforce_admin' || (granter === 'agency_admin' && where === 'own' && !wide.includes(role));

  it('lets a task-force administrator give any role anywhere, an agency administrator the agency’s own roles at home, and nobody else anything', async () => {
    const mismatches: string[] = [];
    for (const granter of ROLES) {
      for (const role of ROLES) {
        const fits = AGENCY_TYPES.filter((t) => isRoleAllowedInAgency(role, t));
        const home = fits.find((t) => isRoleAllowedInAgency(granter, t));
        const otherType = fits[0]!;
        for (const where of ['own', 'other'] as const) {
          const homeType = home ?? AGENCY_TYPES.find((t) => isRoleAllowedInAgency(granter, t))!;
          if (where === 'own' && !home) continue;
          const caller = await granterIn(granter, await agencyOf(homeType, 'home'));
          const target = where === 'own' ? await agencyOf(homeType, 'home') : await agencyOf(otherType, 'other');
          const expected = mayGrant(granter, role, where);
          const created = await caller.agent.post('/api/users', { agencyId: target.id, email: email('grant'), displayName: 'Granted Person', roles: [role] });
          if (created.statusCode !== (expected ? 201 : 403)) mismatches.push(`${granter} creating ${role} at ${where}: ${created.statusCode}`);
          const person = await createTestUser(h.ctx, { agencyId: target.id, roles: ['agency_admin'] });
          const changed = await caller.agent.patch(`/api/users/${person.id}`, { roles: [role] });
          if (changed.statusCode !== (expected ? 200 : 403)) mismatches.push(`${granter} giving ${role} at ${where}: ${changed.statusCode}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets no administrator give roles to themselves', async () => {
    for (const granter of ['taskforce_admin', 'agency_admin'] as const) {
      const agency = await agencyOf(granter === 'taskforce_admin' ? 'task_force_coordinator' : 'law_enforcement', 'home');
      const caller = await granterIn(granter, agency);
      for (const role of ROLES.filter((r) => isRoleAllowedInAgency(r, agency.type))) {
        const answer = await caller.agent.patch(`/api/users/${caller.id}`, { roles: [granter, role] });
        expect(answer.statusCode, `${granter} giving themselves ${role}`).toBe(403);
      }
      const roles = await h.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', caller.id).execute();
      expect(roles.map((r) => r.role)).toEqual([granter]);
    }
  });
});
