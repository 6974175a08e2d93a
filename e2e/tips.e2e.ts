import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import exifr from 'exifr';
import { jpegWithGps, pngWithText } from '../server/test/fixtures/files.ts';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { addStaffMember, type StaffMember } from './support/people.ts';
import { fillAndSendReport, openThread, portal, postReport, readReceipt, tempFile } from './support/portal.ts';
import { en, expectFitsWidth, expectHeading } from './support/staffUi.ts';
import staffEs from '../web/staff/src/i18n/es.json';

const es = portal.es;
const admin: Person & { agencyName: string } = { agencyName: 'Metro Human Trafficking Task Force', displayName: 'Chris Nakamura', email: 'chris.nakamura@metro.example.org', password: STRONG_PASSWORD };
const morgan: Person = { displayName: 'Morgan Ellis', email: 'morgan.ellis@metro.example.org', password: 'harbor violet compass 5521' };
const sam: Person = { displayName: 'Sam Ortiz', email: 'sam.ortiz@riverside-pd.example.org', password: 'quartz meadow lantern 8830' };
const alex: Person = { displayName: 'Alex Kim', email: 'alex.kim@lakeside-so.example.org', password: 'falcon ember river 2207' };

const NARRATIVE = 'Una camioneta blanca deja a seis trabajadores en la obra de la calle Pine antes del amanecer. Nunca salen solos y un hombre les quita el celular.';
const QUESTION = '¿Qué días ve la camioneta?';
const NOTE = 'Same white van as the Pine Street tip last month; check with Riverside PD before contacting anyone.';
const ANSWER = 'Los lunes y jueves, a las cinco de la mañana.';

/** The queue row of a tip, found by its number. */
const queueRow = (page: Page, number: number) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Tip #${number}`, exact: true }) });

describe('tips: the public portal and the staff queue', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let coordinator: StaffMember;
  let investigator: StaffMember;
  let outsider: StaffMember;
  let reporter: Actor;
  const webTip = { receipt: '', id: '', number: 0 };
  let assignedTipId = '';

  beforeAll(async () => {
    // A short review time lets the suite see an urgent tip become overdue and notify coordinators.
    [haven, browser] = await Promise.all([startHaven({ env: { URGENT_TIP_REVIEW_MINUTES: '1' } }), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    const taskForce = (await adminApi.call<{ user: { agency: { id: string } } }>('GET', '/api/auth/session')).user.agency;
    coordinator = await addStaffMember(browser, adminApi, { agency: { id: taskForce.id, type: 'task_force_coordinator' }, person: morgan, roles: ['coordinator'] });
    investigator = await addStaffMember(browser, adminApi, { agency: { name: 'Riverside Police Department', type: 'law_enforcement' }, person: sam, roles: ['investigator'] });
    outsider = await addStaffMember(browser, adminApi, { agency: { name: 'Lakeside Sheriff’s Office', type: 'law_enforcement' }, person: alex, roles: ['investigator'] });
    reporter = await newActor(browser, { baseUrl: haven.baseUrl, locale: 'es-MX', javaScriptEnabled: false, phone: true });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('takes an anonymous report in Spanish on a phone with scripts off, with a located photo', async () => {
    const { page } = reporter;
    await page.goto('/?c=SPRING26');
    await page.getByRole('heading', { level: 1, name: es['home.title'] }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await checkPage(page, 'portal-home', { scriptsOff: true });

    await page.getByRole('navigation', { name: es['nav.label'] }).getByRole('link', { name: es['nav.report'] }).click();
    await page.getByRole('heading', { level: 1, name: es['report.title'] }).waitFor();
    expect(await page.locator('input[name="c"]').inputValue()).toBe('SPRING26');
    await checkPage(page, 'portal-report', { scriptsOff: true });
    await page.getByRole('button', { name: es['report.submit'] }).click();
    await page.getByRole('heading', { level: 2, name: es['report.errors.title'] }).waitFor();
    await checkPage(page, 'portal-report-errors', { scriptsOff: true });

    const photo = await tempFile('camioneta.jpg', jpegWithGps());
    expect(await exifr.gps(await readFile(photo))).toBeDefined();
    await fillAndSendReport(page, es, { concern: 'labor', narrative: NARRATIVE, danger: true, files: [photo] });
    webTip.receipt = await readReceipt(page, es);
    expect(webTip.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.getByRole('alert').filter({ hasText: es['submitted.dangerTitle'] }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(es['submitted.dangerText'].replace('{number}', '911'));
    await checkPage(page, 'portal-receipt', { scriptsOff: true });
    expect(reporter.problems()).toEqual([]);
  });

  it('puts the urgent report at the top of the queue, and its photo downloads without the location', async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/tips');
    await expectHeading(page, en.tips.queue.title);
    const first = page.getByRole('region', { exact: true, name: en.tips.queue.title }).locator('tbody tr').first();
    await expect.poll(() => first.textContent()).toContain(NARRATIVE.slice(0, 40));
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain(en.tips.priority.urgent);
    expect(firstText).toContain(en.tips.flags.danger);
    expect(firstText).toContain(en.tips.channel.web);
    await checkPage(page, 'tips-queue');
    await expectFitsWidth(page);

    // Filters live in the address, so a coordinator can share the link.
    await page.goto('/staff/tips?campaign=spring26&channel=web');
    expect(await page.getByLabel(en.tips.fields.campaign).inputValue()).toBe('spring26');
    await expect.poll(() => page.getByRole('region', { exact: true, name: en.tips.queue.title }).locator('tbody tr').count()).toBe(1);
    await page.getByRole('region', { exact: true, name: en.tips.queue.title }).getByRole('link', { name: /^Tip #\d+$/ }).click();
    await expectHeading(page, /^Tip #\d+$/);
    webTip.id = new URL(page.url()).pathname.split('/').pop() ?? '';
    webTip.number = Number(((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\D/g, ''));
    expect(await page.getByRole('region', { exact: true, name: en.tips.report.title }).textContent()).toContain('campaign SPRING26');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download file 1 \(JPG/ }).click()]);
    const photo = await readFile((await download.path())!);
    expect(photo.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(await exifr.gps(photo)).toBeUndefined();

    const conversation = page.getByRole('region', { exact: true, name: en.tips.conversation.title });
    await conversation.getByLabel(en.tips.conversation.label).fill(QUESTION);
    await conversation.getByRole('button', { name: en.tips.conversation.send }).click();
    await conversation.getByRole('status').filter({ hasText: en.tips.conversation.sent }).waitFor();
    await conversation.getByText(QUESTION).waitFor();
    const notes = page.getByRole('region', { exact: true, name: en.tips.notes.title });
    expect(await notes.textContent()).toContain(en.tips.notes.internal);
    await notes.getByLabel(en.tips.notes.label).fill(NOTE);
    await notes.getByRole('button', { name: en.tips.notes.add }).click();
    await notes.getByRole('status').filter({ hasText: en.tips.notes.added }).waitFor();
    await notes.getByText(NOTE).waitFor();
    await expectNoReporterContact(page);
    await checkPage(page, 'tip');
    await expectFitsWidth(page);

    // An urgent tip that nobody opens: a minute later it is overdue and coordinators are told (last test).
    await postReport(haven.baseUrl, { concern: 'minor', danger: 'yes', narrative: 'A girl of about 15 is kept in the back room of the Sunrise Motel.' });
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('shows the reporter the status and the question but never the internal note, and takes an answer with a file', async () => {
    const { page } = reporter;
    await page.getByRole('navigation', { name: es['nav.label'] }).getByRole('link', { name: es['nav.followUp'] }).click();
    await checkPage(page, 'portal-follow-up', { scriptsOff: true });
    await openThread(page, es, webTip.receipt.toLowerCase().replace(/-/g, ''));
    expect(await page.locator('dl.status dd strong').textContent()).toBe(es['followUp.status.under_review']);
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain(QUESTION);
    expect(main).not.toContain(NOTE);
    expect(main).not.toContain(morgan.displayName);
    await checkPage(page, 'portal-thread', { scriptsOff: true });

    await page.getByRole('textbox', { name: es['followUp.message'] }).fill(ANSWER);
    await page.getByLabel(es['followUp.replyFiles']).setInputFiles(await tempFile('horario.png', pngWithText()));
    await page.getByRole('button', { name: es['followUp.send'] }).click();
    await page.getByRole('status').filter({ hasText: es['followUp.sent'] }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(ANSWER);
    expect(reporter.problems()).toEqual([]);
  });

  it("shows the coordinator the reporter's answer and that the question was read", async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/tips');
    await expect.poll(() => queueRow(page, webTip.number).textContent()).toContain('1 unread');
    await queueRow(page, webTip.number).getByRole('link', { name: `Tip #${webTip.number}` }).click();
    const conversation = page.getByRole('region', { exact: true, name: en.tips.conversation.title });
    await conversation.getByText(ANSWER).waitFor();
    expect(await conversation.locator('li', { hasText: QUESTION }).textContent()).toContain(en.tips.conversation.read);
    expect(await page.getByRole('region', { exact: true, name: en.tips.files.title }).getByRole('link').count()).toBe(2);
    await expectNoReporterContact(page);
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('shows the same receipt again, not a second tip, when the browser sends the same form twice', async () => {
    const { page } = reporter;
    await page.goto('/report?lang=es');
    await fillAndSendReport(page, es, { concern: 'sex', narrative: 'Anuncios del salón Lotus con chicas nuevas cada semana (reenvío).' });
    const receipt = await readReceipt(page, es);
    await page.reload();
    await page.getByText(es['submitted.duplicate']).waitFor();
    expect(await readReceipt(page, es)).toBe(receipt);
    const { tips } = await coordinator.api.call<{ tips: unknown[] }>('GET', '/api/tips?q=Lotus');
    expect(tips).toHaveLength(1);
  });

  // The report page is sent with `no-store`, so going Back loads a fresh form with a new submission id; the
  // same words sent again are recognised, and the first receipt is not shown again to whoever holds the phone.
  it('does not take a report twice when the visitor goes back and sends the form again', async () => {
    const { page } = reporter;
    await page.goto('/report?lang=es');
    await fillAndSendReport(page, es, { concern: 'sex', narrative: 'Anuncios del salón Orchid con chicas nuevas cada semana.' });
    const receipt = await readReceipt(page, es);
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.goBack();
    await page.getByRole('button', { name: es['report.submit'] }).click();
    await page.getByText(es['submitted.resent']).waitFor({ timeout: 10_000 });
    expect(await page.locator('output').count()).toBe(0);
    const { tips } = await coordinator.api.call<{ tips: unknown[] }>('GET', '/api/tips?q=Orchid');
    expect(tips).toHaveLength(1);
  });

  it('leaves at once with Quick exit: a plain link without scripts; with scripts, it also leaves no way back', async () => {
    const weather = { contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' };
    const { page } = reporter;
    await reporter.context.route('https://www.weather.gov/**', (route) => route.fulfill(weather));
    await page.goto('/get-help?lang=es');
    await checkPage(page, 'portal-get-help', { scriptsOff: true });
    await page.goto('/privacy?lang=es');
    await checkPage(page, 'portal-privacy', { scriptsOff: true });
    await page.getByRole('link', { name: es['exit.label'] }).click();
    await page.waitForURL('https://www.weather.gov/');

    const visitor = await newActor(browser, { baseUrl: haven.baseUrl });
    await visitor.context.route('https://www.weather.gov/**', (route) => route.fulfill(weather));
    await visitor.page.goto('/');
    await visitor.page.goto('/report');
    await visitor.page.getByRole('link', { name: portal.en['exit.label'] }).click();
    await visitor.page.waitForURL('https://www.weather.gov/');
    await visitor.page.goBack();
    expect(new URL(visitor.page.url()).pathname).toBe('/');
    await visitor.page.goto('/follow-up');
    await visitor.page.keyboard.press('Escape');
    await visitor.page.keyboard.press('Escape');
    await visitor.page.waitForURL('https://www.weather.gov/');
    expect(visitor.problems()).toEqual([]);
    await visitor.close();
  });

  it('shows contact details only on request, records the look, and keeps the tip from another agency', async () => {
    await postReport(haven.baseUrl, {
      concern: 'labor',
      narrative: 'Kitchen staff at Golden Wok sleep above the restaurant and are never paid.',
      phones: '(713) 555-0199',
      contact_choice: 'share',
      contact_name: 'Rosa',
      contact_phone: '713-555-0142',
      contact_safe: 'Weekdays after 6 pm; text first.',
    });
    const { page } = coordinator.actor;
    await page.goto('/staff/tips?q=golden+wok');
    await page.getByRole('region', { exact: true, name: en.tips.queue.title }).getByRole('link', { name: /^Tip #\d+$/ }).click();
    await expectHeading(page, /^Tip #\d+$/);
    const tipId = new URL(page.url()).pathname.split('/').pop() ?? '';
    assignedTipId = tipId;
    const contact = page.getByRole('region', { exact: true, name: en.tips.contact.title });
    expect(await contact.textContent()).not.toContain('Rosa');
    await contact.getByRole('button', { name: en.tips.contact.show }).click();
    await contact.getByRole('status').filter({ hasText: en.tips.contact.recorded }).waitFor();
    expect(await contact.getByTestId('reporter-contact').textContent()).toContain('713-555-0142');
    await checkPage(page, 'tip-contact');
    const audit = await adminApi.call<{ entries: { actorUserId: string; outcome: string }[] }>('GET', `/api/audit?action=tip.contact_viewed&entityId=${tipId}`);
    expect(audit.entries).toEqual([expect.objectContaining({ actorUserId: coordinator.userId, outcome: 'success' })]);

    const assignment = page.getByRole('region', { exact: true, name: en.tips.assign.title });
    await assignment.getByLabel(en.tips.fields.assignedAgency).selectOption({ label: 'Riverside Police Department' });
    await assignment.getByLabel(en.tips.fields.assignedPerson).waitFor();
    await assignment.getByRole('button', { name: en.tips.assign.save }).click();
    await assignment.getByRole('status').filter({ hasText: en.tips.assign.saved }).waitFor();
    await expect.poll(() => page.getByRole('region', { exact: true, name: en.tips.clock.title }).textContent()).toContain('Riverside Police Department');

    const outsiderPage = outsider.actor.page;
    await outsiderPage.goto('/staff/tips');
    await outsiderPage.getByText(en.tips.queue.none).waitFor();
    await outsiderPage.goto(`/staff/tips/${tipId}`);
    await expectHeading(outsiderPage, en.notFound.title);
    expect((await outsider.api.request('GET', `/api/tips/${tipId}/contact`)).status).toBe(404);
    await checkPage(outsiderPage, 'tip-not-found');

    const own = investigator.actor.page;
    await own.goto(`/staff/tips/${tipId}`);
    await expectHeading(own, /^Tip #\d+$/);
    await own.getByRole('button', { name: en.tips.assign.toMe }).click();
    await own.getByRole('status').filter({ hasText: en.tips.assign.toMeDone }).waitFor();
    const triage = own.getByRole('region', { exact: true, name: en.tips.triage.title });
    await triage.getByLabel(en.tips.fields.status).selectOption({ label: en.tips.status.closed });
    await triage.getByRole('button', { name: en.tips.triage.save }).click();
    await triage.getByText(en.tips.triage.reasonRequired).waitFor();
    await checkPage(own, 'tip-close-error');
    await triage.getByLabel(en.tips.triage.closedReason).fill('Referred to the Department of Labor wage-theft unit.');
    await triage.getByRole('button', { name: en.tips.triage.save }).click();
    await triage.getByRole('status').filter({ hasText: en.common.saved }).waitFor();
    expect(await own.locator('.tip-header').textContent()).toContain(en.tips.status.closed);
    for (const person of [coordinator, investigator, outsider]) expect(person.actor.problems()).toEqual([]);
  });

  it('opens a case from the tip for an investigator, who lands on the case, and the tip then links to it', async () => {
    // Coordinators triage tips but do not open cases: no button for them.
    const { page: coordinatorPage } = coordinator.actor;
    await coordinatorPage.goto(`/staff/tips/${assignedTipId}`);
    await expectHeading(coordinatorPage, /^Tip #\d+$/);
    await coordinatorPage.getByRole('region', { exact: true, name: en.tips.contact.title }).waitFor();
    expect(await coordinatorPage.getByRole('button', { name: en.tips.openCase.button }).count()).toBe(0);

    const page = investigator.actor.page;
    await page.goto(`/staff/tips/${assignedTipId}`);
    await expectHeading(page, /^Tip #\d+$/);
    const tipNumber = Number((await page.getByRole('heading', { level: 1 }).textContent())?.replace(/\D/g, ''));
    const section = page.getByRole('region', { exact: true, name: en.tips.openCase.title });
    await section.getByRole('button', { name: en.tips.openCase.button }).waitFor();
    await checkPage(page, 'tip-open-case');
    await section.getByRole('button', { name: en.tips.openCase.button }).click();
    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    await expectHeading(page, new RegExp(`^Case #\\d+: Tip ${tipNumber}\\b`));
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const opened = await investigator.api.call<{ detail: { summary: string; sourceTip: { id: string } | null } }>('GET', `/api/cases/${caseId}`);
    expect(opened.detail.summary).toContain('Golden Wok');
    expect(opened.detail.sourceTip?.id).toBe(assignedTipId);
    expect(await page.title()).toMatch(/^Case #\d+ · /);

    await page.goto(`/staff/tips/${assignedTipId}`);
    const linked = page.getByRole('region', { exact: true, name: en.tips.openCase.title });
    await linked.getByText(en.tips.openCase.linked).waitFor();
    expect(await linked.getByRole('button').count()).toBe(0);
    await linked.getByRole('link', { name: en.tips.openCase.goToCase }).click();
    await page.waitForURL(`**/staff/cases/${caseId}`);
    expect(investigator.actor.problems()).toEqual([]);
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('records a hotline tip whose receipt works on the public follow-up page, then merges it into a related tip', async () => {
    const { page } = coordinator.actor;
    await page.goto('/staff/tips');
    await page.getByRole('link', { name: en.tips.queue.new }).click();
    await expectHeading(page, en.tips.hotline.title);
    await checkPage(page, 'tip-new');
    await expectFitsWidth(page);
    await page.getByRole('button', { name: en.tips.hotline.submit }).click();
    await page.getByText(en.tips.hotline.concernRequired).first().waitFor();
    await checkPage(page, 'tip-new-errors');
    await page.getByLabel(en.tips.hotline.channel).selectOption('phone');
    await page.getByRole('radio', { name: en.tips.concern.labor }).check();
    await page.getByLabel(en.tips.hotline.narrative).fill('Caller says the Golden Wok kitchen workers live upstairs and are driven in from Houston.');
    await page.getByLabel(en.tips.hotline.city).fill('Houston');
    await page.getByLabel(en.tips.hotline.phones).fill('713 555 0199');
    await page.getByRole('button', { name: en.tips.hotline.submit }).click();
    const receipt = ((await page.getByTestId('hotline-receipt').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await page.getByRole('main').textContent()).toContain(`${haven.baseUrl}/follow-up`);
    await checkPage(page, 'tip-new-receipt');

    const caller = await newActor(browser, { baseUrl: haven.baseUrl, javaScriptEnabled: false });
    await caller.page.goto('/follow-up');
    await openThread(caller.page, portal.en, receipt);
    expect(await caller.page.locator('dl.status dd strong').textContent()).toBe(portal.en['followUp.status.under_review']);
    await caller.close();

    await page.getByRole('link', { name: /^Open tip #\d+$/ }).click();
    const related = page.getByRole('region', { exact: true, name: en.tips.related.title });
    const relatedLink = related.getByRole('link', { name: /^Tip #\d+$/ });
    const target = ((await relatedLink.textContent()) ?? '').replace(/\D/g, '');
    expect(await related.textContent()).toContain(en.tips.identifier.phone);
    const merge = page.getByRole('region', { exact: true, name: en.tips.merge.title });
    await merge.getByLabel(en.tips.merge.reference).fill(target);
    await merge.getByRole('button', { name: en.tips.merge.find }).click();
    await merge.getByRole('button', { name: `Merge into Tip #${target}` }).waitFor();
    await checkPage(page, 'tip-merge-confirm');
    await merge.getByRole('button', { name: `Merge into Tip #${target}` }).click();
    await expectHeading(page, `Tip #${target}`);
    await page.getByRole('status').filter({ hasText: /was merged into this tip/ }).waitFor();
    expect(coordinator.actor.problems()).toEqual([]);
  });

  it('tells coordinators about an urgent tip nobody reviewed: home page, queue, header and notifications', { timeout: 150_000 }, async () => {
    await expect.poll(async () => (await coordinator.api.call<{ notifications: unknown[] }>('GET', '/api/notifications?unread=true')).notifications.length, { timeout: 120_000, interval: 2_000 }).toBe(1);
    const { page } = coordinator.actor;
    await page.goto('/staff/');
    await page.getByTestId('home-tip-counts').filter({ hasText: '1 urgent tip overdue for review' }).waitFor();
    const indicator = page.getByRole('link', { name: 'Notifications: 1 unread' });
    await checkPage(page, 'home-coordinator');
    await page.goto('/staff/tips');
    await expect.poll(() => page.getByRole('region', { exact: true, name: en.tips.queue.title }).textContent()).toContain(en.tips.flags.overdue);
    await checkPage(page, 'tips-queue-overdue');

    await indicator.click();
    await expectHeading(page, en.notifications.title);
    await checkPage(page, 'notifications');
    await expectFitsWidth(page);
    await page.getByRole('button', { name: en.notifications.markRead }).click();
    await page.getByRole('status').filter({ hasText: en.notifications.markedRead }).waitFor();
    await page.getByRole('link', { name: 'Notifications: 0 unread' }).waitFor();
    await page.getByRole('link', { name: /^Open tip #\d+$/ }).click();
    await expectHeading(page, /^Tip #\d+$/);
    expect(await page.getByRole('region', { exact: true, name: en.tips.report.title }).textContent()).toContain('Sunrise Motel');

    await page.getByRole('button', { name: 'Español' }).click();
    await expectHeading(page, /^Denuncia n\.º \d+$/);
    await checkPage(page, 'tip-es');
    await page.getByRole('link', { name: staffEs.tips.backToQueue }).click();
    await expectHeading(page, staffEs.tips.queue.title);
    await checkPage(page, 'tips-queue-es');
    expect(coordinator.actor.problems()).toEqual([]);
  });
});

/** Nothing on an anonymous tip's page offers or shows the reporter's contact details. */
async function expectNoReporterContact(page: Page): Promise<void> {
  const contact = page.getByRole('region', { exact: true, name: en.tips.contact.title });
  await contact.getByTestId('reporter-anonymous').waitFor();
  expect(await contact.getByRole('button').count()).toBe(0);
  expect(await page.getByTestId('reporter-contact').count()).toBe(0);
}
