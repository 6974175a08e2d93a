import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { CSV_COLUMNS } from './exchange.csv.ts';
import { createTestProvider } from './directory.fixtures.ts';

let h: TestHaven;
let coordinator: Agent;
let providerStaff: Agent;

beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] }));
  const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  providerStaff = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['provider_staff'] }));
});
afterAll(async () => h.close());

const term = (taxonomy: string, code: string) => ({ taxonomy_term: { id: `${taxonomy}-${code}`, code, name: code, description: code, taxonomy } });
const attribute = (code: string, value: string) => ({ id: `${code}-${value}`, ...term('haven-directory', code), value });

/** An HSDS 3.0 service as another directory (a 211, a county) would publish it. */
function hsdsService(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `Service ${id}`,
    status: 'active',
    description: 'Shelter and case management.',
    minimum_age: 12,
    maximum_age: '17',
    application_process: 'Call the hotline.',
    organization: { id: `org-${id}`, name: `Organization ${id}`, description: 'A nonprofit.' },
    phones: [{ id: `phone-${id}`, number: '713-555-0199', extension: 12 }],
    languages: [{ id: `lang-${id}`, name: 'Spanish', code: 'es' }, { id: `lang2-${id}`, name: 'English', code: 'en' }],
    schedules: [{ id: `sch-${id}`, freq: 'WEEKLY', byday: 'MO,TU,WE', opens_at: '09:00:00', closes_at: '17:00-06:00', description: 'Closed on holidays.' }],
    service_at_locations: [
      {
        id: `sal-${id}`,
        location: {
          id: `loc-${id}`,
          location_type: 'physical',
          latitude: 29.75,
          longitude: '-95.35',
          addresses: [{ id: `addr-${id}`, address_1: '12 Harbor St', city: 'Houston', state_province: 'TX', postal_code: '77003', country: 'US', address_type: 'physical' }],
          accessibility: [{ id: `acc-${id}`, description: 'Ramp at the side door.' }],
        },
      },
    ],
    capacities: [{ id: `cap-${id}`, unit: { id: 'bed', name: 'Bed', identifier: 'shelter' }, available: 2, maximum: 10, updated: '2026-11-20T10:00:00Z' }],
    attributes: [
      { id: `st-${id}`, ...term('haven-service-types', 'shelter') },
      { id: `st2-${id}`, ...term('haven-service-types', 'case_management') },
      { id: `other-${id}`, ...term('open-eligibility', 'youth') },
      attribute('accepts_minors', 'true'),
      attribute('gender', 'female'),
      attribute('area', 'East End'),
      attribute('time_zone', 'America/Chicago'),
    ],
    ...overrides,
  };
}

const countProviders = async () => Number((await h.ctx.db.selectFrom('directory_providers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const importHsds = (body: unknown, query = '') => coordinator.request('POST', `/api/directory/import?format=hsds${query}`, body);
const importCsv = (text: string, query = '') => coordinator.request('POST', `/api/directory/import?format=csv${query}`, text, { 'content-type': 'text/csv' });
const byExternalId = (id: string) => h.ctx.db.selectFrom('directory_providers').select(['id']).where('external_id', '=', id).executeTakeFirstOrThrow();

describe('HSDS import', () => {
  it('reads services with their organization, location, phones, languages, hours, capacity and Haven attributes', async () => {
    const answer = await importHsds({ total_items: 2, contents: [hsdsService('svc-1'), hsdsService('svc-2', { status: 'temporarily closed', schedules: [{ id: 'a', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }] })] });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0 });
    const { id } = await byExternalId('svc-1');
    const entry = (await coordinator.get(`/api/directory/providers/${id}`)).json();
    expect(entry).toMatchObject({
      organizationName: 'Organization svc-1',
      name: 'Service svc-1',
      serviceTypes: ['shelter', 'case_management'],
      languages: ['es', 'en'],
      minAge: 12,
      maxAge: 17,
      acceptsMinors: true,
      genders: ['female'],
      phone: '713-555-0199 ext 12',
      hours: [{ days: ['MO', 'TU', 'WE'], opens: '09:00', closes: '17:00' }],
      hoursNotes: 'Closed on holidays.',
      intakeProcess: 'Call the hotline.',
      accessibilityNotes: 'Ramp at the side door.',
      area: 'East End',
      city: 'Houston',
      location: { address1: '12 Harbor St', postalCode: '77003', latitude: 29.75, longitude: -95.35 },
      capacity: [{ serviceType: 'shelter', available: 2, total: 10 }],
    });
    const second = (await coordinator.get(`/api/directory/providers/${(await byExternalId('svc-2')).id}`)).json();
    expect(second).toMatchObject({ status: 'inactive', open24Hours: true, hours: [] });
    const audit = await h.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'directory.imported').execute();
    expect(audit.map((a) => a.details)).toEqual([{ format: 'hsds', rows: 2, created: 2, updated: 0, capacityCounts: 2 }]);
  });

  it('updates the entries a file imported before instead of adding them again', async () => {
    const before = await countProviders();
    const answer = await importHsds([hsdsService('svc-1', { name: 'Renamed service' }), hsdsService('svc-3')]);
    expect(answer.json()).toEqual({ dryRun: false, rows: 2, created: 1, updated: 1 });
    expect(await countProviders()).toBe(before + 1);
    expect((await coordinator.get(`/api/directory/providers/${(await byExternalId('svc-1')).id}`)).json().name).toBe('Renamed service');
  });

  it('rejects the whole file with every problem named by row and field, and writes nothing', async () => {
    const before = await countProviders();
    const historyBefore = await h.ctx.db.selectFrom('directory_capacity_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const answer = await importHsds({
      contents: [
        hsdsService('good-1'),
        hsdsService('bad-2', { languages: [{ id: 'x', name: 'Klingon', code: 'not a language' }], minimum_age: 'twelve' }),
        hsdsService('good-3'),
        hsdsService('bad-4', { attributes: [], service_at_locations: [{ id: 'a', location: { id: 'b', location_type: 'physical', latitude: 95 } }] }),
        hsdsService('good-1'),
        'not a service',
      ],
    });
    expect(answer.statusCode).toBe(422);
    const error = answer.json().error;
    expect(error.code).toBe('import_rejected');
    expect(error.message).toMatch(/^Nothing was imported: 8 problems in 4 of 6 rows\./);
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual([
      'rows.2.languages',
      'rows.2.minimum_age',
      'rows.4.attributes[haven-service-types]',
      'rows.4.service_at_locations[0].location.latitude',
      'rows.4.service_at_locations[0].location.longitude',
      'rows.4.attributes[haven-directory:accepts_minors]',
      'rows.5.id',
      'rows.6',
    ]);
    expect(error.fields[0].message).toContain('"not a language" is not a language code');
    expect(error.fields[5].message).toContain('A minimum age of 12 means minors are accepted');
    expect(error.fields[6].message).toBe('The id "good-1" is also used by row 1; each row needs its own.');
    expect(await countProviders()).toBe(before);
    expect((await h.ctx.db.selectFrom('directory_capacity_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(historyBefore.n);
  });

  it('checks a file without writing it on a dry run', async () => {
    const before = await countProviders();
    expect((await importHsds([hsdsService('dry-1')], '&dryRun=true')).json()).toEqual({ dryRun: true, rows: 1, created: 1, updated: 0 });
    expect(await countProviders()).toBe(before);
  });

  it('refuses a document that is not HSDS, and importers without the permission', async () => {
    const notHsds = await importHsds({ services: [] });
    expect(notHsds.statusCode).toBe(400);
    expect((await importHsds({ contents: [] })).json().error).toMatchObject({ code: 'import_rejected', message: 'The file has no rows to import.' });
    const refused = await providerStaff.request('POST', '/api/directory/import?format=hsds', [hsdsService('staff-1')]);
    expect(refused.statusCode).toBe(403);
  });
});

describe('export and import round trip', () => {
  it('exports HSDS that imports back unchanged, keeping a confidential address it never sent out', async () => {
    const id = await createTestProvider(h.ctx, {
      name: 'Round trip shelter',
      confidentialLocation: true,
      address1: '77 Hidden Way',
      postalCode: '77020',
      latitude: 29.7777,
      longitude: -95.3333,
      capacity: [{ serviceType: 'shelter', available: 4, total: 9 }],
      hours: [{ days: ['FR', 'SA'], opens: '20:00', closes: '02:00' }],
    });
    const exported = await coordinator.get('/api/directory/export?format=hsds');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="haven-directory-\d{4}-\d{2}-\d{2}\.hsds\.json"$/);
    // Ids are random hex, which may hold the digits of a ZIP code: look at the rest, word by word.
    const withoutIds = exported.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
    expect(withoutIds).not.toContain('77 Hidden Way');
    expect(withoutIds).not.toMatch(/\b77020\b/);
    expect(withoutIds).not.toMatch(/\b29\.7777/);
    const document = exported.json();
    expect(document.total_items).toBe(await countProviders());
    const service = document.contents.find((s: { id: string }) => s.id === id);
    expect(service.service_at_locations[0].location).toMatchObject({ name: 'Downtown Houston', addresses: [{ address_1: '', postal_code: '', city: 'Houston', state_province: 'TX' }] });
    expect(service.service_at_locations[0].location).not.toHaveProperty('latitude');

    const before = (await coordinator.get(`/api/directory/providers/${id}`)).json();
    const reimport = await importHsds(document);
    expect(reimport.json()).toMatchObject({ created: 0, updated: document.total_items });
    const after = (await coordinator.get(`/api/directory/providers/${id}`)).json();
    expect({ ...after, updatedAt: null, capacity: null }).toEqual({ ...before, updatedAt: null, capacity: null });
    const stored = await h.ctx.db.selectFrom('directory_providers').select(['address_1', 'postal_code', 'latitude']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ address_1: '77 Hidden Way', postal_code: '77020', latitude: 29.7777 });
  });

  it('exports CSV in the documented columns that imports back unchanged', async () => {
    const id = await createTestProvider(h.ctx, { name: '=Formula, "quoted" name', languages: ['es', 'vi'], hours: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }], capacity: [{ serviceType: 'shelter', available: 1, total: 3 }] });
    const exported = await coordinator.get('/api/directory/export?format=csv');
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...lines] = exported.body.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    const line = lines.find((l) => l.startsWith(`${id},`))!;
    expect(line).toContain(`"'=Formula, ""quoted"" name"`);
    expect(line).toContain('MO-FR 09:00-17:00');
    expect(line).toContain('shelter=1/3');
    const before = (await coordinator.get(`/api/directory/providers/${id}`)).json();
    const reimport = await importCsv(exported.body);
    expect(reimport.statusCode, reimport.body).toBe(200);
    expect(reimport.json().created).toBe(0);
    expect({ ...(await coordinator.get(`/api/directory/providers/${id}`)).json(), updatedAt: null }).toEqual({ ...before, updatedAt: null, capacity: [{ ...before.capacity[0], updatedAt: expect.any(String) }] });
  });
});

describe('CSV import', () => {
  const header = 'id,organization,name,services,languages,min_age,max_age,accepts_minors,hours,phone,postal_code,area,confidential,capacity\n';

  it('adds rows, with lists, yes/no answers, hours and capacity', async () => {
    const answer = await importCsv(`${header}csv-1,Harbor House,Harbor House Shelter,shelter; counseling,es;en,12,17,yes,MO-FR 08:00-20:00,713-555-0111,77004,Third Ward,yes,shelter=2/6; counseling=1\n`);
    expect(answer.json()).toEqual({ dryRun: false, rows: 1, created: 1, updated: 0 });
    const entry = (await coordinator.get(`/api/directory/providers/${(await byExternalId('csv-1')).id}`)).json();
    expect(entry).toMatchObject({
      serviceTypes: ['shelter', 'counseling'],
      acceptsMinors: true,
      confidentialLocation: true,
      hours: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '08:00', closes: '20:00' }],
      capacity: [
        { serviceType: 'counseling', available: 1, total: null },
        { serviceType: 'shelter', available: 2, total: 6 },
      ],
    });
  });

  it('reports every bad row by its line in the file, and writes none of the good ones', async () => {
    const before = await countProviders();
    const text =
      header +
      'ok-1,Org,Fine Shelter,shelter,es,,,no,,713-555-0100,,,no,\n' +
      'bad-2,Org,,shelter,xx-not-real-!!,,,maybe,,,,,,\n' +
      'bad-3,Org,Clinic,clinic,en,20,10,no,weekdays,,7700,,yes,\n' +
      'ok-1,Org,Duplicate,shelter,en,,,no,,,,,no,medical=1\n' +
      '"bad-5,Org\n';
    const answer = await importCsv(text);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().error.fields).toEqual([{ path: 'rows.6', message: 'A quoted field that starts on line 6 is never closed.' }]);

    const fixedQuote = text.replace('"bad-5,Org\n', '');
    const report = (await importCsv(fixedQuote)).json().error;
    expect(report.fields.map((f: { path: string }) => f.path)).toEqual([
      'rows.3.accepts_minors',
      'rows.3.name',
      'rows.3.languages',
      'rows.4.hours',
      'rows.4.services',
      'rows.4.postal_code',
      'rows.4.max_age',
      'rows.4.accepts_minors',
      'rows.4.phone',
      'rows.4.area',
      'rows.5.id',
      'rows.5.services',
    ]);
    expect(report.fields.find((f: { path: string }) => f.path === 'rows.4.postal_code').message).toBe('Enter a 5-digit ZIP code, such as 77002.');
    expect(await countProviders()).toBe(before);
  });

  it('names unknown and missing columns on the header row', async () => {
    const answer = await importCsv('id,organisation,name,colour\n1,a,b,c\n');
    expect(answer.json().error.fields).toEqual([
      { path: 'rows.1.organisation', message: expect.stringContaining('not a column Haven knows') },
      { path: 'rows.1.colour', message: expect.stringContaining('not a column Haven knows') },
      { path: 'rows.1.organization', message: 'The column "organization" is missing; it is required.' },
      { path: 'rows.1.services', message: 'The column "services" is missing; it is required.' },
    ]);
  });

  it('refuses an HSDS query with a CSV body and the other way round', async () => {
    expect((await coordinator.request('POST', '/api/directory/import?format=hsds', 'a,b\n', { 'content-type': 'text/csv' })).statusCode).toBe(415);
    expect((await importHsds([])).statusCode).toBe(422);
    expect((await coordinator.request('POST', '/api/directory/import?format=csv', [])).statusCode).toBe(415);
  });
});
