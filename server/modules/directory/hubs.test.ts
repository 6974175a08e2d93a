import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { createTestProvider } from './directory.fixtures.ts';

let h: TestHaven;
let coordinatorUser: TestUser;
let advocateUser: TestUser;
let coordinator: Agent;
let advocate: Agent;
let legalAid: string;
let clinic: string;

beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  coordinatorUser = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] });
  coordinator = await openSession(h, coordinatorUser);
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  advocateUser = await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] });
  advocate = await openSession(h, advocateUser);
  legalAid = await createTestProvider(h.ctx, { name: 'Bayou Legal Aid', serviceTypes: ['legal_immigration', 'legal_civil'] });
  clinic = await createTestProvider(h.ctx, { name: 'Eastside Clinic', serviceTypes: ['medical', 'counseling'], confidentialLocation: true, address1: '9 Secret Row' });
});
afterAll(async () => h.close());

describe('one-stop service hubs', () => {
  it('gathers several providers at one public place on a schedule, and says who is there now', async () => {
    const created = await coordinator.post('/api/directory/hubs', { name: 'Family Justice Center', address1: '1301 Fannin St', city: 'Houston', state: 'TX', postalCode: '77002', area: 'Downtown', phone: '713-555-0150', latitude: 29.7522, longitude: -95.3634 });
    expect(created.statusCode).toBe(201);
    const hub = created.json();
    expect(hub).toMatchObject({ name: 'Family Justice Center', address1: '1301 Fannin St', timeZone: 'America/Chicago', sessions: [], providerCount: 0, canManage: true });

    await coordinator.post(`/api/directory/hubs/${hub.id}/sessions`, { providerId: legalAid, serviceType: 'legal_immigration', days: ['TU', 'TH'], opens: '09:00', closes: '12:00', notes: 'Walk-in consultations' });
    const withBoth = (await coordinator.post(`/api/directory/hubs/${hub.id}/sessions`, { providerId: clinic, serviceType: 'counseling', days: ['TU'], opens: '13:00', closes: '17:00' })).json();
    expect(withBoth).toMatchObject({ providerCount: 2, serviceTypes: ['counseling', 'legal_immigration'] });
    expect(withBoth.sessions.map((s: { provider: { name: string }; days: string[]; opens: string }) => [s.provider.name, s.days, s.opens])).toEqual([
      ['Bayou Legal Aid', ['TU', 'TH'], '09:00'],
      ['Eastside Clinic', ['TU'], '13:00'],
    ]);
    // The hub shows where the clinic keeps hours; the clinic's own address stays confidential.
    expect(JSON.stringify(withBoth)).not.toContain('9 Secret Row');

    // Tuesday 2026-11-24 at 10:00 in Houston: the legal clinic is in, the counselor is not yet.
    h.clock.advance(new Date('2026-11-24T16:00:00Z').getTime() - h.clock.now().getTime());
    const viewer = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'child_welfare' })).id, roles: ['child_welfare_worker'] }));
    const seen = (await viewer.get(`/api/directory/hubs/${hub.id}`)).json();
    expect(seen.canManage).toBe(false);
    expect(seen.openNow).toBe(true);
    expect(seen.sessions.map((s: { openNow: boolean }) => s.openNow)).toEqual([true, false]);
    expect((await viewer.get('/api/directory/hubs')).json().hubs).toEqual([expect.objectContaining({ id: hub.id, providerCount: 2, openNow: true })]);
    const clinicEntry = (await viewer.get(`/api/directory/providers/${clinic}`)).json();
    expect(clinicEntry.hubSessions).toEqual([{ id: expect.any(String), hub: { id: hub.id, name: 'Family Justice Center' }, serviceType: 'counseling', days: ['TU'], opens: '13:00', closes: '17:00' }]);
    // Moving the clock ended the earlier sessions; sign the others in again at the new time.
    coordinator = await openSession(h, coordinatorUser);
    advocate = await openSession(h, advocateUser);

    const removed = (await coordinator.request('DELETE', `/api/directory/hubs/${hub.id}/sessions/${withBoth.sessions[1].id}`)).json();
    expect(removed.sessions).toHaveLength(1);
    expect((await coordinator.request('DELETE', `/api/directory/hubs/${hub.id}/sessions/${withBoth.sessions[1].id}`)).statusCode).toBe(404);
  });

  it('refuses a session for a service the provider does not offer, and hours that make no sense', async () => {
    const hub = (await coordinator.post('/api/directory/hubs', { name: 'Northside Hub' })).json();
    const wrong = await coordinator.post(`/api/directory/hubs/${hub.id}/sessions`, { providerId: legalAid, serviceType: 'medical', days: ['MO'], opens: '09:00', closes: '10:00' });
    expect(wrong.json().error.fields).toEqual([{ path: 'body.serviceType', message: expect.any(String) }]);
    const bad = await coordinator.post(`/api/directory/hubs/${hub.id}/sessions`, { providerId: legalAid, serviceType: 'legal_civil', days: [], opens: '9am', closes: '25:00' });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.closes', 'body.days', 'body.opens']);
    expect((await coordinator.get(`/api/directory/hubs/${hub.id}`)).json().sessions).toEqual([]);
  });

  it('keeps hub names unique and hubs in the keepers’ hands', async () => {
    expect((await coordinator.post('/api/directory/hubs', { name: 'family justice center' })).statusCode).toBe(409);
    expect((await advocate.post('/api/directory/hubs', { name: 'My own hub' })).statusCode).toBe(403);
    const hub = (await coordinator.post('/api/directory/hubs', { name: 'West Hub', latitude: 29.7 })).json();
    expect(hub.error?.fields).toEqual([{ path: 'body.longitude', message: 'Give both latitude and longitude, or neither.' }]);
    const made = (await coordinator.post('/api/directory/hubs', { name: 'West Hub' })).json();
    expect((await coordinator.patch(`/api/directory/hubs/${made.id}`, { status: 'inactive' })).json().status).toBe('inactive');
    expect((await advocate.get('/api/directory/hubs')).json().hubs.map((x: { name: string }) => x.name)).not.toContain('West Hub');
    expect((await coordinator.get('/api/directory/hubs?all=true')).json().hubs.map((x: { name: string }) => x.name)).toContain('West Hub');
  });
});
