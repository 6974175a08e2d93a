import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../web/staff/src/i18n/en.json';
import type { Person } from './api.ts';
import { freshCode } from './totp.ts';

export { en };

/** Waits for the page's main heading to read `text`. */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

export async function signInWithPassword(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await expectHeading(page, en.auth.signIn.title);
  await page.getByLabel(en.fields.email).fill(person.email);
  await page.getByLabel(en.fields.password, { exact: true }).fill(person.password);
  // Each attempt must reach the server before the next one: lockout counts answers, not clicks.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/login') && response.request().method() === 'POST'),
    page.getByRole('button', { name: en.auth.signIn.submit }).click(),
  ]);
}

/** On the enrollment page: reads the secret shown for manual entry, confirms a code, returns the recovery codes. */
export async function enrollTotp(page: Page, person: Person): Promise<string[]> {
  await expectHeading(page, en.auth.enroll.title);
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  person.secret = secret;
  await page.getByLabel(en.auth.code.label).fill(await freshCode(secret));
  await page.getByRole('button', { name: en.auth.enroll.submit }).click();
  await expectHeading(page, en.auth.recovery.pageTitle);
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  return codes.map((code) => code.trim());
}

export async function verifyTotp(page: Page, person: Person): Promise<void> {
  await expectHeading(page, en.auth.verify.title);
  if (!person.secret) throw new Error(`${person.email} has no known TOTP secret.`);
  await page.getByLabel(en.auth.code.label).fill(await freshCode(person.secret));
  await page.getByRole('button', { name: en.auth.verify.submit }).click();
}

/** From any page: signs in with password and code and waits for home. */
export async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto('/staff/sign-in');
  await signInWithPassword(page, person);
  await verifyTotp(page, person);
  await expectHeading(page, en.home.greeting.replace('{{name}}', person.displayName));
}

export async function signOut(page: Page): Promise<void> {
  // The navigation appears once the session is known; before that neither button exists yet.
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  const signOutButton = page.getByRole('button', { name: en.nav.signOut });
  if (!(await signOutButton.isVisible())) await page.getByRole('button', { name: en.nav.menu }).click();
  await signOutButton.click();
  await expectHeading(page, en.auth.signIn.title);
}

/** The text of the form's alert (the message at the top of a form after a failed submit). */
export async function formAlert(page: Page): Promise<string> {
  const alert = page.locator('form [role="alert"]:not(:empty)').first();
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

/** At a small phone's width the page itself never scrolls sideways (a wide table scrolls inside its region). */
export async function expectFitsWidth(page: Page, width = 360): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (original) await page.setViewportSize(original);
  expect(overflow, `sideways scroll at ${width}px`).toBe(0);
}
