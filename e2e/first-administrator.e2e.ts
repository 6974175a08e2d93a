import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import type { Person } from './support/api.ts';
import { STRONG_PASSWORD } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { wrongCode } from './support/totp.ts';
import { en, enrollTotp, expectHeading, formAlert, signInWithPassword, signOut, verifyTotp } from './support/staffUi.ts';

const admin: Person & { agencyName: string } = {
  agencyName: 'Riverside County Human Trafficking Task Force',
  displayName: 'Alex Moreno',
  email: 'alex.moreno@taskforce.example.org',
  password: STRONG_PASSWORD,
};
const investigator: Person = { displayName: 'Jordan Reyes', email: 'jordan.reyes@rpd.example.org', password: 'quiet harbor ferns 2291' };

describe('first administrator and a first colleague', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminActor: Actor;
  let investigatorActor: Actor;
  let activationUrl = '';

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminActor = await newActor(browser, { baseUrl: haven.baseUrl });
    investigatorActor = await newActor(browser, { baseUrl: haven.baseUrl });
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('sets up the first administrator from the printed link, enrolls TOTP, shows recovery codes once and lands on home', async () => {
    const { page } = adminActor;
    await page.goto(haven.setupUrl);
    await expectHeading(page, en.setup.title);
    await checkPage(page, 'setup');

    await page.getByRole('button', { name: en.setup.submit }).click();
    expect(await formAlert(page)).toBe(en.errors.fixFields);
    const agencyField = page.getByLabel(en.setup.agencyName);
    expect(await agencyField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await agencyField.getAttribute('aria-describedby')) ?? '';
    const agencyError = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect(await agencyError.textContent()).toBe(en.setup.agencyNameRequired);
    await checkPage(page, 'setup-errors');

    await agencyField.fill(admin.agencyName);
    await page.getByLabel(en.fields.displayName).fill(admin.displayName);
    await page.getByLabel(en.fields.email).fill(admin.email);
    await page.getByLabel(en.password.new, { exact: true }).fill(admin.password);
    await page.getByLabel(en.password.confirm).fill(admin.password);
    await page.getByRole('button', { name: en.setup.submit }).click();

    await expectHeading(page, en.auth.signIn.title);
    await page.getByText(en.auth.signIn.notice.setUp).waitFor();
    expect(await page.getByLabel(en.fields.email).inputValue()).toBe(admin.email);
    await checkPage(page, 'sign-in');
    await signInWithPassword(page, admin);

    await expectHeading(page, en.auth.enroll.title);
    const qrSource = await page.getByRole('img', { name: en.auth.enroll.qrAlt }).getAttribute('src');
    expect(qrSource).toMatch(/^data:image\/svg\+xml;base64,/);
    await checkPage(page, 'mfa-enroll');
    const recoveryCodes = await enrollTotp(page, admin);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await checkPage(page, 'recovery-codes');
    await page.getByRole('button', { name: en.auth.recovery.saved }).click();

    await expectHeading(page, `Welcome, ${admin.displayName}`);
    expect(await page.getByTestId('home-agency').textContent()).toContain(admin.agencyName);
    expect(await page.getByTestId('home-roles').textContent()).toContain(en.roles.taskforce_admin.name);
    const nav = page.getByRole('navigation', { name: en.nav.label });
    for (const item of [en.nav.agencies, en.nav.users, en.nav.audit, en.nav.profile]) await nav.getByRole('link', { name: item }).waitFor();
    await checkPage(page, 'home-administrator');
    expect(adminActor.problems()).toEqual([]);
  });

  it('creates an agency and an investigator in it, and shows the activation link once', async () => {
    const { page } = adminActor;
    const nav = page.getByRole('navigation', { name: en.nav.label });
    await nav.getByRole('link', { name: en.nav.agencies }).click();
    await expectHeading(page, en.agencies.title);
    await checkPage(page, 'agencies');

    await page.getByRole('link', { name: en.agencies.new }).click();
    await expectHeading(page, en.agencies.newTitle);
    await checkPage(page, 'agency-new');
    await page.getByLabel(en.agencies.name, { exact: true }).fill('Riverside Police Department');
    await page.getByLabel(en.agencies.shortName).fill('RPD');
    await page.getByLabel(en.agencies.type).selectOption({ label: en.agencyTypes.law_enforcement });
    await page.getByLabel(en.agencies.contactEmail).fill('vice@rpd.example.org');
    await page.getByRole('button', { name: en.agencies.create }).click();
    await expectHeading(page, 'Riverside Police Department');
    await page.getByRole('status').filter({ hasText: en.agencies.created }).waitFor();
    await checkPage(page, 'agency');

    await nav.getByRole('link', { name: en.nav.users }).click();
    await expectHeading(page, en.users.title);
    await checkPage(page, 'users');
    await page.getByRole('link', { name: en.users.new }).click();
    await expectHeading(page, en.users.newTitle);
    await page.getByLabel(en.fields.agency).selectOption({ label: 'Riverside Police Department' });
    const roles = page.getByRole('group', { name: en.users.roles });
    await roles.getByRole('checkbox', { name: en.roles.investigator.name }).waitFor();
    expect(await roles.getByRole('checkbox', { name: en.roles.victim_advocate.name }).count()).toBe(0);
    expect(await roles.getByRole('checkbox', { name: en.roles.taskforce_admin.name }).count()).toBe(0);
    await checkPage(page, 'user-new');
    await roles.getByRole('checkbox', { name: en.roles.investigator.name }).check();
    await page.getByLabel(en.fields.displayName).fill(investigator.displayName);
    await page.getByLabel(en.fields.email).fill(investigator.email);
    await page.getByRole('button', { name: en.users.create }).click();

    await expectHeading(page, en.users.createdTitle);
    activationUrl = await page.getByTestId('activation-url').inputValue();
    expect(activationUrl).toMatch(new RegExp(`^${haven.baseUrl}/staff/activate#token=.+`));
    await checkPage(page, 'user-created');

    // The set-up link works once; afterwards it says so and points to sign-in.
    await page.goto(haven.setupUrl);
    await page.getByText(en.setup.alreadyDone).waitFor();
    await checkPage(page, 'setup-already-done');
    expect(adminActor.problems()).toEqual([]);
  });

  it('lets the new investigator activate the account in another browser, enroll TOTP and land on home', async () => {
    const { page } = investigatorActor;
    await page.goto(activationUrl);
    await expectHeading(page, en.activate.title);
    await checkPage(page, 'activate');
    await page.getByLabel(en.password.new, { exact: true }).fill(investigator.password);
    await page.getByLabel(en.password.confirm).fill('not the same password at all');
    await page.getByRole('button', { name: en.activate.submit }).click();
    expect(await formAlert(page)).toBe(en.errors.fixFields);
    await page.getByText(en.password.mismatch).waitFor();
    await page.getByLabel(en.password.confirm).fill(investigator.password);
    await page.getByRole('button', { name: en.activate.submit }).click();

    await expectHeading(page, en.auth.signIn.title);
    await page.getByText(en.auth.signIn.notice.activated).waitFor();
    await signInWithPassword(page, investigator);
    const codes = await enrollTotp(page, investigator);
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: en.auth.recovery.saved }).click();

    await expectHeading(page, `Welcome, ${investigator.displayName}`);
    expect(await page.getByTestId('home-roles').textContent()).toBe(en.roles.investigator.name);
    expect(await page.getByTestId('home-agency').textContent()).toContain('Riverside Police Department');
    const nav = page.getByRole('navigation', { name: en.nav.label });
    expect(await nav.getByRole('link', { name: en.nav.agencies }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: en.nav.users }).count()).toBe(0);
    await checkPage(page, 'home-investigator');

    await page.goto('/staff/agencies');
    await expectHeading(page, en.errors.notAllowed.title);
    await checkPage(page, 'not-allowed');
    await page.goto('/staff/no-such-page');
    await expectHeading(page, en.notFound.title);
    await checkPage(page, 'not-found');
    expect(investigatorActor.problems()).toEqual([]);
  });

  it('signs out, and then refuses a wrong TOTP code with a visible error before accepting the right one', async () => {
    const { page } = investigatorActor;
    await page.goto('/staff/');
    await signOut(page);
    await page.getByText(en.auth.signIn.notice.signedOut).waitFor();
    await page.goto('/staff/profile');
    await expectHeading(page, en.auth.signIn.title);

    await signInWithPassword(page, investigator);
    await expectHeading(page, en.auth.verify.title);
    await checkPage(page, 'mfa-verify');
    await page.getByLabel(en.auth.code.label).fill(wrongCode(investigator.secret ?? ''));
    await page.getByRole('button', { name: en.auth.verify.submit }).click();
    expect(await formAlert(page)).toMatch(/code/i);
    const codeField = page.getByLabel(en.auth.code.label);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'mfa-verify-error');

    await verifyTotp(page, investigator);
    // Signing in from /staff/profile returns there.
    await expectHeading(page, en.profile.title);
    expect(investigatorActor.problems()).toEqual([]);
  });
});
