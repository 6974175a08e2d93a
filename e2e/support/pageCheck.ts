import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
export const WIDTHS = [1280, 375] as const;

/**
 * A copy of a page opened with scripts off, for axe-core, which needs scripts (and timers) to run. The copy
 * has the same address and markup, so it loads the same styles; the original stays untouched.
 */
async function scriptedTwin(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser.');
  const url = page.url();
  const html = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const twin = await context.newPage();
  await twin.goto(url);
  return twin;
}

/**
 * Checks the page as a desktop and as a phone: no axe-core violations at either width, and a full-page
 * screenshot of each in e2e/screenshots/ for people to look at. `scriptsOff` is for pages opened with
 * JavaScript off: axe-core then examines a scripted copy, and the screenshots show the page itself.
 */
export async function checkPage(page: Page, name: string, options: { scriptsOff?: boolean } = {}): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  const twin = options.scriptsOff ? await scriptedTwin(page) : null;
  try {
    for (const width of WIDTHS) {
      const viewport = { width, height: width > 600 ? 800 : 740 };
      await page.setViewportSize(viewport);
      await twin?.setViewportSize(viewport);
      const checked = twin ?? page;
      await checked.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const violations = await axeViolations(checked);
      expect(violations, `axe-core on "${name}" at ${width}px`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
  } finally {
    await page.setViewportSize(original);
    await twin?.context().close();
  }
}
