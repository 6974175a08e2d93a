import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { signIn } from '../../test/agent.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

describe('refused calls', () => {
  it('leave an audit entry naming the person, the route and the record', async () => {
    const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const clinic = await createTestAgency(h.ctx, { type: 'health_service' });
    const investigator = await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] });
    const agent = await signIn(h.app, h.clock, investigator);
    expect((await agent.patch(`/api/agencies/${clinic.id}`, { name: 'Renamed' })).statusCode).toBe(403);
    const entry = await h.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'action', 'entity_id', 'outcome', 'details']).where('action', '=', 'access.denied').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: investigator.id, entity_id: 'PATCH /api/agencies/:id', outcome: 'denied', details: { id: clinic.id } });
  });
});
