import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, shareSessionWith, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { en, enrollTotp, expectHeading, formAlert, signInWithPassword } from './support/staffUi.ts';
import es from '../web/staff/src/i18n/es.json';

const admin: Person & { agencyName: string } = { agencyName: 'Valley Task Force on Human Trafficking', displayName: 'Dana Ruiz', email: 'dana.ruiz@valley.example.org', password: STRONG_PASSWORD };

describe('language and own profile', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let adminActor: Actor;
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    adminActor = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(adminActor.context, adminApi);
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it("opens in the browser's language, switches on the sign-in page, and explains a refused sign-in in Spanish", async () => {
    const visitor = await newActor(browser, { baseUrl: haven.baseUrl, locale: 'es-MX' });
    const { page } = visitor;
    await page.goto('/staff/sign-in');
    await expectHeading(page, es.auth.signIn.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await checkPage(page, 'sign-in-es');

    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, en.auth.signIn.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Español' }).click();
    await expectHeading(page, es.auth.signIn.title);

    await page.getByLabel(es.fields.email).fill(admin.email);
    await page.getByLabel(es.fields.password, { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: es.auth.signIn.submit }).click();
    expect(await formAlert(page)).toBe(es.errors.codes.sign_in_failed);
    await checkPage(page, 'sign-in-es-error');
    expect(visitor.problems()).toEqual([]);
    await visitor.close();
  });

  it('switches a signed-in person to Spanish and saves the choice on the account', async () => {
    const { page } = adminActor;
    await page.goto('/staff/');
    await expectHeading(page, `Welcome, ${admin.displayName}`);
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH' && response.ok()),
      page.getByRole('button', { name: 'Español' }).click(),
    ]);
    await expectHeading(page, es.home.greeting.replace('{{name}}', admin.displayName));
    const nav = page.getByRole('navigation', { name: es.nav.label });
    await nav.getByRole('link', { name: es.nav.users }).waitFor();
    expect(await page.getByTestId('home-roles').textContent()).toContain(es.roles.taskforce_admin.name);
    await checkPage(page, 'home-es');
    const session = await adminApi.call<{ user: { locale: string } }>('GET', '/api/auth/session');
    expect(session.user.locale).toBe('es');

    await nav.getByRole('link', { name: es.nav.profile }).click();
    await expectHeading(page, es.profile.title);
    const currentPassword = page.getByRole('region', { name: es.profile.password.title }).getByLabel(es.profile.currentPassword);
    await currentPassword.fill('this is not my password');
    await page.getByLabel(es.password.new, { exact: true }).fill('amber meadow kettle 7731');
    await page.getByLabel(es.password.confirm).fill('amber meadow kettle 7731');
    await page.getByRole('button', { name: es.profile.password.submit }).click();
    expect(await formAlert(page)).toBe(es.errors.wrongCurrentPassword);
    expect(await currentPassword.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'profile-es-error');

    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, en.profile.title);
    expect(adminActor.problems()).toEqual([]);
  });

  it('changes the display name and password, makes new recovery codes, and sets up a new authenticator', async () => {
    const { page } = adminActor;
    await page.goto('/staff/profile');
    await expectHeading(page, en.profile.title);
    await checkPage(page, 'profile');

    const details = page.getByRole('region', { name: en.profile.details });
    await details.getByLabel(en.fields.displayName).fill('Dana Ruiz-Park');
    await details.getByRole('button', { name: en.common.saveChanges }).click();
    await details.getByRole('status').filter({ hasText: en.common.saved }).waitFor();
    await page.getByRole('navigation', { name: en.nav.label }).getByText('Dana Ruiz-Park').waitFor();

    const passwordSection = page.getByRole('region', { name: en.profile.password.title });
    await passwordSection.getByLabel(en.profile.currentPassword).fill(admin.password);
    await passwordSection.getByLabel(en.password.new, { exact: true }).fill('amber meadow kettle 7731');
    await passwordSection.getByLabel(en.password.confirm).fill('amber meadow kettle 7731');
    await passwordSection.getByRole('button', { name: en.profile.password.submit }).click();
    await passwordSection.getByRole('status').filter({ hasText: en.profile.password.changed }).waitFor();
    admin.password = 'amber meadow kettle 7731';

    const recovery = page.getByRole('region', { name: en.profile.recovery.title });
    await recovery.getByLabel(en.profile.currentPassword).fill(admin.password);
    await recovery.getByRole('button', { name: en.profile.recovery.submit }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await expect.poll(() => codes.count()).toBe(10);
    await checkPage(page, 'profile-recovery-codes');
    await page.getByRole('button', { name: en.auth.recovery.saved }).click();
    await page.getByRole('status').filter({ hasText: en.profile.recovery.replaced }).waitFor();

    const oldSecret = admin.secret;
    const authenticator = page.getByRole('region', { name: en.profile.mfa.title });
    await authenticator.getByLabel(en.profile.currentPassword).fill(admin.password);
    await authenticator.getByRole('button', { name: en.profile.mfa.submit }).click();
    recoveryCodes = await enrollTotp(page, admin);
    expect(admin.secret).not.toBe(oldSecret);
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: en.auth.recovery.saved }).click();
    await expectHeading(page, en.profile.title);
    expect(adminActor.problems()).toEqual([]);
  });

  it('signs in again with the new password and the new authenticator, through a recovery code as well', async () => {
    const { page } = adminActor;
    await page.goto('/staff/');
    await page.getByRole('button', { name: en.nav.signOut }).click();
    await signInWithPassword(page, admin);
    await expectHeading(page, en.auth.verify.title);
    await page.getByRole('link', { name: en.auth.verify.useRecovery }).click();
    await page.getByLabel(en.auth.verify.recoveryLabel).waitFor();
    await checkPage(page, 'mfa-verify-recovery');
    await page.getByLabel(en.auth.verify.recoveryLabel).fill('nope-nope-nope');
    await page.getByRole('button', { name: en.auth.verify.submit }).click();
    expect(await formAlert(page)).toMatch(/code/i);
    // A person reads the message and types the code again; right after a wrong code none is tried.
    await page.waitForTimeout(3_100);
    await page.getByLabel(en.auth.verify.recoveryLabel).fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: en.auth.verify.submit }).click();
    await expectHeading(page, 'Welcome, Dana Ruiz-Park');
    expect(adminActor.problems()).toEqual([]);
  });
});
