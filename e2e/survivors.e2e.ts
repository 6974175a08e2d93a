import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { addStaffMember, type StaffMember } from './support/people.ts';
import { en, expectFitsWidth, expectHeading } from './support/staffUi.ts';
import staffEs from '../web/staff/src/i18n/es.json';
import { pngWithText } from '../server/test/fixtures/files.ts';

const s = en.survivors;
const k = en.consents;
const r = en.referrals;
const admin: Person & { agencyName: string } = { agencyName: 'Bayou City Anti-Trafficking Task Force', displayName: 'Robin Okafor', email: 'robin.okafor@bayou.example.org', password: STRONG_PASSWORD };
const morgan: Person = { displayName: 'Morgan Ellis', email: 'morgan.ellis@bayou.example.org', password: 'harbor violet compass 5521' };
const lucia: Person = { displayName: 'Lucía Paredes', email: 'lucia.paredes@casa-esperanza.example.org', password: 'cedar lantern brook 6610' };
const dana: Person = { displayName: 'Dana Whitfield', email: 'dana.whitfield@bridges.example.org', password: 'copper meadow signal 4471' };
const ruth: Person = { displayName: 'Ruth Adeyemi', email: 'ruth.adeyemi@bridges.example.org', password: 'willow anchor ember 3390' };
const priya: Person = { displayName: 'Priya Shah', email: 'priya.shah@houston-pd.example.org', password: 'quartz meadow lantern 8830' };
const SHELTER_AGENCY = 'Casa Esperanza';
const SHELTER = 'Casa Esperanza Youth Shelter';
const CHILD_WELFARE = 'Harris County Child Protective Services';

// What the case manager records. The shelter may read the name under consent, never the rest.
const ana = { name: 'Ana Lucía Torres', phone: '713-555-0123', email: 'ana.torres@example.net', narrative: 'Recruited in Monterrey with a promise of hotel work; papers kept by the crew boss.' };
const minor = { name: 'Daniela Ruiz' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form field by its label, which may end in "(optional)". */
const field = (label: string) => new RegExp(`^${escape(label)}( \\(optional\\))?$`);
/** A catalog message with its placeholders filled in. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
const mainText = async (page: Page) => (await page.getByRole('main').textContent()) ?? '';
const medium = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

describe('survivor services: a record behind the wall, screened, planned, shared under consent with a shelter and taken back', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let shelterStaff: StaffMember;
  let caseManager: StaffMember;
  let investigator: StaffMember;
  let supervisor: StaffMember;
  let minorId = '';
  let survivorId = '';
  let referralId = '';

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    const taskForce = (await adminApi.call<{ user: { agency: { id: string } } }>('GET', '/api/auth/session')).user.agency;
    const coordinator = await addStaffMember(browser, adminApi, { agency: { id: taskForce.id, type: 'task_force_coordinator' }, person: morgan, roles: ['coordinator'] });
    shelterStaff = await addStaffMember(browser, adminApi, { agency: { name: SHELTER_AGENCY, type: 'victim_service_provider' }, person: lucia, roles: ['provider_staff'] });
    caseManager = await addStaffMember(browser, adminApi, { agency: { name: 'Bridges Case Management', type: 'victim_service_provider' }, person: dana, roles: ['victim_advocate'] });
    supervisor = await addStaffMember(browser, adminApi, { agency: { id: caseManager.agencyId, type: 'victim_service_provider' }, person: ruth, roles: ['victim_advocate', 'supervisor'] });
    investigator = await addStaffMember(browser, adminApi, { agency: { name: 'Houston Police Department', type: 'law_enforcement' }, person: priya, roles: ['investigator'] });
    await coordinator.actor.close();

    // The directory: the shelter, linked to its agency so referrals reach it, and child welfare for Safe Harbor.
    await coordinator.api.call('POST', '/api/directory/providers', {
      organizationName: SHELTER_AGENCY,
      name: SHELTER,
      serviceTypes: ['shelter', 'case_management'],
      languages: ['es', 'en'],
      phone: '713-555-0142',
      area: 'East Houston',
      latitude: 29.7421,
      longitude: -95.3101,
      linkedAgencyId: shelterStaff.agencyId,
    });
    await coordinator.api.call('POST', '/api/directory/providers', { organizationName: 'Harris County', name: CHILD_WELFARE, serviceTypes: ['child_welfare'], languages: ['en', 'es'], phone: '713-555-0160', area: 'Downtown', latitude: 29.75, longitude: -95.36 });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('lets the case manager open a record with only what the survivor chooses to say, and find it by exact phone number', async () => {
    const { page } = caseManager.actor;
    await page.goto('/staff/');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.survivors }).click();
    await expectHeading(page, s.list.title);
    await page.getByText(s.list.none).waitFor();
    await checkPage(page, 'survivors-list-empty');
    await page.getByRole('link', { name: s.list.new }).click();
    await expectHeading(page, s.newRecord.title);
    await page.getByText(s.newRecord.traumaHint).waitFor();
    await checkPage(page, 'survivor-new-form');

    await page.getByLabel(field(s.fields.names)).fill(ana.name);
    await page.getByLabel(field(s.fields.birthDate)).fill('1998-04-12');
    await page.getByLabel(field(s.fields.gender)).selectOption('female');
    await page.getByLabel(field(s.fields.language)).fill('Spanish');
    await page.getByLabel(field(s.fields.phones)).fill(ana.phone);
    await page.getByLabel(field(s.fields.emails)).fill(ana.email);
    await page.getByLabel(field(s.fields.traffickingType)).selectOption('labor');
    await page.getByLabel(field(s.fields.narrative)).fill(ana.narrative);
    await page.getByRole('button', { name: s.newRecord.submit }).click();
    await expectHeading(page, `Survivor #1: ${ana.name}`);
    // The tab's title lands in history, bookmarks and browser sync: the record's number only, never the name.
    await expect.poll(() => page.title()).toMatch(/^Survivor #1 · /);
    for (const part of ana.name.split(' ')) expect(await page.title()).not.toContain(part);
    survivorId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText(s.clearTextWarning).waitFor();
    expect(await page.getByRole('region', { name: s.safeHarbor.title }).count()).toBe(0);

    await page.getByRole('link', { name: s.backToList }).click();
    await expectHeading(page, s.list.title);
    const search = page.getByRole('search', { name: s.list.searchLabel });
    await search.getByLabel(field(s.list.search)).fill('(713) 555-0123');
    await search.getByRole('button', { name: s.list.searchSubmit }).click();
    await page.getByRole('link', { name: `Survivor #1: ${ana.name}` }).waitFor();
    await search.getByLabel(field(s.list.search)).fill('Ana Torres');
    await search.getByRole('button', { name: s.list.searchSubmit }).click();
    await page.getByText(s.list.noneMatch).waitFor();
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('screens with every question skippable and shows why the result reads as it does; plans needs, goals and services', async () => {
    const { page } = caseManager.actor;
    await page.goto(`/staff/survivors/${survivorId}`);
    await expectHeading(page, `Survivor #1: ${ana.name}`);
    const screening = page.getByRole('region', { name: s.screening.title });
    await screening.getByRole('button', { name: s.screening.start }).click();
    await screening.getByText('You do not have to answer any question, and you can stop at any time.', { exact: false }).waitFor();
    for (const question of [
      'Did someone promise you a job, school or a better life that turned out to be different from what you were told?',
      'Does someone else keep your ID, passport or other papers and not give them back when you ask?',
      'Have you been made to do work you did not agree to?',
      'Does someone take all or most of the money you earn?',
    ]) {
      await screening.getByRole('group', { name: question }).getByLabel(s.screening.answers.yes).check();
    }
    await screening.getByRole('group', { name: 'Has anyone hit you or hurt you physically?' }).getByLabel(s.screening.answers.unsure).check();
    await checkPage(page, 'survivor-screening-form');
    await screening.getByRole('button', { name: s.screening.submit }).click();
    await screening.getByRole('status').filter({ hasText: s.screening.saved }).waitFor();
    const result = screening.getByTestId('screening-result');
    await result.getByText(s.screening.potentialVictim).waitFor();
    const resultText = (await result.textContent()) ?? '';
    expect(resultText).toContain('Score 11.');
    expect(resultText).toContain('Labor or services together with force, fraud or coercion.');
    expect(resultText).toContain('4 indicators present');
    expect(resultText).toContain('Does someone else keep your ID, passport or other papers');

    const needs = page.getByRole('region', { name: s.needs.title });
    await needs.getByText(s.noNamesHint).first().waitFor();
    await needs.getByLabel(field(s.needs.domain)).first().selectOption('shelter_housing');
    await needs.getByLabel(field(s.needs.priority)).selectOption('urgent');
    await needs.getByLabel(field(s.needs.detail)).fill('Needs a bed tonight, speaks mostly Spanish.');
    await needs.getByRole('button', { name: s.needs.submit }).click();
    await needs.getByRole('status').filter({ hasText: 'Need added: Shelter and housing.' }).waitFor();
    const goalForm = needs.getByRole('form', { name: s.plan.add });
    await goalForm.getByLabel(field(s.needs.domain)).selectOption('legal_immigration_t_visa');
    await goalForm.getByLabel(field(s.plan.targetDate)).fill('2027-03-01');
    await goalForm.getByLabel(field(s.plan.description)).fill('File the T visa application with legal aid');
    await goalForm.getByRole('button', { name: s.plan.submit }).click();
    await needs.getByText('Immigration: T visa · target Mar 1, 2027').waitFor();

    const services = page.getByRole('region', { name: s.services.title });
    await services.getByLabel(field(s.services.type)).selectOption('crisis_intervention');
    await services.getByLabel(field(s.services.provider)).selectOption({ label: SHELTER });
    await services.getByLabel(field(s.services.hoursLabel)).fill('1.5');
    await services.getByRole('button', { name: s.services.submit }).click();
    await services.getByRole('status').filter({ hasText: 'Service recorded: Crisis intervention.' }).waitFor();
    await services.getByText(`1.5 hours · ${SHELTER}`).waitFor();

    // A document: sealed, listed for the owning agency only, downloaded rather than opened.
    const documents = page.getByRole('region', { name: s.documents.title });
    await documents.getByLabel(field(en.cases.documents.documentTitle)).fill('Consular ID card');
    await documents.getByLabel(field(en.cases.documents.file)).setInputFiles({ name: 'id-card.png', mimeType: 'image/png', buffer: pngWithText() });
    await documents.getByRole('button', { name: en.cases.documents.submit }).click();
    await documents.getByRole('status').filter({ hasText: 'The document “Consular ID card” was added.' }).waitFor();
    await documents.getByRole('link', { name: /^Consular ID card \(PNG, / }).waitFor();
    await checkPage(page, 'survivor-page-planned');
    await expectFitsWidth(page);
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('records a 30-day consent for identity and needs to the shelter, with its printable form, and refers the survivor there', async () => {
    const { page } = caseManager.actor;
    const consents = page.getByRole('region', { name: k.title });
    const form = consents.getByRole('form', { name: k.form.title });
    await form.getByLabel(field(k.form.recipient)).selectOption({ label: SHELTER_AGENCY });
    await form.getByLabel(field(k.form.purpose)).fill('Shelter placement and case coordination');
    await form.getByRole('group', { name: k.form.categories }).getByLabel(s.categoryNames.identity).check();
    await form.getByRole('group', { name: k.form.categories }).getByLabel(s.categoryNames.needs).check();
    // No guardian fields for an adult.
    expect(await form.getByLabel(field(k.form.guardianName)).count()).toBe(0);
    await form.getByRole('button', { name: k.form.submit }).click();
    await consents.getByRole('status').filter({ hasText: `Consent for ${SHELTER_AGENCY} recorded.` }).waitFor();
    const consent = consents.getByRole('listitem', { name: fill(k.itemLabel, { agency: SHELTER_AGENCY }) });
    await consent.getByText(k.states.active, { exact: true }).waitFor();
    expect(await consent.textContent()).toContain('Identity, Needs');
    const { consents: ledger } = await caseManager.api.call<{ consents: Array<{ id: string; categories: string[]; startsAt: string; expiresAt: string }> }>('GET', `/api/survivors/${survivorId}`);
    expect(ledger[0]!.categories).toEqual(['identity', 'needs']);
    const days = (Date.parse(ledger[0]!.expiresAt) - Date.parse(ledger[0]!.startsAt)) / 86_400_000;
    expect(days).toBeGreaterThan(29.5);
    expect(days).toBeLessThan(31);

    // The printable form, in Spanish, opens from its link.
    const [printable] = await Promise.all([page.context().waitForEvent('page'), consent.getByRole('link', { name: 'Español' }).click()]);
    await printable.getByRole('heading', { level: 1, name: 'Permiso para compartir información' }).waitFor();
    expect(await printable.locator('html').getAttribute('lang')).toBe('es');
    await printable.close();

    const referrals = page.getByRole('region', { name: r.title });
    const start = referrals.getByRole('form', { name: r.form.title });
    await start.getByLabel(field(r.form.service)).selectOption('shelter');
    await start.getByLabel(field(r.form.provider)).selectOption({ label: SHELTER });
    await start.getByLabel(field(r.form.note)).fill('Arriving by bus around 7 pm.');
    await start.getByRole('button', { name: r.form.submit }).click();
    await referrals.getByRole('status').filter({ hasText: `Draft referral to ${SHELTER} saved.` }).waitFor();
    const item = referrals.getByRole('listitem', { name: `Referral to ${SHELTER}: Shelter` });
    await item.getByText(r.status.draft, { exact: true }).waitFor();
    await item.getByRole('button', { name: fill(r.send, { provider: SHELTER }) }).click();
    await referrals.getByRole('status').filter({ hasText: `Referral sent to ${SHELTER}.` }).waitFor();
    await item.getByText(r.status.sent, { exact: true }).waitFor();
    await checkPage(page, 'survivor-page-consent-referral');
    const { referrals: sent } = await caseManager.api.call<{ referrals: Array<{ id: string }> }>('GET', '/api/referrals?box=sent');
    referralId = sent[0]!.id;
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('shows the shelter the referral in its inbox; accepted, it reads exactly identity and needs', async () => {
    const { page } = shelterStaff.actor;
    // The shelter hears of it in its notifications, which name the agencies and the service, never the survivor.
    await page.goto('/staff/notifications');
    await expectHeading(page, en.notifications.title);
    const notice = page.getByRole('listitem').filter({ hasText: `Bridges Case Management sent your agency a referral for Shelter at ${SHELTER}.` });
    await notice.waitFor();
    expect(await notice.getByRole('link', { name: en.notifications.openReferral }).getAttribute('href')).toBe(`/staff/referrals/${referralId}`);
    await checkPage(page, 'notifications-referral');
    expect(await mainText(page)).not.toContain(ana.name);

    await page.goto('/staff/');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.referrals }).click();
    await expectHeading(page, r.inbox.title);
    await checkPage(page, 'referrals-inbox');
    await page.getByRole('link', { name: `Shelter at ${SHELTER}` }).click();
    await expectHeading(page, 'Referral: Shelter');
    await page.getByText('Arriving by bus around 7 pm.').waitFor();
    await page.getByRole('button', { name: r.answer.accept }).click();
    await page.getByRole('status').filter({ hasText: r.answer.acceptDone }).waitFor();
    await page.getByRole('form', { name: r.answer.completeTitle }).waitFor();

    const shared = page.getByTestId('shared-record');
    await shared.getByText(/^Shared with your agency by Bridges Case Management under consent until .+: identity, needs\.$/).waitFor();
    const { survivor } = await shelterStaff.api.call<{ survivor: { shared: { until: string }; identity: unknown; contact: unknown; narrative: unknown; services: unknown; needs: unknown[] } }>('GET', `/api/referrals/${referralId}`);
    expect(await shared.getByText(/under consent until/).textContent()).toContain(medium(survivor.shared.until));
    expect(survivor.identity).not.toBeNull();
    expect(survivor.needs).toHaveLength(1);
    expect([survivor.contact, survivor.narrative, survivor.services]).toEqual([null, null, null]);
    const text = (await shared.textContent()) ?? '';
    expect(text).toContain(ana.name);
    expect(text).toContain('Shelter and housing');
    expect(text).toContain('File the T visa application with legal aid');
    for (const hidden of [ana.phone, '7135550123', ana.email, ana.narrative, 'Crisis intervention', s.sections.contact, s.services.title]) expect(text).not.toContain(hidden);
    // Only reading: no forms to change another agency's record.
    expect(await shared.getByRole('form').count()).toBe(0);
    await checkPage(page, 'referral-received-shared');
    await expectFitsWidth(page);

    // The shelter's own list shows the shared record, and its page says what is shared.
    await page.goto(`/staff/survivors/${survivorId}`);
    await expectHeading(page, `Survivor #1: ${ana.name}`);
    expect(await mainText(page)).not.toContain(ana.email);
    expect(await page.getByRole('region', { name: k.title }).count()).toBe(0);

    // The case manager sees the answer.
    const sender = caseManager.actor.page;
    await sender.goto(`/staff/survivors/${survivorId}`);
    await sender.getByRole('region', { name: r.title }).getByRole('listitem', { name: `Referral to ${SHELTER}: Shelter` }).getByText(r.status.accepted, { exact: true }).waitFor();
    expect(shelterStaff.actor.problems()).toEqual([]);
  });

  it('takes the name away from the shelter at its next load once the case manager revokes the consent', async () => {
    const sender = caseManager.actor.page;
    const consents = sender.getByRole('region', { name: k.title });
    await consents.getByRole('button', { name: fill(k.revoke, { agency: SHELTER_AGENCY }) }).click();
    await consents.getByRole('status').filter({ hasText: `Consent for ${SHELTER_AGENCY} revoked.` }).waitFor();
    await consents.getByRole('listitem', { name: fill(k.itemLabel, { agency: SHELTER_AGENCY }) }).getByText(k.states.revoked, { exact: true }).waitFor();

    const { page } = shelterStaff.actor;
    await page.goto(`/staff/referrals/${referralId}`);
    await expectHeading(page, 'Referral: Shelter');
    await page.getByRole('heading', { level: 2, name: r.page.nothingShared }).waitFor();
    expect(await mainText(page)).not.toContain(ana.name);
    await page.goto(`/staff/survivors/${survivorId}`);
    await expectHeading(page, en.notFound.title);
    expect(await mainText(page)).not.toContain(ana.name);
    await page.goto('/staff/survivors');
    await page.getByText(s.list.none).waitFor();
    expect(shelterStaff.actor.problems()).toEqual([]);
  });

  it('lets the shelter complete the referral with its outcome, and the case manager withdraw one sent by mistake', async () => {
    const { page } = shelterStaff.actor;
    await page.goto(`/staff/referrals/${referralId}`);
    const complete = page.getByRole('form', { name: r.answer.completeTitle });
    await complete.getByRole('button', { name: r.answer.complete }).click();
    await complete.getByText(r.answer.completeRequired).first().waitFor();
    await complete.getByLabel(field(r.answer.completeLabel)).fill('Stayed three weeks, moved to transitional housing.');
    await complete.getByRole('button', { name: r.answer.complete }).click();
    await page.getByRole('status').filter({ hasText: r.answer.completeDone }).waitFor();
    await page.getByText(r.status.completed, { exact: true }).waitFor();

    const sender = caseManager.actor.page;
    await sender.goto(`/staff/survivors/${survivorId}`);
    const referrals = sender.getByRole('region', { name: r.title });
    await referrals.getByText('Outcome: Stayed three weeks, moved to transitional housing.').waitFor();
    const start = referrals.getByRole('form', { name: r.form.title });
    await start.getByLabel(field(r.form.service)).selectOption('case_management');
    await start.getByLabel(field(r.form.provider)).selectOption({ label: SHELTER });
    await start.getByRole('button', { name: r.form.submit }).click();
    const second = referrals.getByRole('listitem', { name: `Referral to ${SHELTER}: Case management` });
    await second.getByRole('button', { name: fill(r.send, { provider: SHELTER }) }).click();
    await second.getByText(r.status.sent, { exact: true }).waitFor();
    await second.getByRole('button', { name: fill(r.withdraw, { provider: SHELTER }) }).click();
    await second.getByText(r.status.withdrawn, { exact: true }).waitFor();
    await sender.goto('/staff/referrals?box=sent');
    await sender.getByRole('link', { name: `Case management at ${SHELTER}` }).waitFor();
    await checkPage(sender, 'referrals-sent');
    expect(shelterStaff.actor.problems()).toEqual([]);
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('routes a 16-year-old under Safe Harbor at once, and refuses an alleged trafficker as the signing guardian', async () => {
    const { page } = caseManager.actor;
    await page.goto('/staff/survivors/new');
    await expectHeading(page, s.newRecord.title);
    await page.getByLabel(field(s.fields.names)).fill(minor.name);
    await page.getByLabel(field(s.fields.estimatedAge)).fill('16');
    await page.getByLabel(field(s.fields.traffickingType)).selectOption('sex');
    await page.getByRole('button', { name: s.newRecord.submit }).click();
    await expectHeading(page, `Survivor #2: ${minor.name}`);
    minorId = new URL(page.url()).pathname.split('/').pop() ?? '';

    const { tasks } = await caseManager.api.call<{ tasks: Array<{ dueAt: string }> }>('GET', `/api/survivors/${minorId}`);
    // The day is enough to compare: the time's spacing differs between ICU versions.
    const due = escape(medium(tasks[0]!.dueAt));
    const harbor = page.getByRole('region', { name: s.safeHarbor.title });
    await harbor.getByText(s.safeHarbor.minorVictim).waitFor();
    await harbor.getByText(s.safeHarbor.state.routed).waitFor();
    await harbor.getByText(`Child-welfare referral to ${CHILD_WELFARE}: Draft.`).waitFor();
    // Only a supervisor may override the routing.
    expect(await harbor.getByRole('button', { name: s.safeHarbor.override }).count()).toBe(0);
    await harbor.getByText(new RegExp(`^Mandated report due ${due}, .+: Open\\.$`)).waitFor();
    const task = page.getByRole('region', { name: s.tasks.title });
    await task.getByText(s.tasks.kinds.mandated_report, { exact: true }).waitFor();
    await task.getByText(new RegExp(`^Due ${due}, `)).waitFor();
    expect(Date.parse(tasks[0]!.dueAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);

    // A minor's consent asks for the guardian; one recorded as an alleged trafficker is refused by the server.
    const form = page.getByRole('region', { name: k.title }).getByRole('form', { name: k.form.title });
    await form.getByLabel(field(k.form.recipient)).selectOption({ label: SHELTER_AGENCY });
    await form.getByLabel(field(k.form.purpose)).fill('Shelter placement');
    await form.getByRole('group', { name: k.form.categories }).getByLabel(s.categoryNames.needs).check();
    await form.getByLabel(field(k.form.guardianName)).fill('Marco Ruiz');
    await form.getByLabel(k.form.guardianIsAllegedTrafficker).check();
    await form.getByRole('button', { name: k.form.submit }).click();
    await form.getByRole('alert').filter({ hasText: 'This person is recorded as an alleged trafficker and cannot consent for the survivor.' }).first().waitFor();
    await checkPage(page, 'survivor-minor-safe-harbor');
    await expectFitsWidth(page);
    expect(caseManager.actor.problems()).toEqual([]);
  });

  it('asks a second person to approve a compelled disclosure, and lets a supervisor purge a record after confirming', async () => {
    const dl = en.disclosures;
    const { page } = caseManager.actor;
    await page.goto(`/staff/survivors/${survivorId}`);
    const section = page.getByRole('region', { name: dl.title });
    const form = section.getByRole('form', { name: dl.form.title });
    await form.getByLabel(field(dl.form.recipient)).fill('Harris County District Court');
    await form.getByLabel(field(dl.form.basis)).selectOption('court_order');
    await form.getByLabel(field(dl.form.reference)).fill('Cause No. 2026-48213');
    await form.getByRole('group', { name: k.form.categories }).getByLabel(s.categoryNames.services).check();
    await form.getByLabel(field(dl.form.noticeMethod)).fill('In person, at the office');
    await form.getByRole('button', { name: dl.form.submit }).click();
    await section.getByRole('status').filter({ hasText: dl.requested }).waitFor();
    const item = section.getByRole('listitem', { name: fill(dl.itemLabel, { recipient: 'Harris County District Court' }) });
    await item.getByText(dl.status.requested, { exact: true }).waitFor();
    // The case worker who asked has no say in the decision.
    expect(await item.getByRole('button', { name: dl.approve }).count()).toBe(0);

    const boss = supervisor.actor.page;
    await boss.goto(`/staff/survivors/${survivorId}`);
    const pending = boss.getByRole('region', { name: dl.title }).getByRole('listitem', { name: fill(dl.itemLabel, { recipient: 'Harris County District Court' }) });
    await pending.getByLabel(field(dl.reason)).fill('The order names the record; notice was given in person.');
    await checkPage(boss, 'survivor-disclosure-supervisor');
    await pending.getByRole('button', { name: dl.approve }).click();
    await boss.getByRole('region', { name: dl.title }).getByRole('status').filter({ hasText: dl.decided.approved }).waitFor();
    await pending.getByText(dl.status.approved, { exact: true }).waitFor();

    // A supervisor may override Safe Harbor routing, with a reason; the mandated-report task is cancelled.
    await boss.goto(`/staff/survivors/${minorId}`);
    await expectHeading(boss, `Survivor #2: ${minor.name}`);
    const harbor = boss.getByRole('region', { name: s.safeHarbor.title });
    await harbor.getByLabel(field(s.safeHarbor.reason)).fill('Too short');
    await harbor.getByRole('button', { name: s.safeHarbor.override }).click();
    await harbor.getByText(s.safeHarbor.reasonRequired).first().waitFor();
    await harbor.getByLabel(field(s.safeHarbor.reason)).fill('She is 19 by her passport, found after intake; the estimate was wrong.');
    await harbor.getByRole('button', { name: s.safeHarbor.override }).click();
    await harbor.getByText(s.safeHarbor.state.overridden).waitFor();
    await boss.getByRole('region', { name: s.tasks.title }).getByText(s.tasks.status.cancelled, { exact: true }).waitFor();

    // Purging asks for the record's number first.
    const purge = boss.getByRole('region', { name: s.purge.title });
    await purge.getByRole('group', { name: s.purge.parts }).getByLabel(s.purge.partNames.record).check();
    await purge.getByRole('button', { name: s.purge.submit }).click();
    await purge.getByText(fill(s.purge.confirmRequired, { number: 2 })).first().waitFor();
    expect((await supervisor.api.request('GET', `/api/survivors/${minorId}`)).status).toBe(200);
    await purge.getByLabel(field(fill(s.purge.confirm, { record: 'Survivor #2' }))).fill('2');
    await purge.getByRole('button', { name: s.purge.submit }).click();
    await expectHeading(boss, s.list.title);
    expect(await mainText(boss)).not.toContain(minor.name);
    expect((await supervisor.api.request('GET', `/api/survivors/${minorId}`)).status).toBe(404);
    expect(caseManager.actor.problems()).toEqual([]);
    expect(supervisor.actor.problems()).toEqual([]);
  });

  it('gives an investigator no way in: no Survivors entry, the record’s address not allowed, the name nowhere', async () => {
    const { page } = investigator.actor;
    await page.goto('/staff/');
    const nav = page.getByRole('navigation', { name: en.nav.label });
    await nav.getByRole('link', { name: en.nav.cases }).waitFor({ state: 'attached' });
    expect(await nav.getByRole('link', { name: en.nav.survivors }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: en.nav.referrals }).count()).toBe(0);
    await page.goto(`/staff/survivors/${survivorId}`);
    await expectHeading(page, en.errors.notAllowed.title);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain(ana.name);
    expect(body).not.toContain('Survivor #1');
    await page.goto('/staff/survivors');
    await expectHeading(page, en.errors.notAllowed.title);
    await page.goto('/staff/referrals');
    await expectHeading(page, en.errors.notAllowed.title);
    expect((await investigator.api.request('GET', `/api/survivors/${survivorId}`)).status).toBe(403);
    const answer = await investigator.api.request<unknown>('GET', '/api/survivors');
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain('Ana');
    expect(investigator.actor.problems()).toEqual([]);
  });

  it('reads the survivor pages in Spanish, fitting a phone', async () => {
    const { page } = caseManager.actor;
    await caseManager.api.call('PATCH', '/api/me', { locale: 'es' });
    try {
      await page.goto('/staff/survivors');
      await expectHeading(page, staffEs.survivors.list.title);
      await checkPage(page, 'survivors-list-es');
      await expectFitsWidth(page);
      await page.goto(`/staff/survivors/${survivorId}`);
      await expectHeading(page, `Sobreviviente n.º 1: ${ana.name}`);
      await page.getByRole('region', { name: staffEs.consents.title }).getByText(staffEs.consents.states.revoked, { exact: true }).waitFor();
      // The screening's reasons read in Spanish too, though the server words them in English.
      await page.getByRole('region', { name: staffEs.survivors.screening.title }).getByText(staffEs.survivors.screening.reasonTexts.laborMeans).waitFor();
      await checkPage(page, 'survivor-page-es');
      await expectFitsWidth(page);
      // Closing a record when services end, and opening it again.
      await page.getByRole('button', { name: staffEs.survivors.closeRecord }).click();
      await page.getByText(staffEs.survivors.status.closed, { exact: true }).waitFor();
      await page.getByRole('button', { name: staffEs.survivors.reopenRecord }).click();
      await page.getByText(staffEs.survivors.status.open, { exact: true }).waitFor();
      await page.goto('/staff/survivors/new');
      await expectHeading(page, staffEs.survivors.newRecord.title);
      await checkPage(page, 'survivor-new-form-es');
      await expectFitsWidth(page);
      expect(caseManager.actor.problems()).toEqual([]);
    } finally {
      await caseManager.api.call('PATCH', '/api/me', { locale: 'en' });
    }
  });
});
