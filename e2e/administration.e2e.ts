import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { createActivatedPerson, HavenApiClient, setUpFirstAdministrator, shareSessionWith, signInByApi, STRONG_PASSWORD, type Person } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { en, expectHeading } from './support/staffUi.ts';

const admin: Person & { agencyName: string } = { agencyName: 'Metro Human Trafficking Task Force', displayName: 'Chris Nakamura', email: 'chris.nakamura@metro.example.org', password: STRONG_PASSWORD };
const riley: Person = { displayName: 'Riley Chen', email: 'riley.chen@harborlight.example.org', password: 'granite puzzle willow 3318' };
const jamie: Person = { displayName: 'Jamie Fox', email: 'jamie.fox@harborlight.example.org', password: 'copper lighthouse maple 9145' };
const casey: Person = { displayName: 'Casey Brooks', email: 'casey.brooks@harborlight.example.org', password: 'saffron tunnel bicycle 6604' };

describe('administration of agencies and people', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let adminActor: Actor;
  let shelter = { id: '', type: 'victim_service_provider' };

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    shelter = await adminApi.call('POST', '/api/agencies', { name: 'Harbor Light Shelter', shortName: 'HLS', type: 'victim_service_provider' });
    await createActivatedPerson(adminApi, { agency: shelter, person: riley, roles: ['victim_advocate'] });
    await adminApi.call('POST', '/api/users', { agencyId: shelter.id, email: casey.email, displayName: casey.displayName, roles: ['provider_staff'] });
    adminActor = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(adminActor.context, adminApi);
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('filters people by agency, edits a name and roles, and disables then enables the account', async () => {
    const { page } = adminActor;
    await page.goto('/staff/users');
    await expectHeading(page, en.users.title);
    const rows = page.getByRole('region', { name: en.users.title }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel(en.fields.agency).selectOption({ label: 'Harbor Light Shelter' });
    await page.getByRole('button', { name: en.common.applyFilters }).click();
    await page.waitForURL(/agencyId=/);
    await expect.poll(() => rows.count()).toBe(2);
    await checkPage(page, 'users-filtered');

    await page.getByRole('link', { name: riley.displayName }).click();
    await expectHeading(page, riley.displayName);
    await checkPage(page, 'user');
    const editor = page.getByRole('region', { name: en.users.edit });
    await editor.getByLabel(en.fields.displayName).fill('Riley Chen-Ortiz');
    const roles = editor.getByRole('group', { name: en.users.roles });
    expect(await roles.getByRole('checkbox', { name: en.roles.investigator.name }).count()).toBe(0);
    await roles.getByRole('checkbox', { name: en.roles.provider_staff.name }).check();
    await editor.getByRole('button', { name: en.common.saveChanges }).click();
    await editor.getByRole('status').filter({ hasText: en.common.saved }).waitFor();
    await expectHeading(page, 'Riley Chen-Ortiz');
    const saved = await adminApi.call<{ users: { email: string; roles: string[] }[] }>('GET', `/api/users?q=riley`);
    expect(saved.users[0]?.roles.sort()).toEqual(['provider_staff', 'victim_advocate']);

    const actions = page.getByRole('region', { name: en.users.actions.title });
    await actions.getByRole('button', { name: en.users.actions.disable }).click();
    await actions.getByRole('status').filter({ hasText: en.users.actions.done.disable }).waitFor();
    await expect.poll(() => page.getByTestId('user-status').textContent()).toBe(en.users.status.disabled);
    const refused = await new HavenApiClient(haven.baseUrl).request('POST', '/api/auth/login', { email: riley.email, password: riley.password });
    expect(refused.status).toBe(401);
    await actions.getByRole('button', { name: en.users.actions.enable }).click();
    await expect.poll(() => page.getByTestId('user-status').textContent()).toBe(en.users.status.active);
    expect(adminActor.problems()).toEqual([]);
  });

  it('resets two-step verification and ends the sessions of a person', async () => {
    const rileyApi = new HavenApiClient(haven.baseUrl);
    await signInByApi(rileyApi, riley);
    const { page } = adminActor;
    await page.goto('/staff/users?q=riley');
    await page.getByRole('link', { name: 'Riley Chen-Ortiz' }).click();
    const actions = page.getByRole('region', { name: en.users.actions.title });
    await actions.getByRole('button', { name: en.users.actions.endSessions }).click();
    await actions.getByRole('status').filter({ hasText: /session/ }).waitFor();
    expect((await rileyApi.request('GET', '/api/auth/session')).status).toBe(401);

    await actions.getByRole('button', { name: en.users.actions.resetMfa }).click();
    await actions.getByRole('status').filter({ hasText: en.users.actions.done['reset-mfa'] }).waitFor();
    await page.getByText(en.users.mfaNotEnrolled).waitFor();
    const again = await new HavenApiClient(haven.baseUrl).call<{ next: string }>('POST', '/api/auth/login', { email: riley.email, password: riley.password });
    expect(again.next).toBe('enroll');
    expect(adminActor.problems()).toEqual([]);
  });

  it('issues a new activation link for a person who has not activated yet', async () => {
    const { page } = adminActor;
    await page.goto('/staff/users?q=casey');
    await page.getByRole('link', { name: casey.displayName }).click();
    await expect.poll(() => page.getByTestId('user-status').textContent()).toBe(en.users.status.invited);
    await page.getByRole('button', { name: en.users.actions.newLink }).click();
    const link = await page.getByTestId('activation-url').inputValue();
    expect(link).toContain('/staff/activate#token=');
    await checkPage(page, 'user-new-link');
    const token = new URL(link).hash.replace('#token=', '');
    const activated = await new HavenApiClient(haven.baseUrl).call<{ email: string }>('POST', '/api/activate', { token, password: casey.password });
    expect(activated.email).toBe(casey.email);
    expect(adminActor.problems()).toEqual([]);
  });

  it('edits, deactivates and reactivates an agency', async () => {
    const { page } = adminActor;
    await page.goto('/staff/agencies');
    await page.getByRole('link', { name: 'Harbor Light Shelter' }).click();
    await expectHeading(page, 'Harbor Light Shelter');
    await page.getByLabel(en.agencies.contactPhone).fill('+1 555 010 2000');
    await page.getByLabel(en.agencies.shortName).fill('');
    await page.getByRole('button', { name: en.common.saveChanges }).click();
    await page.getByRole('status').filter({ hasText: en.common.saved }).waitFor();
    const agency = await adminApi.call<{ contactPhone: string | null; shortName: string | null }>('GET', `/api/agencies/${shelter.id}`);
    expect(agency).toMatchObject({ contactPhone: '+1 555 010 2000', shortName: null });

    await page.getByRole('button', { name: en.agencies.deactivate }).click();
    await page.getByRole('status').filter({ hasText: en.agencies.deactivated }).waitFor();
    await checkPage(page, 'agency-inactive');
    await page.getByRole('link', { name: en.agencies.backToList }).click();
    const row = page.getByRole('row', { name: /Harbor Light Shelter/ });
    await expect.poll(() => row.textContent()).toContain(en.agencies.inactive);
    expect(await row.textContent()).not.toContain('(HLS)');
    await page.getByRole('link', { name: 'Harbor Light Shelter' }).click();
    await page.getByRole('button', { name: en.agencies.activate }).click();
    await page.getByRole('status').filter({ hasText: en.agencies.activated }).waitFor();
    expect(adminActor.problems()).toEqual([]);
  });

  it("lets an agency administrator manage only their own agency's people", async () => {
    await createActivatedPerson(adminApi, { agency: shelter, person: jamie, roles: ['agency_admin'] });
    const jamieApi = new HavenApiClient(haven.baseUrl);
    await signInByApi(jamieApi, jamie);
    const jamieActor = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(jamieActor.context, jamieApi);
    const { page } = jamieActor;
    await page.goto('/staff/');
    await expectHeading(page, `Welcome, ${jamie.displayName}`);
    const nav = page.getByRole('navigation', { name: en.nav.label });
    expect(await nav.getByRole('link', { name: en.nav.agencies }).count()).toBe(0);
    await nav.getByRole('link', { name: en.nav.audit }).waitFor();

    await nav.getByRole('link', { name: en.nav.users }).click();
    await page.getByText(en.users.leadOwn.replace('{{agency}}', 'Harbor Light Shelter')).waitFor();
    const rows = page.getByRole('region', { name: en.users.title }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allTextContents()).not.toContain(expect.stringContaining(admin.displayName));
    expect(await page.getByLabel(en.fields.agency).count()).toBe(0);
    await checkPage(page, 'users-own-agency');

    await page.getByRole('link', { name: en.users.new }).click();
    await page.getByText('Harbor Light Shelter').waitFor();
    const roles = page.getByRole('group', { name: en.users.roles });
    await roles.getByRole('checkbox', { name: en.roles.victim_advocate.name }).waitFor();
    expect(await roles.getByRole('checkbox', { name: en.roles.investigator.name }).count()).toBe(0);
    await checkPage(page, 'user-new-own-agency');

    await nav.getByRole('link', { name: en.nav.audit }).click();
    await expectHeading(page, en.audit.title);
    await expect.poll(() => page.getByRole('region', { name: en.audit.title }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(jamieActor.problems()).toEqual([]);
    await jamieActor.close();
  });

  it('works by keyboard and on a narrow screen: skip link, visible focus, and a Menu button for the navigation', async () => {
    const { page } = adminActor;
    await page.goto('/staff/');
    await expectHeading(page, `Welcome, ${admin.displayName}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement as Element).outlineStyle }));
    expect(skip).toEqual({ text: en.layout.skipToContent, outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.home.agencies.title);

    await page.setViewportSize({ width: 360, height: 740 });
    const menu = page.getByRole('button', { name: en.nav.menu });
    const peopleLink = page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.users });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await peopleLink.isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await checkPage(page, 'nav-open');
    await page.setViewportSize({ width: 360, height: 740 });
    await peopleLink.click();
    await expectHeading(page, en.users.title);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(adminActor.problems()).toEqual([]);
  });
});
