import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
export const WIDTHS = [1280, 375] as const;

/**
 * Checks the page as a desktop and as a phone: no axe-core violations at either width, and a full-page
 * screenshot of each in e2e/screenshots/ for people to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 740 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const violations = await axeViolations(page);
      expect(violations, `axe-core on "${name}" at ${width}px`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
  } finally {
    await page.setViewportSize(original);
  }
}
