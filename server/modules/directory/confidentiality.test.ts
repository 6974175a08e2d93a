import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/access/roles.ts';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { ROLE_HOME } from '../../test/access-matrix.ts';
import { findProvider } from './directory.repo.ts';
import { presentProviderPublic } from './directory.presenter.ts';
import { createTestProvider } from './directory.fixtures.ts';
import { withoutRandomIds } from '../../test/random-ids.ts';

// What must never reach anyone without need: the street, the ZIP code and the exact position.
const STREET = '4821 Quiet Harbor Lane';
const SECRETS = ['4821', 'Quiet Harbor', '77011', '29.7412', '95.3109'];

let h: TestHaven;
let shelter: TestAgency;
let providerId: string;
let hubId: string;
const everyone = new Map<string, Agent>();

beforeAll(async () => {
  h = await createTestApp();
  shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Casa Esperanza' });
  providerId = await createTestProvider(h.ctx, {
    name: 'Casa Esperanza Youth Shelter',
    linkedAgencyId: shelter.id,
    serviceTypes: ['shelter', 'counseling'],
    languages: ['es'],
    acceptsMinors: true,
    confidentialLocation: true,
    address1: STREET,
    address2: 'Back entrance',
    postalCode: '77011',
    latitude: 29.741234,
    longitude: -95.310987,
    area: 'East Houston',
    phone: '713-555-0142',
    capacity: [{ serviceType: 'shelter', available: 2, total: 8 }],
  });
  for (const role of ROLES) {
    const home = await createTestAgency(h.ctx, { type: ROLE_HOME[role] });
    everyone.set(`${role} elsewhere`, await openSession(h, await createTestUser(h.ctx, { agencyId: home.id, roles: [role] })));
  }
  // People of the shelter's own agency whose roles do not run the shelter.
  everyone.set('victim_advocate at the shelter', await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['victim_advocate'] })));
  everyone.set('provider_staff at the shelter', await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['provider_staff'] })));
  everyone.set('agency_admin at the shelter', await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['agency_admin'] })));

  const coordinator = everyone.get('coordinator elsewhere')!;
  const hub = (await coordinator.post('/api/directory/hubs', { name: 'Family Justice Center', address1: '1301 Fannin St' })).json();
  hubId = hub.id;
  await coordinator.post(`/api/directory/hubs/${hubId}/sessions`, { providerId, serviceType: 'counseling', days: ['MO'], opens: '09:00', closes: '12:00' });
  await everyone.get('victim_advocate elsewhere')!.post(`/api/directory/providers/${providerId}/referral-inquiries`, { serviceType: 'shelter', age: 17 });
});
afterAll(async () => h.close());

describe('looking for the secrets', () => {
  it('finds them in what was written, never inside a random id', () => {
    const answer = JSON.stringify({ id: '4821a077-0114-4821-9aa0-77011e4821ff', etag: 'ab29741295310977011cd4821ef01234', address1: STREET });
    expect(leaks(answer)).toEqual(['4821', 'Quiet Harbor']);
    expect(leaks(JSON.stringify({ id: '4821a077-0114-4821-9aa0-77011e4821ff' }))).toEqual([]);
  });
});

/** Every answer a staff member can get from the directory about the shelter without asking for its address. */
const READS = (): string[] => [
  '/api/directory/providers',
  '/api/directory/providers?q=esperanza&status=all',
  `/api/directory/providers/${providerId}`,
  `/api/directory/providers/${providerId}/capacity/history`,
  '/api/directory/search?need=shelter&language=es&age=17&openCapacity=true&near=29.7604,-95.3698',
  // Searching right beside it: the distance shown is rounded up to whole 5 km (a search echoes its own `near`).
  '/api/directory/search?near=29.7415,-95.3105&radiusKm=5',
  '/api/directory/search?near=77002',
  '/api/directory/hubs',
  `/api/directory/hubs/${hubId}`,
  '/api/directory/inquiries?box=inbox',
  '/api/directory/inquiries?box=sent',
  '/api/directory/export?format=hsds',
  '/api/directory/export?format=csv',
];

// Ids are random hex and may hold '4821' or '77011' by chance: they are left out before looking.
const leaks = (body: string) => SECRETS.filter((secret) => withoutRandomIds(body).includes(secret));

describe('a confidential shelter’s address', () => {
  it('is in no answer any role can read, in any agency, even the shelter’s own', async () => {
    const found: string[] = [];
    let answered = 0;
    for (const [who, agent] of everyone) {
      for (const url of READS()) {
        const response = await agent.get(url);
        if (response.statusCode === 200) answered++;
        if (leaks(response.body).length) found.push(`${who} GET ${url}: ${leaks(response.body).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
    // Most of these calls answered with data: the check above looked at real answers, not refusals.
    expect(answered).toBeGreaterThan(everyone.size * 8);
  });

  it('is in no answer to a change, whoever makes it', async () => {
    const answers = [
      await everyone.get('coordinator elsewhere')!.patch(`/api/directory/providers/${providerId}`, { hoursNotes: 'Intake at any hour.' }),
      await everyone.get('coordinator elsewhere')!.post(`/api/directory/providers/${providerId}/capacity`, { serviceType: 'shelter', available: 2 }),
      await everyone.get('provider_staff at the shelter')!.patch(`/api/directory/providers/${providerId}`, { costNotes: 'Free.' }),
      await everyone.get('provider_staff at the shelter')!.post(`/api/directory/providers/${providerId}/capacity`, { serviceType: 'shelter', available: 1 }),
      await everyone.get('child_welfare_worker elsewhere')!.post(`/api/directory/providers/${providerId}/referral-inquiries`, { serviceType: 'shelter' }),
      await everyone.get('taskforce_admin elsewhere')!.patch(`/api/directory/providers/${providerId}`, { address1: '4821 Quiet Harbor Lane', postalCode: '77011' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 201, 200]);
    expect(answers.flatMap((a) => leaks(a.body))).toEqual([]);
    // A directory keeper may replace the address without ever reading it back: only that it is on file.
    expect(answers[5]!.json()).toMatchObject({ location: null, addressOnFile: true });
  });

  it('is shown to the shelter’s own staff when they ask for it, and every look and every refusal is audited', async () => {
    const allowed = new Set(['provider_staff at the shelter', 'agency_admin at the shelter']);
    for (const [who, agent] of everyone) {
      const response = await agent.get(`/api/directory/providers/${providerId}/location`);
      if (allowed.has(who)) {
        expect(response.statusCode, who).toBe(200);
        expect(response.json().location).toEqual({ address1: STREET, address2: 'Back entrance', city: 'Houston', state: 'TX', postalCode: '77011', latitude: 29.741234, longitude: -95.310987 });
      } else {
        expect(response.statusCode, who).toBe(403);
        expect(leaks(response.body)).toEqual([]);
      }
    }
    const audit = await h.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_agency_id']).where('action', '=', 'directory.location_viewed').where('entity_id', '=', providerId).execute();
    expect(audit.filter((a) => a.outcome === 'success')).toEqual([
      { outcome: 'success', actor_agency_id: shelter.id },
      { outcome: 'success', actor_agency_id: shelter.id },
    ]);
    expect(audit.filter((a) => a.outcome === 'denied')).toHaveLength(everyone.size - 2);
  });

  it('is left out of the public-safe shape, which still gives a phone number and an area', async () => {
    const row = (await findProvider(h.ctx.db, providerId))!;
    const shown = presentProviderPublic(row, h.ctx.now());
    expect(shown).toMatchObject({ phone: '713-555-0142', area: 'East Houston', city: 'Houston', address: null });
    expect(leaks(JSON.stringify(shown))).toEqual([]);
    expect(shown).not.toHaveProperty('capacity');

    const open = await createTestProvider(h.ctx, { name: 'Walk-in clinic', serviceTypes: ['medical'], address1: '12 Main St', postalCode: '77002', latitude: 29.75, longitude: -95.36 });
    expect(presentProviderPublic((await findProvider(h.ctx.db, open))!, h.ctx.now()).address).toEqual({ address1: '12 Main St', address2: null, postalCode: '77002', latitude: 29.75, longitude: -95.36 });
  });
});

