import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { createTestProvider } from '../directory/directory.fixtures.ts';

let h: TestHaven;
let advocate: Agent;
let shelterStaff: Agent;
let shelterAdmin: Agent;
let providerId: string;
const NAME = 'Marisol Quintanilla';

interface Note {
  kind: string;
  entityId: string;
  data: Record<string, unknown>;
}
const notes = async (agent: Agent): Promise<Note[]> => (await agent.get('/api/notifications')).json().notifications.filter((n: Note) => n.kind.startsWith('referral.'));

beforeAll(async () => {
  h = await createTestApp();
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Harbor NGO' });
  const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Safe Roof Shelter' });
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
  shelterStaff = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['provider_staff'] }));
  shelterAdmin = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['agency_admin'] }));
  providerId = await createTestProvider(h.ctx, { linkedAgencyId: shelter.id, serviceTypes: ['shelter'], name: 'Safe Roof beds' });
});
afterAll(async () => h?.close());

async function referral(): Promise<string> {
  const survivor = await advocate.post('/api/survivors', { identity: { names: [NAME] }, narrative: `${NAME} needs a bed tonight.`, traffickingType: 'labor' });
  expect(survivor.statusCode, survivor.body).toBe(201);
  const created = await advocate.post(`/api/survivors/${survivor.json().id}/referrals`, { providerId, serviceType: 'shelter', note: `${NAME} arrives at 7 pm.` });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

describe('referral notifications', () => {
  it('tells the receiving agency’s case workers of a referral sent to them, and the referrer of each answer, naming no survivor', async () => {
    const id = await referral();
    expect((await notes(shelterStaff)).filter((n) => n.entityId === id)).toEqual([]); // a draft is the referrer's alone

    expect((await advocate.post(`/api/referrals/${id}/send`)).statusCode).toBe(200);
    const received = (await notes(shelterStaff)).filter((n) => n.entityId === id);
    expect(received).toEqual([expect.objectContaining({ kind: 'referral.received', data: { referralId: id, fromAgencyName: 'Harbor NGO', toAgencyName: 'Safe Roof Shelter', providerName: 'Safe Roof beds', serviceType: 'shelter' } })]);
    expect(await notes(shelterAdmin)).toEqual([]); // an administrator does not answer referrals

    expect((await shelterStaff.post(`/api/referrals/${id}/accept`)).statusCode).toBe(200);
    expect((await shelterStaff.post(`/api/referrals/${id}/complete`, { outcome: 'Stayed three weeks, then moved to transitional housing.' })).statusCode).toBe(200);
    expect((await notes(advocate)).filter((n) => n.entityId === id).map((n) => n.kind).sort()).toEqual(['referral.accepted', 'referral.completed']);

    const everything = JSON.stringify([...(await notes(shelterStaff)), ...(await notes(advocate))]);
    expect(everything).not.toContain('Marisol');
    expect(everything).not.toContain('7 pm');
  });

  it('tells the receiver when a sent referral is withdrawn, and nobody when a draft is', async () => {
    const sent = await referral();
    await advocate.post(`/api/referrals/${sent}/send`);
    await advocate.post(`/api/referrals/${sent}/withdraw`);
    expect((await notes(shelterStaff)).filter((n) => n.entityId === sent).map((n) => n.kind).sort()).toEqual(['referral.received', 'referral.withdrawn']);

    const draft = await referral();
    expect((await advocate.post(`/api/referrals/${draft}/withdraw`)).statusCode).toBe(200);
    expect((await notes(shelterStaff)).filter((n) => n.entityId === draft)).toEqual([]);
    expect((await notes(advocate)).filter((n) => n.entityId === draft)).toEqual([]);
  });
});
