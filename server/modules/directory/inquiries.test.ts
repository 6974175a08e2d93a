import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { createTestProvider, HOUSTON, north } from './directory.fixtures.ts';

let h: TestHaven;
let ngo: TestAgency;
let shelter: TestAgency;
let caseManager: Agent;
let caseManagerId: string;
let shelterStaff: Agent;
let shelterStaffId: string;
let otherShelterStaff: Agent;
let shelterId: string;

beforeAll(async () => {
  h = await createTestApp();
  ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Bridges Case Management' });
  const manager = await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] });
  caseManagerId = manager.id;
  caseManager = await openSession(h, manager);
  shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Casa Esperanza' });
  const staff = await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['provider_staff'] });
  shelterStaffId = staff.id;
  shelterStaff = await openSession(h, staff);
  const otherShelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  otherShelterStaff = await openSession(h, await createTestUser(h.ctx, { agencyId: otherShelter.id, roles: ['provider_staff'] }));
  shelterId = await createTestProvider(h.ctx, {
    name: 'Casa Esperanza Youth Shelter',
    linkedAgencyId: shelter.id,
    serviceTypes: ['shelter', 'counseling'],
    languages: ['es', 'en'],
    acceptsMinors: true,
    minAge: 12,
    maxAge: 17,
    confidentialLocation: true,
    at: north(HOUSTON, 3),
    capacity: [{ serviceType: 'shelter', available: 2, total: 8 }],
  });
});
afterAll(async () => h.close());

const notificationsOf = (userId: string) => h.ctx.db.selectFrom('notifications').select(['kind', 'entity_id', 'data']).where('user_id', '=', userId).orderBy('created_at').execute();

describe('referral inquiries', () => {
  it('takes a case manager from the search to an inquiry the shelter accepts, holding the bed', async () => {
    const found = (await caseManager.get(`/api/directory/search?need=shelter&language=es&age=17&openCapacity=true&near=${HOUSTON.lat},${HOUSTON.lng}`)).json();
    expect(found.results.map((r: { id: string }) => r.id)).toEqual([shelterId]);

    const sent = await caseManager.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'shelter', age: 17, language: 'es', needed: 'today', note: 'Young woman, safe to travel tonight.' });
    expect(sent.statusCode).toBe(201);
    const inquiry = sent.json();
    expect(inquiry).toMatchObject({
      provider: { id: shelterId, name: 'Casa Esperanza Youth Shelter' },
      serviceType: 'shelter',
      unit: 'beds',
      peopleCount: 1,
      age: 17,
      language: 'es',
      status: 'open',
      fromAgency: { id: ngo.id, name: 'Bridges Case Management' },
      toAgency: { id: shelter.id, name: 'Casa Esperanza' },
      abilities: { answer: false, withdraw: true },
    });
    expect(await notificationsOf(shelterStaffId)).toEqual([{ kind: 'directory.inquiry_received', entity_id: inquiry.id, data: { number: inquiry.number, providerName: 'Casa Esperanza Youth Shelter', serviceType: 'shelter' } }]);

    const inbox = (await shelterStaff.get('/api/directory/inquiries?box=inbox')).json().inquiries;
    expect(inbox).toEqual([expect.objectContaining({ id: inquiry.id, abilities: { answer: true, withdraw: false } })]);
    expect((await otherShelterStaff.get('/api/directory/inquiries?box=inbox')).json().inquiries).toEqual([]);

    const accepted = await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'accepted', note: 'Bed held until 10 pm; call the intake line on arrival.', holdCapacity: true });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', capacityHeld: true, responseNote: 'Bed held until 10 pm; call the intake line on arrival.', answeredBy: expect.any(String) });
    const shelterNow = (await caseManager.get(`/api/directory/providers/${shelterId}`)).json();
    expect(shelterNow.capacity).toEqual([expect.objectContaining({ serviceType: 'shelter', available: 1, total: 8 })]);
    const history = (await caseManager.get(`/api/directory/providers/${shelterId}/capacity/history`)).json().history;
    expect(history[0]).toMatchObject({ available: 1, source: 'inquiry_hold' });

    const sentBox = (await caseManager.get('/api/directory/inquiries?box=sent')).json().inquiries;
    expect(sentBox).toEqual([expect.objectContaining({ id: inquiry.id, status: 'accepted', abilities: { answer: false, withdraw: false } })]);
    expect((await notificationsOf(caseManagerId)).map((n) => [n.kind, n.data])).toEqual([['directory.inquiry_answered', { number: inquiry.number, providerName: 'Casa Esperanza Youth Shelter', decision: 'accepted' }]]);

    const again = await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'declined' });
    expect(again.statusCode).toBe(409);
    const actions = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', inquiry.id).orderBy('seq').execute();
    expect(actions).toEqual([
      { action: 'directory.inquiry_sent', details: { providerId: shelterId, serviceType: 'shelter', toAgencyId: shelter.id } },
      { action: 'directory.inquiry_answered', details: { decision: 'accepted', capacityHeld: true } },
    ]);
  });

  it('will not hold more beds than are free, and changes nothing then', async () => {
    const inquiry = (await caseManager.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'counseling', peopleCount: 2 })).json();
    const refused = await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'accepted', holdCapacity: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Fewer than 2 free slots');
    const inbox = (await shelterStaff.get('/api/directory/inquiries?box=inbox&status=open')).json().inquiries;
    expect(inbox.map((i: { id: string }) => i.id)).toContain(inquiry.id);
    expect((await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'declined', note: 'No counselor free this week.' })).json()).toMatchObject({ status: 'declined', capacityHeld: false });
  });

  it('lets the sender withdraw an open inquiry, and no one else', async () => {
    const inquiry = (await caseManager.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'shelter' })).json();
    expect((await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/withdraw`)).statusCode).toBe(403);
    expect((await otherShelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'accepted' })).statusCode).toBe(404);
    expect((await caseManager.post(`/api/directory/inquiries/${inquiry.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await shelterStaff.post(`/api/directory/inquiries/${inquiry.id}/answer`, { decision: 'accepted' })).statusCode).toBe(409);
  });

  it('keeps survivor details out of the note', async () => {
    for (const note of ['Call her at 713 555 0123', 'Email maria@example.com']) {
      const refused = await caseManager.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'shelter', note });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([{ path: 'body.note', message: expect.stringContaining('must not identify the person') }]);
    }
  });

  it('explains why an inquiry cannot go: a service not offered, or a provider outside Haven', async () => {
    const wrong = await caseManager.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'legal_civil' });
    expect(wrong.statusCode).toBe(400);
    const outside = await createTestProvider(h.ctx, { name: 'Phone-only shelter', phone: '281-555-0123' });
    const unlinked = await caseManager.post(`/api/directory/providers/${outside}/referral-inquiries`, { serviceType: 'shelter' });
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().error.message).toBe('Phone-only shelter does not answer inquiries in Haven. Call them at 281-555-0123.');
    expect((await shelterStaff.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'shelter' })).statusCode).toBe(403);
    // A referrer at the shelter's own agency asks its own desk like anyone else.
    const colleague = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['victim_advocate'] }));
    expect((await colleague.post(`/api/directory/providers/${shelterId}/referral-inquiries`, { serviceType: 'shelter' })).statusCode).toBe(201);
  });
});
