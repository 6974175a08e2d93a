import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { addStaffMember, type StaffMember } from './support/people.ts';
import { en, expectFitsWidth, expectHeading } from './support/staffUi.ts';
import staffEs from '../web/staff/src/i18n/es.json';

const d = en.directory;
const admin: Person & { agencyName: string } = { agencyName: 'Bayou City Anti-Trafficking Task Force', displayName: 'Robin Okafor', email: 'robin.okafor@bayou.example.org', password: STRONG_PASSWORD };
const morgan: Person = { displayName: 'Morgan Ellis', email: 'morgan.ellis@bayou.example.org', password: 'harbor violet compass 5521' };
const lucia: Person = { displayName: 'Lucía Paredes', email: 'lucia.paredes@casa-esperanza.example.org', password: 'cedar lantern brook 6610' };
const dana: Person = { displayName: 'Dana Whitfield', email: 'dana.whitfield@bridges.example.org', password: 'copper meadow signal 4471' };

/** A form field by its label, which may end in "(optional)". */
const field = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(optional\\))?$`);

// The shelter's street address: it must never appear on the case manager's screens.
const STREET = '4821 Quiet Harbor Lane';

describe('directory: a shelter keeps its beds current and a case manager finds it and asks for a bed', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let coordinator: StaffMember;
  let shelterStaff: StaffMember;
  let caseManager: StaffMember;
  let shelterId = '';

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    const taskForce = (await adminApi.call<{ user: { agency: { id: string } } }>('GET', '/api/auth/session')).user.agency;
    coordinator = await addStaffMember(browser, adminApi, { agency: { id: taskForce.id, type: 'task_force_coordinator' }, person: morgan, roles: ['coordinator'] });
    shelterStaff = await addStaffMember(browser, adminApi, { agency: { name: 'Casa Esperanza', type: 'victim_service_provider' }, person: lucia, roles: ['provider_staff'] });
    caseManager = await addStaffMember(browser, adminApi, { agency: { name: 'Bridges Case Management', type: 'victim_service_provider' }, person: dana, roles: ['victim_advocate'] });

    // The coordinator keeps the directory: the shelter (linked to its agency) and two that do not fit.
    const shelter = await coordinator.api.call<{ id: string }>('POST', '/api/directory/providers', {
      organizationName: 'Casa Esperanza',
      name: 'Casa Esperanza Youth Shelter',
      description: 'Emergency shelter and case management for young people leaving exploitation.',
      serviceTypes: ['shelter', 'case_management'],
      languages: ['es', 'en'],
      minAge: 12,
      maxAge: 17,
      acceptsMinors: true,
      open24Hours: true,
      intakeProcess: 'Call the intake line at any hour; we arrange transport from a safe meeting point.',
      phone: '713-555-0142',
      area: 'East Houston',
      city: 'Houston',
      state: 'TX',
      address1: STREET,
      postalCode: '77011',
      latitude: 29.7421,
      longitude: -95.3101,
      confidentialLocation: true,
      linkedAgencyId: shelterStaff.agencyId,
    });
    shelterId = shelter.id;
    const adults = await coordinator.api.call<{ id: string }>('POST', '/api/directory/providers', { organizationName: 'Harbor House', name: 'Harbor House Women’s Shelter', serviceTypes: ['shelter'], languages: ['es'], minAge: 18, phone: '713-555-0177', area: 'Midtown', latitude: 29.74, longitude: -95.38 });
    await coordinator.api.call('POST', `/api/directory/providers/${adults.id}/capacity`, { serviceType: 'shelter', available: 3, total: 10 });
    const english = await coordinator.api.call<{ id: string }>('POST', '/api/directory/providers', { organizationName: 'Northside Youth', name: 'Northside Youth Shelter', serviceTypes: ['shelter'], languages: ['en'], acceptsMinors: true, phone: '713-555-0188', area: 'Northside', latitude: 29.8, longitude: -95.36 });
    await coordinator.api.call('POST', `/api/directory/providers/${english.id}/capacity`, { serviceType: 'shelter', available: 2, total: 6 });
    // A one-stop hub where the shelter's case managers and a legal clinic keep hours.
    const legal = await coordinator.api.call<{ id: string }>('POST', '/api/directory/providers', { organizationName: 'Bayou Immigration Law Center', name: 'Immigration clinic', serviceTypes: ['legal_immigration'], languages: ['es', 'en'], phone: '713-555-0199', area: 'Downtown', latitude: 29.75, longitude: -95.36 });
    const hub = await coordinator.api.call<{ id: string }>('POST', '/api/directory/hubs', { name: 'Family Justice Center', address1: '1301 Fannin St', city: 'Houston', state: 'TX', postalCode: '77002', area: 'Downtown', phone: '713-555-0150' });
    await coordinator.api.call('POST', `/api/directory/hubs/${hub.id}/sessions`, { providerId: legal.id, serviceType: 'legal_immigration', days: ['TU', 'TH'], opens: '09:00', closes: '12:00', notes: 'Walk-in consultations' });
    await coordinator.api.call('POST', `/api/directory/hubs/${hub.id}/sessions`, { providerId: shelterId, serviceType: 'case_management', days: ['MO', 'WE', 'FR'], opens: '13:00', closes: '17:00' });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('lets the shelter’s own staff set its free beds in a few clicks, and show its address on purpose', async () => {
    const { page } = shelterStaff.actor;
    await page.goto('/staff/directory/providers?mine=true');
    await expectHeading(page, d.providers.title);
    await page.getByRole('link', { name: 'Casa Esperanza Youth Shelter' }).click();
    await expectHeading(page, 'Casa Esperanza Youth Shelter');

    const beds = page.getByRole('region', { name: d.capacity.title });
    const oneMore = beds.getByRole('button', { name: d.capacity.oneMore.replace('{{service}}', d.serviceTypes.shelter) });
    await oneMore.click();
    await oneMore.click();
    await beds.getByLabel(d.capacity.totalLabel.replace('{{service}}', d.serviceTypes.shelter)).fill('8');
    await beds.getByRole('button', { name: d.capacity.save.replace('{{service}}', d.serviceTypes.shelter) }).click();
    await beds.getByRole('status').filter({ hasText: 'Shelter: 2 beds free now. Saved.' }).waitFor();
    await beds.getByRole('button', { name: d.capacity.confirm.replace('{{service}}', d.serviceTypes.shelter) }).waitFor();
    const { capacity } = await shelterStaff.api.call<{ capacity: Array<{ serviceType: string; available: number; total: number }> }>('GET', `/api/directory/providers/${shelterId}`);
    expect(capacity).toEqual([expect.objectContaining({ serviceType: 'shelter', available: 2, total: 8, stale: false })]);

    const where = page.getByRole('region', { name: d.location.title });
    expect(await where.textContent()).not.toContain(STREET);
    await where.getByRole('button', { name: d.confidential.show }).click();
    await where.getByTestId('confidential-address').getByText(STREET).waitFor();
    await where.getByRole('status').filter({ hasText: d.confidential.recorded }).waitFor();
    await checkPage(page, 'directory-provider-own-staff');
    await expectFitsWidth(page);
    expect(shelterStaff.actor.problems()).toEqual([]);
  });

  it('finds the case manager a Spanish-speaking shelter with a free bed for a 17-year-old, and sends the inquiry', async () => {
    const { page } = caseManager.actor;
    await page.goto('/staff/');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.directory }).click();
    await expectHeading(page, d.search.title);
    const form = page.getByRole('search', { name: d.search.label });
    await form.getByLabel(field(d.search.need)).selectOption('shelter');
    await form.getByLabel(field(d.search.language)).selectOption('es');
    await form.getByLabel(field(d.search.age)).fill('17');
    await form.getByLabel(field(d.search.near)).fill('77002');
    await form.getByLabel(field(d.search.openCapacity)).check();
    await form.getByRole('button', { name: d.search.submit }).click();

    await page.getByRole('heading', { level: 2, name: /^1 provider near Houston, TX 77002$/ }).waitFor();
    const results = page.getByRole('region', { name: /^1 provider near/ });
    const cards = results.getByRole('article');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe('Casa Esperanza Youth Shelter');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('2 of 8 beds free');
    expect(text).toContain('East Houston');
    expect(text).toContain('713-555-0142');
    expect(text).toMatch(/within about (5|10) km/);
    expect(text).not.toContain(STREET);
    await checkPage(page, 'directory-search-results');
    await expectFitsWidth(page);

    await card.getByRole('link', { name: new RegExp(`^${d.search.startInquiry}`) }).click();
    await expectHeading(page, 'Casa Esperanza Youth Shelter');
    expect(await page.getByRole('main').textContent()).not.toContain(STREET);
    const inquiry = page.getByRole('region', { name: d.inquiry.title });
    // What the search already said comes along: the service, the age and the language.
    expect(await inquiry.getByLabel(field(d.fields.service)).inputValue()).toBe('shelter');
    expect(await inquiry.getByLabel(field(d.inquiry.age)).inputValue()).toBe('17');
    expect(await inquiry.getByLabel(field(d.inquiry.language)).inputValue()).toBe('es');
    await inquiry.getByLabel(field(d.inquiry.note)).fill('Young woman, safe to travel tonight, speaks mostly Spanish.');
    await checkPage(page, 'directory-inquiry-form');
    await inquiry.getByRole('button', { name: d.inquiry.send }).click();
    await inquiry.getByRole('status').filter({ hasText: 'Inquiry #1 was sent to Casa Esperanza.' }).waitFor();
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('shows the inquiry in the shelter’s inbox; accepting holds the bed and tells the case manager', async () => {
    const { page } = shelterStaff.actor;
    await page.goto('/staff/notifications');
    await page.getByText('Referral inquiry #1 about Casa Esperanza Youth Shelter is waiting for your answer.').waitFor();
    await page.getByRole('link', { name: en.notifications.openInquiries }).click();
    await expectHeading(page, d.inquiries.title);
    const card = page.getByRole('article', { name: 'Inquiry #1: Shelter' });
    expect(await card.textContent()).toContain('Dana Whitfield, Bridges Case Management');
    await card.getByLabel(field(d.inquiries.answerNote)).fill('Bed held until 10 pm. Call the intake line when you leave; we meet you at the library.');
    await checkPage(page, 'directory-inquiry-inbox');
    await card.getByRole('button', { name: 'Accept #1' }).click();
    await page.getByRole('status').filter({ hasText: 'Inquiry #1 accepted. The sender has been notified.' }).waitFor();
    await card.getByText(d.inquiries.status.accepted).waitFor();
    const { capacity } = await shelterStaff.api.call<{ capacity: Array<{ available: number }> }>('GET', `/api/directory/providers/${shelterId}`);
    expect(capacity[0]!.available).toBe(1);

    const sent = caseManager.actor.page;
    await sent.goto('/staff/directory/inquiries?box=sent');
    const answered = sent.getByRole('article', { name: 'Inquiry #1: Shelter' });
    await answered.getByText(d.inquiries.status.accepted).waitFor();
    expect(await answered.textContent()).toContain('we meet you at the library');
    await checkPage(sent, 'directory-inquiry-sent');
    expect(shelterStaff.actor.problems()).toEqual([]);
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('shows the coordinator every bad row of an import, and imports nothing from it', async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/directory/exchange');
    await expectHeading(page, d.exchange.title);
    const csv =
      'id,organization,name,services,languages,min_age,accepts_minors,postal_code,capacity\n' +
      'good-1,Bayou Legal Aid,Immigration clinic,legal_immigration,es;en,,no,77002,\n' +
      'bad-2,Bayou Legal Aid,,legal_civil,klingon!!,,no,7700,\n' +
      'bad-3,East End Clinic,Walk-in clinic,clinic,es,15,no,,medical=2\n';
    await page.getByLabel(field(d.exchange.file)).setInputFiles({ name: 'providers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: d.exchange.import, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported from providers.csv: 5 problems' }).waitFor();
    const table = page.getByRole('table', { name: d.exchange.problemsTitle });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.slice(0, 1))).toEqual(['3', '3', '3', '4', '4']);
    expect(rows.join('\n')).toContain('postal_code');
    await checkPage(page, 'directory-import-errors');
    const { providers } = await coordinator.api.call<{ providers: unknown[] }>('GET', '/api/directory/providers?q=Bayou%20Legal');
    expect(providers).toEqual([]);
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('gives the coordinator the list, the editor and the hub’s schedule to keep the directory', async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/directory/providers');
    await expectHeading(page, d.providers.title);
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count()).toBe(4);
    await checkPage(page, 'directory-providers');
    await expectFitsWidth(page);

    await page.getByRole('link', { name: d.providers.add }).click();
    await expectHeading(page, d.editor.newTitle);
    await page.getByRole('button', { name: d.editor.create }).click();
    await page.locator('form [role="alert"]:not(:empty)').first().waitFor();
    await checkPage(page, 'directory-editor-errors');

    await page.goto(`/staff/directory/providers/${shelterId}/edit`);
    await expectHeading(page, 'Edit Casa Esperanza Youth Shelter');
    // The keeper sees that an address is on file, never the address itself.
    await page.getByText(d.editor.addressOnFile).waitFor();
    expect(await page.getByLabel(field(d.fields.address1)).inputValue()).toBe('');
    expect(await page.getByRole('main').textContent()).not.toContain(STREET);
    await checkPage(page, 'directory-editor');

    await page.goto('/staff/directory/hubs');
    await page.getByRole('link', { name: 'Family Justice Center' }).click();
    await page.getByRole('region', { name: d.hubs.addSession }).waitFor();
    await checkPage(page, 'directory-hub-keeper');
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('reads in Spanish and fits a phone', async () => {
    const { page } = caseManager.actor;
    await caseManager.api.call('PATCH', '/api/me', { locale: 'es' });
    await page.goto('/staff/directory?need=shelter&language=es&age=17&near=77002');
    await expectHeading(page, staffEs.directory.search.title);
    await page.getByRole('heading', { level: 2, name: /proveedor(es)? cerca de Houston, TX 77002/ }).waitFor();
    await checkPage(page, 'directory-search-es');
    await expectFitsWidth(page);
    await page.goto('/staff/directory/hubs');
    await expectHeading(page, staffEs.directory.hubs.title);
    await checkPage(page, 'directory-hubs-es');
    await page.getByRole('link', { name: 'Family Justice Center' }).click();
    await expectHeading(page, 'Family Justice Center');
    const schedule = page.getByRole('table');
    expect(await schedule.locator('tbody tr').count()).toBe(2);
    await checkPage(page, 'directory-hub-es');
    await expectFitsWidth(page);
    await caseManager.api.call('PATCH', '/api/me', { locale: 'en' });
  });
});
