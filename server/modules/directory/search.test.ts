import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { createTestProvider, HOUSTON, north } from './directory.fixtures.ts';

let h: TestHaven;
let advocate: Agent;
const ids: Record<string, string> = {};

const near = `${HOUSTON.lat},${HOUSTON.lng}`;
const names = (answer: { results: Array<{ name: string }> }) => answer.results.map((r) => r.name);

beforeAll(async () => {
  h = await createTestApp();
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
  const now = h.clock.now().getTime();
  const stale = new Date(now - 30 * 3_600_000);
  const teenShelter = { serviceTypes: ['shelter' as const], languages: ['es', 'en'], acceptsMinors: true, minAge: 12, maxAge: 17 };
  // The one a case manager is looking for: Spanish, takes a 17-year-old, a bed free now, 4 km away.
  ids.match = await createTestProvider(h.ctx, { ...teenShelter, name: 'Match', at: north(HOUSTON, 4), capacity: [{ serviceType: 'shelter', available: 2, total: 8 }] });
  // Also a match, nearer, serving everyone from 16 with a free bed; speaks Spanish as es-US.
  ids.nearer = await createTestProvider(h.ctx, { serviceTypes: ['shelter', 'counseling'], languages: ['es-US'], acceptsMinors: true, minAge: 16, name: 'Nearer', at: north(HOUSTON, 1), capacity: [{ serviceType: 'shelter', available: 1 }] });
  ids.adultsOnly = await createTestProvider(h.ctx, { serviceTypes: ['shelter'], languages: ['es'], minAge: 18, name: 'Adults only', at: north(HOUSTON, 2), capacity: [{ serviceType: 'shelter', available: 4 }] });
  ids.englishOnly = await createTestProvider(h.ctx, { ...teenShelter, languages: ['en'], name: 'English only', at: north(HOUSTON, 3), capacity: [{ serviceType: 'shelter', available: 3 }] });
  ids.full = await createTestProvider(h.ctx, { ...teenShelter, name: 'Full', at: north(HOUSTON, 5), capacity: [{ serviceType: 'shelter', available: 0, total: 6 }] });
  ids.staleBed = await createTestProvider(h.ctx, { ...teenShelter, name: 'Stale bed', at: north(HOUSTON, 6), capacity: [{ serviceType: 'shelter', available: 3, updatedAt: stale }] });
  ids.slotsNotBeds = await createTestProvider(h.ctx, { ...teenShelter, serviceTypes: ['shelter', 'counseling'], name: 'Counseling slots only', at: north(HOUSTON, 7), capacity: [{ serviceType: 'counseling', available: 5 }] });
  ids.inactive = await createTestProvider(h.ctx, { ...teenShelter, name: 'Inactive', status: 'inactive', at: north(HOUSTON, 2), capacity: [{ serviceType: 'shelter', available: 9 }] });
  ids.far = await createTestProvider(h.ctx, { ...teenShelter, name: 'Far', at: north(HOUSTON, 300), capacity: [{ serviceType: 'shelter', available: 2 }] });
  ids.nowhere = await createTestProvider(h.ctx, { ...teenShelter, name: 'No position', capacity: [{ serviceType: 'shelter', available: 2 }] });
  ids.boysOnly = await createTestProvider(h.ctx, { ...teenShelter, genders: ['male'], name: 'Boys only', at: north(HOUSTON, 8), capacity: [{ serviceType: 'shelter', available: 2 }] });
  ids.citizens = await createTestProvider(h.ctx, { ...teenShelter, immigrationRequirement: 'citizens_only', name: 'Citizens only', at: north(HOUSTON, 9), capacity: [{ serviceType: 'shelter', available: 2 }] });
  ids.legal = await createTestProvider(h.ctx, { serviceTypes: ['legal_immigration'], languages: ['es'], name: 'Legal aid', at: north(HOUSTON, 1.5) });
  ids.hidden = await createTestProvider(h.ctx, { ...teenShelter, name: 'Confidential', confidentialLocation: true, at: north(HOUSTON, 3.2), capacity: [{ serviceType: 'shelter', available: 1 }] });
});
afterAll(async () => h.close());

const search = async (query: string) => {
  const answer = await advocate.get(`/api/directory/search?${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
};

describe('referral search', () => {
  it('finds Spanish-speaking shelters with a bed free now for a 17-year-old, nearest first', async () => {
    const answer = await search(`need=shelter&language=es&age=17&openCapacity=true&near=${near}`);
    expect(names(answer)).toEqual(['Nearer', 'Match', 'Confidential', 'Boys only', 'Citizens only', 'Far', 'No position']);
    const match = answer.results.find((r: { id: string }) => r.id === ids.match);
    expect(match).toMatchObject({ distanceKm: 4, distanceApproximate: false, capacity: [{ serviceType: 'shelter', unit: 'beds', available: 2, total: 8, stale: false }] });
    expect(answer.near).toMatchObject({ latitude: HOUSTON.lat, longitude: HOUSTON.lng });
  });

  it('narrows by gender, immigration status and distance', async () => {
    const answer = await search(`need=shelter&language=es&age=17&gender=female&immigrationStatus=undocumented&openCapacity=true&near=${near}&radiusKm=50`);
    expect(names(answer)).toEqual(['Nearer', 'Match', 'Confidential']);
    expect(names(await search(`need=shelter&age=17&immigrationStatus=citizen&gender=male&openCapacity=true&near=${near}&radiusKm=50`))).toEqual(['Nearer', 'English only', 'Match', 'Confidential', 'Boys only', 'Citizens only']);
  });

  it('counts a stale bed only when asked to, and says it is stale', async () => {
    const answer = await search(`need=shelter&language=es&age=15&openCapacity=true&includeStale=true&near=${near}&radiusKm=20`);
    expect(names(answer)).toEqual(['Match', 'Confidential', 'Stale bed', 'Boys only', 'Citizens only']);
    expect(answer.results.find((r: { id: string }) => r.id === ids.staleBed).capacity[0]).toMatchObject({ available: 3, stale: true });
  });

  it('without the capacity filter, lists every provider of the service, full ones too, and never inactive ones', async () => {
    const answer = await search(`need=shelter&language=es&age=17&near=${near}&radiusKm=20`);
    expect(names(answer)).toEqual(['Nearer', 'Match', 'Confidential', 'Full', 'Stale bed', 'Counseling slots only', 'Boys only', 'Citizens only']);
  });

  it('matches a language by its first subtag, whichever way it was written', async () => {
    expect(names(await search('need=shelter&language=es-MX&age=16&openCapacity=true'))).toEqual(['Boys only', 'Citizens only', 'Confidential', 'Far', 'Match', 'Nearer', 'No position']);
    expect(names(await search('need=legal_immigration&language=ES'))).toEqual(['Legal aid']);
  });

  it('rounds a confidential location’s distance up to whole 5 km and filters on the rounded figure, so radius steps cannot find it', async () => {
    const hidden = (await search(`need=shelter&near=${near}`)).results.find((r: { id: string }) => r.id === ids.hidden);
    expect(hidden).toMatchObject({ distanceKm: 5, distanceApproximate: true });
    for (const radius of [1, 2, 3, 3.2, 3.3, 4, 4.9]) {
      expect(names(await search(`need=shelter&near=${near}&radiusKm=${radius}`)), `radius ${radius}`).not.toContain('Confidential');
    }
    expect(names(await search(`need=shelter&near=${near}&radiusKm=5`))).toContain('Confidential');
  });

  it('searches near a ZIP code or a city through the gazetteer', async () => {
    const answer = await search('need=legal_immigration&near=77002');
    expect(answer.near.label).toContain('77002');
    expect(answer.results[0]).toMatchObject({ id: ids.legal, distanceKm: expect.any(Number) });
    expect(answer.results[0].distanceKm).toBeLessThan(5);
  });

  it('says what to fix in a search it cannot run', async () => {
    const noPlace = await advocate.get('/api/directory/search?radiusKm=10');
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.fields).toEqual([{ path: 'querystring.near', message: expect.any(String) }]);
    const unknown = await advocate.get('/api/directory/search?near=zzqx%20vvqk');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('querystring.near');
    const bad = await advocate.get('/api/directory/search?need=spa&age=200&language=%21%21');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['querystring.age', 'querystring.language', 'querystring.need']);
  });
  it('filters on opening hours in the provider’s time zone', async () => {
    // Wednesday 2026-11-25, 15:00 in Houston (21:00 UTC).
    const open = await createTestProvider(h.ctx, { serviceTypes: ['medical'], name: 'Clinic open Wed afternoon', hours: [{ days: ['WE'], opens: '13:00', closes: '17:00' }] });
    await createTestProvider(h.ctx, { serviceTypes: ['medical'], name: 'Clinic closed Wed', hours: [{ days: ['TH'], opens: '13:00', closes: '17:00' }] });
    await createTestProvider(h.ctx, { serviceTypes: ['medical'], name: 'Clinic hours unknown' });
    const wednesday = new Date('2026-11-25T21:00:00Z').getTime();
    h.clock.advance(wednesday - h.clock.now().getTime());
    const later = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'child_welfare' })).id, roles: ['child_welfare_worker'] }));
    const answer = (await later.get('/api/directory/search?need=medical&openNow=true')).json();
    expect(answer.results.map((r: { id: string }) => r.id)).toEqual([open]);
    const all = (await later.get('/api/directory/search?need=medical')).json();
    expect(all.results.map((r: { name: string; openNow: boolean | null }) => [r.name, r.openNow])).toEqual([
      ['Clinic closed Wed', false],
      ['Clinic hours unknown', null],
      ['Clinic open Wed afternoon', true],
    ]);
  });
});
