import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { addStaffMember, type StaffMember } from './support/people.ts';
import { en, expectFitsWidth, expectHeading } from './support/staffUi.ts';
import staffEs from '../web/staff/src/i18n/es.json';

const c = en.cases;
const d = en.deconfliction;
const admin: Person & { agencyName: string } = { agencyName: 'Gulf Coast Human Trafficking Task Force', displayName: 'Robin Okafor', email: 'robin.okafor@gulfcoast.example.org', password: STRONG_PASSWORD };
const priya: Person = { displayName: 'Priya Shah', email: 'priya.shah@houston-pd.example.org', password: 'harbor violet compass 5521' };
const jordan: Person = { displayName: 'Jordan Reyes', email: 'jordan.reyes@harris-so.example.org', password: 'quartz meadow lantern 8830' };
const morgan: Person = { displayName: 'Morgan Ellis', email: 'morgan.ellis@gulfcoast.example.org', password: 'falcon ember river 2207' };
const HOUSTON = 'Houston Police Department';
const HARRIS = 'Harris County Sheriff’s Office';

// What each agency holds; neither may ever see the other's until both agree to share.
const houstonCase = { title: 'Spa on Bellaire Blvd', note: 'Informant says the van leaves the spa at 2 am on Fridays.', id: '', number: 0 };
const harrisCase = { title: 'Operation Nightingale', note: 'Wiretap on the Bellaire number starts Monday.', id: '', number: 0 };

/** A form field by its label, which may end in "(optional)". */
const field = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(optional\\))?$`);
/** A catalog message with its placeholders filled in. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
const today = () => new Date().toISOString().slice(0, 10);
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Opens the cases list from the navigation, opens a new case through the form, and notes its id and number. */
async function openCaseThroughForm(page: Page, kase: typeof houstonCase, check = false): Promise<void> {
  await page.goto('/staff/');
  await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.cases }).click();
  await expectHeading(page, c.list.title);
  if (check) await checkPage(page, 'cases-list-investigator');
  await page.getByRole('link', { name: c.list.new }).click();
  await expectHeading(page, c.newCase.title);
  if (check) {
    // Sent empty first: each field says what it needs.
    await page.getByRole('button', { name: c.newCase.submit }).click();
    await page.locator('form [role="alert"]:not(:empty)').first().waitFor();
    await checkPage(page, 'case-new-form-errors');
  }
  await page.getByLabel(field(c.newCase.caseTitle)).fill(kase.title);
  await page.getByRole('radio', { name: c.traffickingType.sex }).check();
  await page.getByLabel(field(c.fields.summary)).fill(`${kase.title}: massage business open at night, workers never leave alone.`);
  await page.getByLabel(field(c.fields.jurisdictions)).fill('Houston, Harris County');
  await page.getByRole('button', { name: c.newCase.submit }).click();
  await expectHeading(page, new RegExp(`^Case #\\d+: ${kase.title}$`));
  kase.id = new URL(page.url()).pathname.split('/').pop() ?? '';
  kase.number = Number(/#(\d+)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1]);
  const notes = page.getByRole('region', { name: c.notes.title });
  await notes.getByLabel(c.notes.label).fill(kase.note);
  await notes.getByRole('button', { name: c.notes.add }).click();
  await notes.getByText(kase.note).waitFor();
}

/** Adds a phone number through the case page's form and waits for it to be listed. */
async function addPhone(page: Page, spelling: string): Promise<void> {
  const form = page.getByRole('form', { name: c.entityForm.title });
  await form.getByLabel(field(c.entityForm.kind)).selectOption('phone');
  await form.getByLabel(field(c.entityFields.number)).fill(spelling);
  await form.getByRole('button', { name: c.entityForm.submit }).click();
  await form.getByRole('status').filter({ hasText: fill(c.entityForm.added, { label: '+17135550199' }) }).waitFor();
}

const mainText = async (page: Page) => (await page.getByRole('main').textContent()) ?? '';

describe('investigations: two agencies on one phone number, deconfliction, sharing, the link chart and Safe Harbor', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let houston: StaffMember;
  let harris: StaffMember;
  let coordinator: StaffMember;

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    const taskForce = (await adminApi.call<{ user: { agency: { id: string } } }>('GET', '/api/auth/session')).user.agency;
    const houstonPd = await adminApi.call<{ id: string; type: string }>('POST', '/api/agencies', { name: HOUSTON, type: 'law_enforcement', contactPhone: '+1 713 555 0100' });
    const harrisSo = await adminApi.call<{ id: string; type: string }>('POST', '/api/agencies', { name: HARRIS, type: 'law_enforcement', contactPhone: '+1 713 555 0200' });
    houston = await addStaffMember(browser, adminApi, { agency: houstonPd, person: priya, roles: ['investigator'] });
    harris = await addStaffMember(browser, adminApi, { agency: harrisSo, person: jordan, roles: ['investigator'] });
    coordinator = await addStaffMember(browser, adminApi, { agency: { id: taskForce.id, type: 'task_force_coordinator' }, person: morgan, roles: ['coordinator'] });
    await adminApi.call('POST', '/api/users', { agencyId: houstonPd.id, email: 'sam.ortiz@houston-pd.example.org', displayName: 'Sam Ortiz', roles: ['investigator'] });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('lets the first investigator open a case and enter a phone number, with no other agency on it yet', async () => {
    const { page } = houston.actor;
    await openCaseThroughForm(page, houstonCase, true);
    await checkPage(page, 'case-new-empty');
    await addPhone(page, '(713) 555-0199');
    const entities = page.getByRole('region', { name: c.entities.title });
    await entities.getByRole('list', { name: c.entities.identifiers }).getByText('phone: +17135550199').waitFor();
    expect(await page.getByTestId('deconfliction-notice').count()).toBe(0);

    // A suspect with a role in the trafficking, linked to the phone.
    const form = page.getByRole('form', { name: c.entityForm.title });
    await form.getByLabel(field(c.entityForm.kind)).selectOption('person');
    await form.getByLabel(field(c.entityFields.name)).fill('Victor Lang');
    await form.getByLabel(field(c.entityForm.role)).selectOption('suspect');
    await form.getByRole('group', { name: c.entityForm.suspectRoles }).getByLabel(c.suspectRoles.controller).check();
    await form.getByRole('button', { name: c.entityForm.submit }).click();
    await form.getByRole('status').filter({ hasText: fill(c.entityForm.added, { label: 'Victor Lang' }) }).waitFor();
    await entities.getByText(fill(c.entities.suspectRoles, { roles: c.suspectRoles.controller })).waitFor();
    const links = page.getByRole('form', { name: c.links.add });
    await links.getByLabel(field(c.links.from)).selectOption({ label: 'Victor Lang (Person)' });
    await links.getByLabel(field(c.links.type)).selectOption('uses');
    await links.getByLabel(field(c.links.to)).selectOption({ label: '+17135550199 (Phone)' });
    await links.getByRole('button', { name: c.links.submit }).click();
    await page.getByRole('region', { name: c.links.title }).getByText('Victor Lang uses +17135550199', { exact: true }).waitFor();
    await checkPage(page, 'case-with-entities');

    // A colleague is put on the case from the list of people who may work it.
    const people = page.getByRole('region', { name: c.assignments.title });
    await people.getByLabel(field(c.assignments.person)).selectOption({ label: 'Sam Ortiz' });
    await people.getByRole('button', { name: c.assignments.submit }).click();
    await people.getByRole('listitem').filter({ hasText: 'Sam Ortiz' }).waitFor();
    expect(await people.getByLabel(field(c.assignments.person)).locator('option', { hasText: 'Sam Ortiz' }).count()).toBe(0);

    // A photo attached to the case: listed as a download once the server has cleaned it.
    const documents = page.getByRole('region', { name: c.documents.title });
    await documents.getByLabel(field(c.documents.documentTitle)).fill('Photo of the van');
    await documents.getByLabel(field(c.documents.file)).setInputFiles({ name: 'van.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await documents.getByRole('button', { name: c.documents.submit }).click();
    await documents.getByRole('status').filter({ hasText: fill(c.documents.added, { title: 'Photo of the van' }) }).waitFor();
    expect(await documents.getByRole('link', { name: /Photo of the van/ }).getAttribute('download')).toBe('Photo of the van.png');
    expect(houston.actor.problems()).toEqual([]);
  });

  it('warns the second investigator at once and the first within seconds without a reload, telling each only who and what kind', async () => {
    const first = houston.actor.page;
    // The first investigator's page stays open; a marker on the window shows it was never reloaded.
    await first.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const second = harris.actor.page;
    await openCaseThroughForm(second, harrisCase);
    await addPhone(second, '+1 713.555.0199');
    const warning = second.getByRole('alert').filter({ hasText: 'Another agency has a matching record' });
    await warning.waitFor({ timeout: 2_000 });
    const secondText = (await warning.textContent()) ?? '';
    expect(secondText).toContain(`Another agency has a matching record: ${HOUSTON}, point of contact Priya Shah, priya.shah@houston-pd.example.org, +1 713 555 0100, matched on phone.`);
    await checkPage(second, 'case-deconfliction-answer');
    await expectFitsWidth(second);

    const polled = first.getByTestId('deconfliction-notice').filter({ hasText: HARRIS });
    const startedAt = Date.now();
    await polled.waitFor({ timeout: 12_000 });
    expect(Date.now() - startedAt).toBeLessThan(12_000);
    expect(await first.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await polled.textContent()).toContain(`Another agency has a matching record: ${HARRIS}, point of contact Jordan Reyes, jordan.reyes@harris-so.example.org, +1 713 555 0200, matched on phone.`);
    await checkPage(first, 'case-deconfliction-polled');

    // Neither side sees anything of the other's case: not on the page, and not by its address.
    for (const [page, theirs] of [[first, harrisCase], [second, houstonCase]] as const) {
      const text = await mainText(page);
      expect(text).not.toContain(theirs.title);
      expect(text).not.toContain(theirs.note);
      await page.goto(`/staff/cases/${theirs.id}`);
      await expectHeading(page, en.notFound.title);
      expect(await mainText(page)).not.toContain(theirs.title);
    }
    expect(houston.actor.problems()).toEqual([]);
    expect(harris.actor.problems()).toEqual([]);
  });

  it('tells both investigators in their notifications, linking to the hit', async () => {
    for (const [member, other] of [[houston, HARRIS], [harris, HOUSTON]] as const) {
      const { page } = member.actor;
      await page.goto('/staff/notifications');
      await expectHeading(page, en.notifications.title);
      const item = page.getByRole('listitem').filter({ hasText: `Deconfliction: ${other} has a matching record (matched on phone).` });
      await item.waitFor();
      await checkPage(page, `notifications-deconfliction-${member === houston ? 'houston' : 'harris'}`);
      await item.getByRole('link', { name: en.notifications.openHit }).click();
      await expectHeading(page, d.hit.pageTitle);
      await page.getByTestId('deconfliction-notice').waitFor();
      expect(await mainText(page)).toContain(fill(d.notice.text, { agency: other, contact: '', kind: 'phone' }).split(',')[0]!);
      expect(await mainText(page)).not.toContain(member === houston ? harrisCase.title : houstonCase.title);
    }
    await checkPage(harris.actor.page, 'deconfliction-hit');
    expect(houston.actor.problems()).toEqual([]);
    expect(harris.actor.problems()).toEqual([]);
  });

  it('shows the coordinator every case in the list, without opening either', async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/cases');
    await expectHeading(page, c.list.title);
    const table = page.getByRole('region', { name: c.list.title, exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    for (const kase of [houstonCase, harrisCase]) {
      const row = table.getByRole('row').filter({ hasText: kase.title });
      expect(await row.getByRole('link').count()).toBe(0);
      expect(await row.textContent()).toContain(c.list.listOnly);
    }
    await checkPage(page, 'cases-list-coordinator');
    await page.goto('/staff/deconfliction');
    await expectHeading(page, d.title);
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('button', { name: /^Agree to share/ }).count()).toBe(0);
    await checkPage(page, 'deconfliction-coordinator');
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('shares both cases once both agree, marks the phone shared in each link chart and opens the other case', async () => {
    const first = houston.actor.page;
    await first.goto(`/staff/cases/${houstonCase.id}`);
    const hit = first.getByTestId('deconfliction-notice').filter({ hasText: HARRIS });
    await hit.getByLabel(field(fill(d.answers.level, { case: houstonCase.title }))).selectOption('read');
    await hit.getByRole('button', { name: fill(d.answers.agree, { agency: HARRIS }) }).click();
    await hit.getByRole('status').filter({ hasText: fill(d.answers.agreedWaiting, { agency: HARRIS }) }).waitFor();

    const second = harris.actor.page;
    await second.goto('/staff/deconfliction');
    await expectHeading(second, d.title);
    const card = second.getByRole('article').filter({ hasText: harrisCase.title });
    await card.getByText(fill(d.answers.theirsAgreed, { agency: HOUSTON, level: c.accessInSentence.read })).waitFor();
    await checkPage(second, 'deconfliction-list');
    await card.getByLabel(field(fill(d.answers.level, { case: harrisCase.title }))).selectOption('read');
    await card.getByRole('button', { name: fill(d.answers.agree, { agency: HOUSTON }) }).click();
    await card.getByText(d.status.shared, { exact: true }).waitFor();

    for (const [member, mine, theirs] of [[houston, houstonCase, harrisCase], [harris, harrisCase, houstonCase]] as const) {
      const { page } = member.actor;
      await page.goto(`/staff/cases/${mine.id}`);
      await page.getByRole('link', { name: c.chart.open }).click();
      await expectHeading(page, fill(c.chart.title, { number: `Case #${mine.number}` }));
      const phoneNode = page.locator('svg.link-chart g[data-shared]');
      await expect.poll(() => phoneNode.count()).toBe(1);
      expect(await phoneNode.textContent()).toContain('+17135550199');
      const shared = page.getByTestId('shared-entity');
      expect(await shared.textContent()).toContain('+17135550199');
      await checkPage(page, `chart-${member === houston ? 'houston' : 'harris'}`);
      await expectFitsWidth(page);

      await shared.getByRole('link', { name: `Case #${theirs.number}: ${theirs.title}` }).click();
      await expectHeading(page, `Case #${theirs.number}: ${theirs.title}`);
      await page.getByText(fill(c.yourAccess, { level: c.access.read })).waitFor();
      await page.getByRole('region', { name: c.notes.title }).getByText(theirs.note).waitFor();
      // Read access: no editing controls on the other agency's case.
      expect(await page.getByRole('form', { name: c.entityForm.title }).count()).toBe(0);
      expect(member.actor.problems()).toEqual([]);
    }
  });

  it('exports the chart as a PNG and an SVG, and offers it as a table', async () => {
    const { page } = houston.actor;
    await page.goto(`/staff/cases/${houstonCase.id}/chart`);
    await page.locator('svg.link-chart').waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: c.chart.exportPng }).click()]);
    const pngBytes = await readFile((await png.path())!);
    // Kept beside the screenshots, so a person can look at what the export draws.
    await png.saveAs(fileURLToPath(new URL('./screenshots/chart-export.png', import.meta.url)));
    expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.suggestedFilename()).toBe(`case-${houstonCase.number}-link-chart.png`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: c.chart.exportSvg }).click()]);
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('+17135550199');
    const table = page.getByRole('table', { name: c.chart.nodesTitle });
    expect(await table.getByRole('row').filter({ hasText: '+17135550199' }).textContent()).toContain(`Case #${harrisCase.number}: ${harrisCase.title}`);
    // Clicking a node expands it (asks for what it links to elsewhere); the table says so too.
    expect(await page.locator('svg.link-chart line').count()).toBe(1);
    await page.locator('svg.link-chart g[data-node-id]').filter({ hasText: 'Victor Lang' }).click();
    await expect.poll(() => page.getByRole('button', { name: fill(c.chart.expand, { label: 'Victor Lang' }) }).getAttribute('aria-pressed')).toBe('true');
    // Hiding phones hides the node and its link in the chart and the table alike.
    await page.getByRole('group', { name: c.chart.filter }).getByLabel(c.entityKinds.phone, { exact: true }).uncheck();
    await expect.poll(() => page.locator('svg.link-chart g[data-node-id]').count()).toBe(1);
    expect(await page.locator('svg.link-chart line').count()).toBe(0);
    expect(await table.getByRole('row').filter({ hasText: '+17135550199' }).count()).toBe(0);
    expect(houston.actor.problems()).toEqual([]);
  });

  it('finds the phone in any spelling through case search', async () => {
    const { page } = houston.actor;
    await page.goto('/staff/');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.caseSearch }).click();
    await expectHeading(page, en.caseSearch.title);
    await page.getByLabel(field(en.caseSearch.query)).fill('713-555-0199');
    await page.getByRole('button', { name: en.caseSearch.submit, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^\d+ entit(y|ies)$/ }).waitFor();
    expect(await mainText(page)).toContain('+17135550199');
    await page.getByRole('main').getByRole('link', { name: `Case #${houstonCase.number}: ${houstonCase.title}` }).first().waitFor();
    await checkPage(page, 'case-search');
    expect(houston.actor.problems()).toEqual([]);
  });

  it('refuses to record an arrest for commercial sex of a 16-year-old potential victim, and says why and what to do instead', async () => {
    const { page } = houston.actor;
    await page.goto(`/staff/cases/${houstonCase.id}`);
    const form = page.getByRole('form', { name: c.entityForm.title });
    await form.getByLabel(field(c.entityFields.name)).fill('Maya Torres');
    await form.getByLabel(field(c.entityFields.estimatedAge)).fill('16');
    await form.getByLabel(field(c.entityForm.role)).selectOption('potential_victim');
    await form.getByRole('button', { name: c.entityForm.submit }).click();
    await form.getByRole('status').filter({ hasText: fill(c.entityForm.added, { label: 'Maya Torres' }) }).waitFor();
    // The same young person, recorded as the suspect of the arrest an officer wants to make.
    await form.getByLabel(field(c.entityForm.which)).selectOption({ label: 'Maya Torres' });
    await form.getByLabel(field(c.entityForm.role)).selectOption('suspect');
    await form.getByRole('button', { name: c.entityForm.submit }).click();
    await form.getByRole('status').filter({ hasText: fill(c.entityForm.added, { label: 'Maya Torres' }) }).waitFor();
    const counts = page.getByRole('region', { name: c.overview.title });
    await counts.getByText('1 potential victim', { exact: true }).waitFor();
    await counts.getByText('2 suspects', { exact: true }).waitFor();

    const outcomes = page.getByRole('form', { name: c.outcomes.add });
    await outcomes.getByLabel(field(c.outcomes.suspect)).selectOption({ label: 'Maya Torres' });
    await outcomes.getByLabel(field(c.outcomes.type)).selectOption('arrest');
    await outcomes.getByLabel(field(c.outcomes.occurredOn)).fill(today());
    await outcomes.getByLabel(field(c.outcomes.offense)).selectOption('commercial_sex');
    await outcomes.getByRole('button', { name: c.outcomes.submit }).click();

    const refusal = page.getByTestId('safe-harbor-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain(c.safeHarbor.title);
    expect(text).toContain(c.safeHarbor.explain.arrest);
    expect(text).toMatch(/Under 18 on \d{4}-\d{2}-\d{2} \(estimated age 16/);
    expect(text).toContain('Recorded as a potential victim');
    expect(text).toContain('Refer the young person to child welfare instead');
    expect(text).toContain(c.safeHarbor.onlySupervisor);
    await checkPage(page, 'case-safe-harbor');
    await expectFitsWidth(page);
    expect(await page.getByRole('region', { name: c.outcomes.title }).getByText(c.outcomes.none).count()).toBe(1);
    expect(houston.actor.problems()).toEqual([]);
  });

  it('reads the case, its chart and deconfliction in Spanish', async () => {
    const { page } = houston.actor;
    const es = staffEs.cases;
    await houston.api.call('PATCH', '/api/me', { locale: 'es' });
    try {
      await page.goto(`/staff/cases/${houstonCase.id}`);
      await expectHeading(page, `Caso n.º ${houstonCase.number}: ${houstonCase.title}`);
      await page.getByRole('region', { name: es.timeline.title }).getByText(es.timeline.kinds.deconfliction.share_agreed.replace('{{level}}', es.accessInSentence.read)).waitFor();
      await checkPage(page, 'case-es');
      await expectFitsWidth(page);
      await page.getByRole('link', { name: es.chart.open }).click();
      await expectHeading(page, `Gráfico de vínculos del Caso n.º ${houstonCase.number}`);
      await checkPage(page, 'chart-es');
      await page.goto('/staff/deconfliction');
      await expectHeading(page, staffEs.deconfliction.title);
      await page.getByRole('article').first().waitFor();
      await checkPage(page, 'deconfliction-es');
      expect(houston.actor.problems()).toEqual([]);
    } finally {
      await houston.api.call('PATCH', '/api/me', { locale: 'en' });
    }
  });
});
