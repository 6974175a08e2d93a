import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { createActivatedPerson, setUpFirstAdministrator, shareSessionWith, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import es from '../web/staff/src/i18n/es.json';
import { en, enrollTotp, expectHeading, formAlert, signInWithPassword } from './support/staffUi.ts';

const admin: Person & { agencyName: string } = { agencyName: 'Lakeshore Anti-Trafficking Task Force', displayName: 'Morgan Lee', email: 'morgan.lee@lakeshore.example.org', password: STRONG_PASSWORD };
const advocate: Person = { displayName: 'Sam Okafor', email: 'sam.okafor@harborlight.example.org', password: 'violet canyon drums 5802' };

// The server says the same whether the account exists, the password is wrong, or the account is locked.
const SIGN_IN_REFUSED = /sign-in failed/i;

describe('sign-in protection', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let adminActor: Actor;
  let advocateActor: Actor;
  let shelterId = '';
  let advocateId = '';

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    const created = await createActivatedPerson(adminApi, {
      agency: { name: 'Harbor Light Shelter', type: 'victim_service_provider' },
      person: advocate,
      roles: ['victim_advocate'],
    });
    shelterId = created.agencyId;
    advocateId = created.userId;
    adminActor = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(adminActor.context, adminApi);
    advocateActor = await newActor(browser, { baseUrl: haven.baseUrl });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('locks the account after five wrong passwords, refuses even the right one, and lets the person in once an administrator unlocks it', async () => {
    const { page } = advocateActor;
    await page.goto('/staff/sign-in');
    for (let attempt = 1; attempt <= 5; attempt++) {
      // Failures are counted at a person's pace (one every 3 s at most): a burst locks no one.
      if (attempt > 1) await page.waitForTimeout(3_100);
      await signInWithPassword(page, { email: advocate.email, password: `wrong password number ${attempt}` });
      expect(await formAlert(page)).toMatch(SIGN_IN_REFUSED);
      expect(await page.getByLabel(en.fields.password, { exact: true }).inputValue()).toBe('');
    }
    await signInWithPassword(page, advocate);
    expect(await formAlert(page)).toMatch(SIGN_IN_REFUSED);
    await expectHeading(page, en.auth.signIn.title);
    await checkPage(page, 'sign-in-refused');

    const admin = adminActor.page;
    await admin.goto('/staff/users');
    await expectHeading(admin, en.users.title);
    await admin.getByLabel(en.users.search).fill('okafor');
    await admin.getByRole('button', { name: en.common.applyFilters }).click();
    await admin.waitForURL(/q=okafor/);
    const rows = admin.getByRole('region', { name: en.users.title }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(en.users.status.locked);
    await admin.getByRole('link', { name: advocate.displayName }).click();
    await expectHeading(admin, advocate.displayName);
    expect(await admin.getByTestId('user-status').textContent()).toBe(en.users.status.locked);
    await checkPage(admin, 'user-locked');
    await admin.getByRole('button', { name: en.users.actions.unlock }).click();
    await admin.getByRole('status').filter({ hasText: en.users.actions.done.unlock }).waitFor();
    await expect.poll(() => admin.getByTestId('user-status').textContent()).toBe(en.users.status.active);

    await signInWithPassword(page, advocate);
    await enrollTotp(page, advocate);
    await page.getByRole('button', { name: en.auth.recovery.saved }).click();
    await expectHeading(page, `Welcome, ${advocate.displayName}`);
    expect(await page.getByTestId('home-roles').textContent()).toBe(en.roles.victim_advocate.name);

    // When the session ends elsewhere, the next call answers 401 and the app returns to sign-in, saying why.
    await adminApi.call('POST', `/api/users/${advocateId}/end-sessions`);
    await page.getByRole('button', { name: 'Español' }).click();
    await expectHeading(page, es.auth.signIn.title);
    await page.getByText(es.auth.signIn.sessionEnded).waitFor();
    await checkPage(page, 'sign-in-session-ended');
    expect(advocateActor.problems()).toEqual([]);
    expect(adminActor.problems()).toEqual([]);
  });

  it('shows the audit trail newest first, filters it, and loads older entries', async () => {
    // Enough recorded changes to need a second page.
    for (let i = 0; i < 55; i++) await adminApi.call('PATCH', `/api/agencies/${shelterId}`, { contactPhone: `+1 555 010 ${String(1000 + i)}` });

    const { page } = adminActor;
    await page.goto('/staff/audit');
    await expectHeading(page, en.audit.title);
    const rows = page.getByRole('region', { name: en.audit.title }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    const times = await page.locator('tbody tr td:first-child').allTextContents();
    expect(times.length).toBe(50);
    await checkPage(page, 'audit');

    await page.getByRole('button', { name: en.audit.loadOlder }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    await page.getByRole('status').filter({ hasText: /older entr/ }).waitFor();

    await page.getByLabel(en.audit.outcome).selectOption({ label: en.audit.outcomes.failure });
    await page.getByRole('button', { name: en.common.applyFilters }).click();
    await page.waitForURL(/outcome=failure/);
    await expect.poll(async () => (await rows.count()) > 0 && (await rows.count()) < 50).toBe(true);
    const outcomes = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(outcomes)).toEqual(new Set([en.audit.outcomes.failure]));
    expect(await page.getByRole('button', { name: en.audit.loadOlder }).count()).toBe(0);
    await checkPage(page, 'audit-filtered');
    expect(adminActor.problems()).toEqual([]);
  });
});
