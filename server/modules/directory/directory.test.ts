import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { createTestProvider } from './directory.fixtures.ts';

let h: TestHaven;
let coordinator: Agent;
let shelterAgency: TestAgency;
let shelterStaff: Agent;
let shelterAdmin: Agent;
let otherStaff: Agent;
let advocate: Agent;

beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] }));
  shelterAgency = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Casa Esperanza' });
  shelterStaff = await openSession(h, await createTestUser(h.ctx, { agencyId: shelterAgency.id, roles: ['provider_staff'] }));
  shelterAdmin = await openSession(h, await createTestUser(h.ctx, { agencyId: shelterAgency.id, roles: ['agency_admin'] }));
  const other = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  otherStaff = await openSession(h, await createTestUser(h.ctx, { agencyId: other.id, roles: ['provider_staff'] }));
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: other.id, roles: ['victim_advocate'] }));
});
afterAll(async () => h.close());

const SHELTER = {
  organizationName: 'Casa Esperanza',
  name: 'Casa Esperanza Youth Shelter',
  description: 'Emergency shelter for young people leaving exploitation.',
  serviceTypes: ['shelter', 'case_management', 'shelter'],
  languages: ['es-mx', 'en'],
  minAge: 12,
  maxAge: 17,
  acceptsMinors: true,
  genders: ['female'],
  immigrationRequirement: 'none',
  hours: [{ days: ['FR', 'MO'], opens: '09:00', closes: '17:00' }],
  hoursNotes: 'Intake by phone at any hour.',
  cost: 'free',
  accessibility: ['wheelchair'],
  intakeProcess: 'Call the intake line; we arrange transport from a safe meeting point.',
  phone: '713-555-0142',
  email: 'intake@casa-esperanza.example',
  website: 'https://casa-esperanza.example',
  address1: '4821 Quiet Harbor Lane',
  city: 'Houston',
  state: 'TX',
  postalCode: '77011',
  area: 'East Houston',
  latitude: 29.7421,
  longitude: -95.3101,
  timeZone: 'America/Chicago',
  confidentialLocation: true,
};

async function auditActions(entityId: string): Promise<Array<{ action: string; outcome: string; details: Record<string, unknown> }>> {
  const rows = await h.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => ({ action: r.action, outcome: r.outcome, details: r.details }));
}

describe('directory entries', () => {
  it('creates an entry with every field, canonical language tags and ordered days, and shows it in the list', async () => {
    const created = await coordinator.post('/api/directory/providers', { ...SHELTER, linkedAgencyId: shelterAgency.id });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      organizationName: 'Casa Esperanza',
      serviceTypes: ['shelter', 'case_management'],
      languages: ['es-MX', 'en'],
      hours: [{ days: ['MO', 'FR'], opens: '09:00', closes: '17:00' }],
      linkedAgency: { id: shelterAgency.id, name: 'Casa Esperanza' },
      confidentialLocation: true,
      area: 'East Houston',
      phone: '713-555-0142',
      location: null,
      addressOnFile: true,
      capacity: [],
      abilities: { edit: true, link: true, updateCapacity: true, refer: true, seeLocation: false },
    });
    const list = (await advocate.get('/api/directory/providers?q=esperanza')).json().providers;
    expect(list.map((p: { id: string }) => p.id)).toEqual([entry.id]);
    expect(await auditActions(entry.id)).toEqual([{ action: 'directory.provider_created', outcome: 'success', details: { serviceTypes: ['shelter', 'case_management'], confidential: true, linkedAgencyId: shelterAgency.id } }]);
  });

  it('shows a public location’s address to everyone', async () => {
    const created = (await coordinator.post('/api/directory/providers', { organizationName: 'Bayou Legal Aid', name: 'Immigration clinic', serviceTypes: ['legal_immigration'], address1: '100 Main St', city: 'Houston', postalCode: '77002', latitude: 29.76, longitude: -95.36 })).json();
    const seen = (await advocate.get(`/api/directory/providers/${created.id}`)).json();
    expect(seen.location).toEqual({ address1: '100 Main St', address2: null, postalCode: '77002', latitude: 29.76, longitude: -95.36 });
    expect(seen.timeZone).toBe('America/Chicago');
    expect(seen.abilities).toEqual({ edit: false, link: false, updateCapacity: false, refer: false, seeLocation: false });
  });

  it('names every invalid field, and the rules across fields', async () => {
    const bad = await coordinator.post('/api/directory/providers', { organizationName: 'X', name: 'Ok name', serviceTypes: ['spa'], languages: ['not a tag'], postalCode: '7700', timeZone: 'Mars/Olympus', website: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.languages.0', 'body.organizationName', 'body.postalCode', 'body.serviceTypes.0', 'body.timeZone', 'body.website']);

    const contradictory = await coordinator.post('/api/directory/providers', { organizationName: 'Shelter Org', name: 'Shelter', serviceTypes: ['shelter'], minAge: 16, maxAge: 12, acceptsMinors: false, confidentialLocation: true, latitude: 29.7 });
    expect(contradictory.statusCode).toBe(400);
    expect(contradictory.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.acceptsMinors', 'body.area', 'body.longitude', 'body.maxAge', 'body.phone']);
    expect((await coordinator.get('/api/directory/providers?q=Shelter%20Org')).json().providers).toEqual([]);
  });

  it('lets the linked agency’s staff edit their entry but not link it elsewhere; others are refused and nothing changes', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, name: 'Editable Shelter' });
    const edited = await shelterStaff.patch(`/api/directory/providers/${id}`, { hoursNotes: 'Doors close at 10 pm.', languages: ['vi'] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ hoursNotes: 'Doors close at 10 pm.', languages: ['vi'], name: 'Editable Shelter' });

    const relink = await shelterStaff.patch(`/api/directory/providers/${id}`, { linkedAgencyId: null });
    expect(relink.statusCode).toBe(403);
    const stranger = await otherStaff.patch(`/api/directory/providers/${id}`, { name: 'Hijacked' });
    expect(stranger.statusCode).toBe(403);
    const unlinked = await createTestProvider(h.ctx, { name: 'Unlinked Clinic', serviceTypes: ['medical'] });
    expect((await shelterStaff.patch(`/api/directory/providers/${unlinked}`, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await advocate.get(`/api/directory/providers/${id}`)).json()).toMatchObject({ name: 'Editable Shelter', linkedAgency: { id: shelterAgency.id } });
    expect((await coordinator.patch(`/api/directory/providers/${id}`, { linkedAgencyId: null })).json().linkedAgency).toBeNull();
  });

  it('refuses a patch that would leave the entry contradicting itself', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, minAge: 18, acceptsMinors: false });
    const refused = await shelterAdmin.patch(`/api/directory/providers/${id}`, { minAge: 14 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'body.acceptsMinors', message: expect.stringContaining('minimum age of 14') }]);
    expect((await shelterAdmin.patch(`/api/directory/providers/${id}`, { minAge: 14, acceptsMinors: true })).json()).toMatchObject({ minAge: 14, acceptsMinors: true });
  });

  it('answers 404 for an entry that does not exist and 400 for a malformed id', async () => {
    expect((await advocate.get('/api/directory/providers/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await advocate.get('/api/directory/providers/not-an-id')).statusCode).toBe(400);
  });
});

describe('beds and slots', () => {
  it('lets a shelter’s own staff set its free beds, keeps the history, and audits the change', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, serviceTypes: ['shelter', 'counseling'] });
    const first = await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: 3, total: 12 });
    expect(first.statusCode).toBe(200);
    expect(first.json().capacity).toEqual([{ serviceType: 'shelter', unit: 'beds', available: 3, total: 12, updatedAt: expect.any(String), stale: false }]);
    // The total stays when only the free count is sent.
    const second = (await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: 2 })).json();
    expect(second.capacity[0]).toMatchObject({ available: 2, total: 12 });
    await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'counseling', available: 4 });
    const history = (await advocate.get(`/api/directory/providers/${id}/capacity/history`)).json().history;
    expect(history.map((e: { serviceType: string; available: number; total: number | null; source: string }) => [e.serviceType, e.available, e.total, e.source])).toEqual([
      ['counseling', 4, null, 'staff'],
      ['shelter', 2, 12, 'staff'],
      ['shelter', 3, 12, 'staff'],
    ]);
    expect((await auditActions(id)).filter((a) => a.action === 'directory.capacity_updated').map((a) => a.details)).toEqual([
      { serviceType: 'shelter', available: 3, total: 12 },
      { serviceType: 'shelter', available: 2, total: 12 },
      { serviceType: 'counseling', available: 4, total: null },
    ]);
  });

  it('refuses another agency’s staff and roles without the permission, changing nothing', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, capacity: [{ serviceType: 'shelter', available: 5, total: 10 }] });
    for (const agent of [otherStaff, advocate]) {
      const refused = await agent.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: 0 });
      expect(refused.statusCode).toBe(403);
    }
    expect((await advocate.get(`/api/directory/providers/${id}`)).json().capacity[0]).toMatchObject({ available: 5, total: 10 });
    expect((await advocate.get(`/api/directory/providers/${id}/capacity/history`)).json().history).toHaveLength(1);
  });

  it('lets a coordinator keep the count of an entry no agency keeps', async () => {
    const id = await createTestProvider(h.ctx, { serviceTypes: ['emergency_housing'] });
    const answer = await coordinator.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'emergency_housing', available: 1, total: 2 });
    expect(answer.json().capacity).toEqual([expect.objectContaining({ unit: 'beds', available: 1, total: 2 })]);
  });

  it('refuses counts that do not add up or are for a service the provider does not offer', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, capacity: [{ serviceType: 'shelter', available: 1, total: 4 }] });
    const over = await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: 5 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields).toEqual([{ path: 'body.available', message: 'At most 4.' }]);
    const wrong = await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'medical', available: 1 });
    expect(wrong.json().error.fields).toEqual([{ path: 'body.serviceType', message: expect.any(String) }]);
    const negative = await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: -1 });
    expect(negative.statusCode).toBe(400);
    expect((await advocate.get(`/api/directory/providers/${id}`)).json().capacity[0]).toMatchObject({ available: 1, total: 4 });
  });

  it('marks a count stale after the configured hours, and confirming the same count renews it', async () => {
    const hours = h.ctx.config.directoryCapacityStaleHours;
    const fresh = await createTestProvider(h.ctx, { capacity: [{ serviceType: 'shelter', available: 1, updatedAt: new Date(h.clock.now().getTime() - (hours * 60 - 1) * 60_000) }] });
    expect((await advocate.get(`/api/directory/providers/${fresh}`)).json().capacity[0].stale).toBe(false);
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, capacity: [{ serviceType: 'shelter', available: 2, total: 6, updatedAt: new Date(h.clock.now().getTime() - (hours * 60 + 1) * 60_000) }] });
    expect((await advocate.get(`/api/directory/providers/${id}`)).json().capacity[0].stale).toBe(true);
    const confirmed = (await shelterStaff.post(`/api/directory/providers/${id}/capacity`, { serviceType: 'shelter', available: 2 })).json();
    expect(confirmed.capacity[0]).toMatchObject({ available: 2, total: 6, stale: false });
  });

  it('drops the count of a service the entry stops offering', async () => {
    const id = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, serviceTypes: ['shelter', 'counseling'], capacity: [{ serviceType: 'shelter', available: 2 }, { serviceType: 'counseling', available: 3 }] });
    const after = (await shelterStaff.patch(`/api/directory/providers/${id}`, { serviceTypes: ['counseling'] })).json();
    expect(after.capacity.map((c: { serviceType: string }) => c.serviceType)).toEqual(['counseling']);
  });
});
