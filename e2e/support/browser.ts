import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing talking to the outside world. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface Actor {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and policy violations seen so far. */
  problems(): string[];
  close(): Promise<void>;
}

// A 4xx answer is the app working as meant (no session yet, a wrong password); Chromium still logs it.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 4\d\d/;

/** One person at one browser: a fresh context (own cookies and storage) with one page; `phone` is 375×740. */
export async function newActor(browser: Browser, options: { baseUrl: string; locale?: string; javaScriptEnabled?: boolean; phone?: boolean }): Promise<Actor> {
  const context = await browser.newContext({
    baseURL: options.baseUrl,
    locale: options.locale ?? 'en-US',
    viewport: options.phone ? { width: 375, height: 740 } : { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !EXPECTED_CONSOLE.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
  });
  return { context, page, problems: () => [...problems], close: () => context.close() };
}
