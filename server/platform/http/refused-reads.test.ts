import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { verifyAuditChain } from '../audit/verify.ts';

/**
 * Someone probing for records of another agency gets the same 404 as for an id that does not exist, and an
 * auditor finds every try: who, from which agency, what kind of record, and the id they asked for.
 */
let h: TestHaven;
let detective: Agent;
let prober: TestUser;
let probe: Agent;
let advocate: Agent;
let otherAdvocateUser: TestUser;
let otherAdvocate: Agent;
let caseId: string;
let tipId: string;
let entityId: string;
let survivorId: string;

beforeAll(async () => {
  h = await createTestApp();
  const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Probing Sheriff' });
  detective = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
  prober = await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] });
  probe = await openSession(h, prober);
  const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  const otherShelter = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Other Shelter' });
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['victim_advocate'] }));
  otherAdvocateUser = await createTestUser(h.ctx, { agencyId: otherShelter.id, roles: ['victim_advocate'] });
  otherAdvocate = await openSession(h, otherAdvocateUser);

  caseId = (await detective.post('/api/cases', { title: 'Police only', traffickingType: 'sex' })).json().id;
  entityId = (await detective.post(`/api/cases/${caseId}/entities`, { entity: { kind: 'phone', number: '281-555-0199' } })).json().entity.id;
  tipId = (await detective.post('/api/tips', { channel: 'phone', concernType: 'sex', narrative: 'Police tip' })).json().tip.id;
  const survivor = await advocate.post('/api/survivors', {
    identity: { names: ['Refused Read'] },
    narrative: 'Kept by one shelter.',
    traffickingType: 'labor',
  });
  expect(survivor.statusCode, survivor.body).toBe(201);
  survivorId = survivor.json().id;
  for (const id of [caseId, entityId, tipId]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => h.close());

async function refusals(action: string, entityId: string) {
  return h.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'actor_agency_id', 'entity_type', 'entity_id', 'outcome']).where('action', '=', action).where('entity_id', '=', entityId).execute();
}

const cases = () =>
  [
    { what: 'case', path: () => `/api/cases/${caseId}`, id: () => caseId, who: () => ({ agent: probe, user: prober }) },
    { what: 'tip', path: () => `/api/tips/${tipId}`, id: () => tipId, who: () => ({ agent: probe, user: prober }) },
    { what: 'entity', path: () => `/api/entities/${entityId}`, id: () => entityId, who: () => ({ agent: probe, user: prober }) },
    { what: 'survivor', path: () => `/api/survivors/${survivorId}`, id: () => survivorId, who: () => ({ agent: otherAdvocate, user: otherAdvocateUser }) },
  ] as const;

describe('a refused read of another agency’s record', () => {
  for (const c of cases()) {
    it(`of a ${c.what} answers exactly like a missing one, and is in the audit trail`, async () => {
      const { agent, user } = c.who();
      const missing = randomUUID();
      const refused = await agent.get(c.path());
      const absent = await agent.get(c.path().replace(c.id(), missing));
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toEqual(absent.json());
      const entries = await refusals(`${c.what}.read_refused`, c.id());
      expect(entries).toEqual([{ actor_user_id: user.id, actor_agency_id: user.agencyId, entity_type: c.what, entity_id: c.id(), outcome: 'denied' }]);
      // The id asked for is recorded whether or not such a record exists: a probe for random ids shows too.
      expect(await refusals(`${c.what}.read_refused`, missing)).toHaveLength(1);
    });
  }

  it('leaves the owning agency’s own reads unrefused, and the trail intact', async () => {
    expect((await detective.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await advocate.get(`/api/survivors/${survivorId}`)).statusCode).toBe(200);
    expect(await h.ctx.db.selectFrom('audit_log').select('seq').where('action', 'like', '%.read_refused').where('actor_user_id', '!=', prober.id).where('actor_user_id', '!=', otherAdvocateUser.id).execute()).toEqual([]);
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });
});
