import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { signIn } from '../../test/agent.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

describe('accounts that oversee every agency', () => {
  it('cannot be disabled, unlocked, reset or stripped by an agency administrator of the same agency', async () => {
    const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
    const agencyAdmin = await signIn(h.app, h.clock, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['agency_admin'] }));
    const auditor = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['auditor'] });
    const admin = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['taskforce_admin'] });
    const colleague = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['outreach_lead'] });
    for (const target of [auditor, admin]) {
      expect((await agencyAdmin.patch(`/api/users/${target.id}`, { disabled: true })).statusCode).toBe(403);
      expect((await agencyAdmin.patch(`/api/users/${target.id}`, { roles: ['outreach_lead'] })).statusCode).toBe(403);
      expect((await agencyAdmin.post(`/api/users/${target.id}/reset-mfa`)).statusCode).toBe(403);
      expect((await agencyAdmin.post(`/api/users/${target.id}/end-sessions`)).statusCode).toBe(403);
    }
    const untouched = await h.ctx.db.selectFrom('users').select(['disabled_at', 'mfa_enrolled_at']).where('id', '=', auditor.id).executeTakeFirstOrThrow();
    expect(untouched.disabled_at).toBeNull();
    expect(untouched.mfa_enrolled_at).not.toBeNull();
    expect((await agencyAdmin.patch(`/api/users/${colleague.id}`, { disabled: true })).statusCode).toBe(200);
  });
});
