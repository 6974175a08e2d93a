import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { collideOnTable } from '../../test/races.ts';

let h: TestHaven;
let admin: Agent;
let adminAgencyId: string;
beforeAll(async () => {
  h = await createTestApp();
  const home = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  adminAgencyId = home.id;
  admin = await openSession(h, await createTestUser(h.ctx, { agencyId: home.id, roles: ['taskforce_admin'] }));
});
afterAll(async () => h.close());

const unique = () => randomBytes(4).toString('hex');

describe('agencies', () => {
  it('creates an agency and shows it in the list and by id', async () => {
    const name = `Harbor County Sheriff ${unique()}`;
    const created = await admin.post('/api/agencies', { name: `  ${name}  `, shortName: 'HCSO', type: 'law_enforcement', contactEmail: 'desk@hcso.example', contactPhone: '555-0101' });
    expect(created.statusCode).toBe(201);
    const agency = created.json();
    expect(agency).toEqual({ id: expect.any(String), name, shortName: 'HCSO', type: 'law_enforcement', contactEmail: 'desk@hcso.example', contactPhone: '555-0101', isActive: true, createdAt: expect.any(String) });
    expect((await admin.get(`/api/agencies/${agency.id}`)).json()).toEqual(agency);
    expect((await admin.get('/api/agencies')).json().agencies).toContainEqual(agency);
  });

  it('refuses a second agency with the same name in any letter case', async () => {
    const name = `Bayview Legal Aid ${unique()}`;
    expect((await admin.post('/api/agencies', { name, type: 'legal_service' })).statusCode).toBe(201);
    const duplicate = await admin.post('/api/agencies', { name: name.toUpperCase(), type: 'legal_service' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'body.name', message: expect.any(String) }] });
    const padded = await admin.post('/api/agencies', { name: `  ${name.toLowerCase()} `, type: 'legal_service' });
    expect(padded.statusCode).toBe(409);
  });

  it('answers 409, not 500, when the same new name arrives twice at once', async () => {
    const name = `Concurrent Clinic ${unique()}`;
    const answers = await collideOnTable(h, 'agencies', [
      () => admin.post('/api/agencies', { name, type: 'health_service' }),
      () => admin.post('/api/agencies', { name: name.toLowerCase(), type: 'health_service' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses renaming an agency to another agency’s name, but allows changing the case of its own', async () => {
    const taken = `Eastside Shelter ${unique()}`;
    await admin.post('/api/agencies', { name: taken, type: 'victim_service_provider' });
    const mine = (await admin.post('/api/agencies', { name: `Westside Shelter ${unique()}`, type: 'victim_service_provider' })).json();
    const clash = await admin.patch(`/api/agencies/${mine.id}`, { name: taken.toLowerCase() });
    expect(clash.statusCode).toBe(409);
    const recased = await admin.patch(`/api/agencies/${mine.id}`, { name: mine.name.toUpperCase() });
    expect(recased.statusCode).toBe(200);
    expect(recased.json().name).toBe(mine.name.toUpperCase());
  });

  it('changes only the fields sent', async () => {
    const created = (await admin.post('/api/agencies', { name: `North Clinic ${unique()}`, shortName: 'NC', type: 'health_service', contactEmail: 'info@nc.example' })).json();
    const patched = await admin.patch(`/api/agencies/${created.id}`, { contactPhone: '555-0199' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ ...created, contactPhone: '555-0199' });
  });

  it('refuses a change of kind that would leave someone with a role the new kind cannot hold', async () => {
    const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['victim_advocate'] });
    const refused = await admin.patch(`/api/agencies/${shelter.id}`, { type: 'law_enforcement' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ path: 'body.type', message: expect.any(String) }]);
    expect((await admin.get(`/api/agencies/${shelter.id}`)).json().type).toBe('victim_service_provider');
    expect((await admin.patch(`/api/agencies/${shelter.id}`, { type: 'health_service' })).json().type).toBe('health_service');
  });

  it('names every invalid field', async () => {
    const bad = await admin.post('/api/agencies', { name: 'x', type: 'space_agency', contactEmail: 'not-an-email', shortName: 's'.repeat(41) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.contactEmail', 'body.name', 'body.shortName', 'body.type']);
  });

  it('answers 404 for an agency that does not exist', async () => {
    const missing = await admin.get('/api/agencies/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('refuses to deactivate one’s own agency', async () => {
    const refused = await admin.patch(`/api/agencies/${adminAgencyId}`, { isActive: false });
    expect(refused.statusCode).toBe(409);
    expect((await admin.get(`/api/agencies/${adminAgencyId}`)).json().isActive).toBe(true);
  });

  it('ends the sessions of a deactivated agency’s people and refuses their sign-in', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'prosecutor' });
    const person = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['prosecutor'] });
    const session = await openSession(h, person);
    expect((await session.get('/api/agencies')).statusCode).toBe(200);
    expect((await admin.patch(`/api/agencies/${agency.id}`, { isActive: false })).json().isActive).toBe(false);
    expect((await session.get('/api/agencies')).statusCode).toBe(401);
    const login = await new Agent(h.app).post('/api/auth/login', { email: person.email, password: person.password });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('sign_in_failed');
  });
});
