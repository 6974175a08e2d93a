import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';

let h: TestHaven;
let coordinator: Agent;
let outreach: Agent;
let investigator: Agent;
beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  const community = await createTestAgency(h.ctx, { type: 'community_organization' });
  const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] }));
  outreach = await openSession(h, await createTestUser(h.ctx, { agencyId: community.id, roles: ['outreach_lead'] }));
  investigator = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
});
afterAll(async () => h.close());

const weekdays = { mon: [{ opens: '09:00', closes: '18:00' }], tue: [{ opens: '09:00', closes: '18:00' }], wed: [{ opens: '09:00', closes: '18:00' }], thu: [{ opens: '09:00', closes: '20:00' }], fri: [{ opens: '09:00', closes: '18:00' }], sat: [{ opens: '10:00', closes: '17:00' }] };
const library = {
  name: 'Central Library',
  kind: 'library',
  address: '500 McKinney St',
  city: 'Houston',
  state: 'tx',
  zip: '77002',
  lat: 29.7589,
  lng: -95.3677,
  hours: { days: weekdays },
  publicPhone: '(832) 393-1313',
  publicNote: 'Ask at the first-floor desk.',
  contactName: 'Dana Ruiz',
  contactPhone: '(832) 555-0142',
  staffLastTrainedOn: '2026-02-10',
};

const auditFor = (entityId: string) => h.ctx.db.selectFrom('audit_log').select(['action', 'details', 'actor_user_id']).where('entity_id', '=', entityId).orderBy('seq').execute();

describe('Safe Places (staff)', () => {
  it('creates a place with its time zone from the coordinates, and shows it to every signed-in person', async () => {
    const created = await coordinator.post('/api/safe-places', library);
    expect(created.statusCode).toBe(201);
    const place = created.json();
    expect(place).toMatchObject({
      name: 'Central Library',
      kind: 'library',
      state: 'TX',
      zip: '77002',
      timeZone: 'America/Chicago',
      hours: { alwaysOpen: false, days: { ...weekdays, sun: [] } },
      contactPhonePublic: false,
      staffLastTrainedOn: '2026-02-10',
      isActive: true,
      openNow: { isOpen: expect.any(Boolean) },
    });
    expect((await investigator.get(`/api/safe-places/${place.id}`)).json()).toMatchObject({ id: place.id, contactName: 'Dana Ruiz' });
    expect((await investigator.get('/api/safe-places')).json().safePlaces.map((p: { id: string }) => p.id)).toContain(place.id);
    const audit = await auditFor(place.id);
    expect(audit).toMatchObject([{ action: 'safe_place.created', details: { kind: 'library' } }]);
    expect(JSON.stringify(audit)).not.toContain('Dana Ruiz');
  });

  it('lets outreach leads keep places and refuses investigators', async () => {
    const created = await outreach.post('/api/safe-places', { ...library, name: 'Fire Station 8', kind: 'fire_station', hours: { alwaysOpen: true } });
    expect(created.statusCode).toBe(201);
    expect(created.json().openNow).toEqual({ isOpen: true, closes: null });
    const refused = await investigator.post('/api/safe-places', library);
    expect(refused.statusCode).toBe(403);
    expect((await investigator.patch(`/api/safe-places/${created.json().id}`, { name: 'Renamed' })).statusCode).toBe(403);
  });

  it('says whether a place is open now in its own time zone', async () => {
    const place = (await coordinator.post('/api/safe-places', { ...library, name: 'Night Desk', hours: { days: { wed: [{ opens: '22:00', closes: '02:00' }] } } })).json();
    // Move the clock to Wednesday 4 March 2026, 23:30 in Houston (05:30 UTC on Thursday).
    const offset = Date.parse('2026-03-05T05:30:00Z') - h.clock.now().getTime();
    h.clock.advance(offset);
    try {
      expect((await coordinator.get(`/api/safe-places/${place.id}`)).json().openNow).toEqual({ isOpen: true, closes: { day: 'thu', time: '02:00' } });
    } finally {
      h.clock.advance(-offset);
    }
  });

  it('changes only the fields sent, recomputes the time zone when the place moves, and audits field names only', async () => {
    const place = (await coordinator.post('/api/safe-places', library)).json();
    const patched = await coordinator.patch(`/api/safe-places/${place.id}`, { publicNote: null, contactPhonePublic: true });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ ...place, publicNote: null, contactPhonePublic: true, openNow: expect.anything(), updatedAt: expect.any(String) });
    const moved = (await coordinator.patch(`/api/safe-places/${place.id}`, { address: '1 Civic Center Plaza', city: 'Phoenix', state: 'AZ', zip: '85003', lat: 33.4484, lng: -112.074 })).json();
    expect(moved.timeZone).toBe('America/Phoenix');
    const audit = await auditFor(place.id);
    expect(audit.map((a) => a.action)).toEqual(['safe_place.created', 'safe_place.updated', 'safe_place.updated']);
    expect(audit[1]!.details).toEqual({ fields: ['contactPhonePublic', 'publicNote'] });
    expect(JSON.stringify(audit)).not.toContain('Civic Center');
  });

  it('deactivates rather than deletes, and can bring a place back', async () => {
    const place = (await coordinator.post('/api/safe-places', { ...library, name: 'Closing Branch' })).json();
    const off = await coordinator.patch(`/api/safe-places/${place.id}`, { isActive: false });
    expect(off.json().isActive).toBe(false);
    const active = (await coordinator.get('/api/safe-places?active=true')).json().safePlaces.map((p: { id: string }) => p.id);
    const inactive = (await coordinator.get('/api/safe-places?active=false')).json().safePlaces.map((p: { id: string }) => p.id);
    expect(active).not.toContain(place.id);
    expect(inactive).toContain(place.id);
    expect((await coordinator.patch(`/api/safe-places/${place.id}`, { isActive: true })).json().isActive).toBe(true);
    expect((await auditFor(place.id)).map((a) => a.action)).toEqual(['safe_place.created', 'safe_place.deactivated', 'safe_place.reactivated']);
  });

  it('filters the list by words and kind', async () => {
    await coordinator.post('/api/safe-places', { ...library, name: 'Bayou 100% Youth Hub', kind: 'youth_center' });
    const found = (await coordinator.get(`/api/safe-places?q=${encodeURIComponent('100%')}&kind=youth_center`)).json().safePlaces;
    expect(found.map((p: { name: string }) => p.name)).toEqual(['Bayou 100% Youth Hub']);
    expect((await coordinator.get('/api/safe-places?q=nothing-like-this')).json().safePlaces).toEqual([]);
    expect((await coordinator.get('/api/safe-places?kind=spaceport')).statusCode).toBe(400);
  });
});

describe('Safe Place input', () => {
  const fieldsOf = (response: { json(): { error: { fields?: Array<{ path: string }> } } }) => (response.json().error.fields ?? []).map((f) => f.path).sort();

  it('names every invalid field', async () => {
    const bad = await coordinator.post('/api/safe-places', { name: 'x', kind: 'spaceport', address: '', city: '', state: 'Texas', zip: '7700', lat: 91, lng: 'west', hours: { days: {} }, staffLastTrainedOn: '10/02/2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(fieldsOf(bad)).toEqual(['body.address', 'body.city', 'body.hours.days', 'body.kind', 'body.lat', 'body.lng', 'body.name', 'body.staffLastTrainedOn', 'body.state', 'body.zip']);
  });

  it('refuses malformed opening hours with a message that says how to write them', async () => {
    for (const [days, path] of [
      [{ mon: [{ opens: '9am', closes: '17:00' }] }, 'body.hours.days.mon.0.opens'],
      [{ mon: [{ opens: '09:00', closes: '09:00' }] }, 'body.hours.days.mon.0.closes'],
      [{ mon: [{ opens: '24:00', closes: '02:00' }] }, 'body.hours.days.mon.0.opens'],
      [{ mon: Array.from({ length: 5 }, () => ({ opens: '09:00', closes: '10:00' })) }, 'body.hours.days.mon'],
    ] as const) {
      const bad = await coordinator.post('/api/safe-places', { ...library, hours: { days } });
      expect(bad.statusCode, JSON.stringify(days)).toBe(400);
      expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const overnight = await coordinator.post('/api/safe-places', { ...library, hours: { days: { fri: [{ opens: '22:00', closes: '02:00' }], sat: [{ opens: '00:00', closes: '24:00' }] } } });
    expect(overnight.statusCode).toBe(201);
  });

  it('catches coordinates far from the ZIP code, such as latitude and longitude swapped', async () => {
    const swapped = await coordinator.post('/api/safe-places', { ...library, lat: -95.3677, lng: 29.7589 });
    expect(swapped.statusCode).toBe(400);
    const far = await coordinator.post('/api/safe-places', { ...library, lat: 32.7767, lng: -96.797 });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/km from ZIP code 77002/);
    expect(fieldsOf(far)).toEqual(['body.lat', 'body.lng']);
  });

  it('refuses an unknown time zone and a training date in the future', async () => {
    const zone = await coordinator.post('/api/safe-places', { ...library, timeZone: 'Mars/Olympus_Mons' });
    expect(zone.statusCode).toBe(400);
    expect(fieldsOf(zone)).toEqual(['body.timeZone']);
    const explicit = await coordinator.post('/api/safe-places', { ...library, timeZone: 'America/Chicago' });
    expect(explicit.json().timeZone).toBe('America/Chicago');
    const future = await coordinator.post('/api/safe-places', { ...library, staffLastTrainedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future)).toEqual(['body.staffLastTrainedOn']);
  });

  it('answers 404 for a place that does not exist and 400 for an id that is not one', async () => {
    expect((await coordinator.get('/api/safe-places/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await coordinator.patch('/api/safe-places/00000000-0000-4000-8000-000000000000', { name: 'Ghost' })).statusCode).toBe(404);
    expect((await coordinator.get('/api/safe-places/not-an-id')).statusCode).toBe(400);
  });
});

describe('geo helpers for staff', () => {
  it('locates a ZIP code or a city, and says what to type when nothing matches', async () => {
    expect((await investigator.get('/api/geo/locate?q=77002')).json()).toMatchObject({ label: 'Houston, TX 77002', timeZone: 'America/Chicago', kind: 'zip' });
    const missing = await investigator.get('/api/geo/locate?q=Xyzzyville');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/ZIP code or city/);
    expect((await investigator.get('/api/geo/locate')).statusCode).toBe(400);
  });

  it('gives the map’s tile server, and lets the staff app load its tiles and no one else’s', async () => {
    expect((await investigator.get('/api/geo/map-settings')).json()).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
    const portal = await h.app.inject({ method: 'GET', url: '/get-help' });
    expect(portal.headers['content-security-policy']).not.toContain('openstreetmap');
    const api = await investigator.get('/api/safe-places');
    expect(api.headers['content-security-policy']).not.toContain('openstreetmap');
  });
});
