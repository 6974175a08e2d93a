import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
  await h.ctx.db.insertInto('safe_places').values(safePlace()).execute();
});
afterAll(async () => h.close());

function safePlace() {
  return { name: 'Fire Station 8', kind: 'fire_station', address: '1919 Houston Ave', city: 'Houston', state: 'TX', zip: '77002', lat: 29.7735, lng: -95.3756, time_zone: 'America/Chicago', hours: JSON.stringify({ alwaysOpen: true }) } as never;
}

// A visitor whose browser prefers Spanish and who chose English.
const SPANISH_BROWSER = { 'accept-language': 'es-MX,es;q=0.9', accept: 'text/html' };

const get = (url: string) => h.app.inject({ method: 'GET', url, headers: SPANISH_BROWSER });
const post = (url: string, fields: Record<string, string>) => {
  const body = multipart(fields);
  return h.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...SPANISH_BROWSER } });
};

/** Every link and form of a page that leads to another portal page (not its files, fragments or phone links). */
function portalTargets(body: string): { links: string[]; forms: Array<{ action: string; lang: string | null }> } {
  const links = [...body.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((href) => href.startsWith('/') && !href.startsWith('/portal/'));
  const forms = [...body.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => ({
    action: m[1]!.replace(/&amp;/g, '&'),
    lang: /<input type="hidden" name="lang" value="([^"]*)">/.exec(m[2]!)?.[1] ?? null,
  }));
  return { links, forms };
}

/** Asserts a page is in English and that every way on from it stays in English. */
function expectStaysEnglish(what: string, body: string) {
  expect(body, what).toContain('<html lang="en">');
  const { links, forms } = portalTargets(body);
  expect(links.length, what).toBeGreaterThan(0);
  for (const href of links) {
    const url = new URL(href, 'http://portal.test');
    // The language switch is the one link to the other language.
    const expected = /class="lang"[^>]*href="/.test(body) && body.includes(`class="lang" lang="es" hreflang="es" href="${href.replace(/&/g, '&amp;')}"`) ? 'es' : 'en';
    expect(url.searchParams.get('lang'), `${what}: ${href}`).toBe(expected);
  }
  for (const form of forms) {
    const inAction = new URL(form.action, 'http://portal.test').searchParams.get('lang');
    expect(form.lang ?? inAction, `${what}: form to ${form.action}`).toBe('en');
  }
}

describe('the chosen language sticks on every portal page', () => {
  it('keeps English on every page and every link for a visitor whose browser prefers Spanish', async () => {
    for (const url of ['/?lang=en', '/report?lang=en', '/follow-up?lang=en', '/get-help?lang=en', '/privacy?lang=en', '/safe-places?lang=en', '/safe-places?q=77002&lang=en', '/safe-places?q=77002&print=1&lang=en', '/no-such-page?lang=en']) {
      const page = await get(url);
      expectStaysEnglish(url, page.body);
    }
  });

  it('keeps English through the report, its receipt and the follow-up pages, whose forms carry the language', async () => {
    const sid = pick((await get('/report?lang=en')).body, /name="sid" value="([^"]+)"/);
    const invalid = await post('/report', { sid, lang: 'en', zip: '7700' });
    expect(invalid.statusCode).toBe(400);
    expectStaysEnglish('report with errors', invalid.body);
    const sent = await post('/report', { sid, lang: 'en', concern: 'labor', narrative: 'Workers sleep in the restaurant kitchen.', danger: 'no' });
    expect(sent.statusCode).toBe(200);
    expectStaysEnglish('receipt', sent.body);
    const receipt = pick(sent.body, /<output>([0-9A-Z-]{19})<\/output>/);

    expectStaysEnglish('unknown receipt', (await post('/follow-up', { lang: 'en', receipt: 'AAAA-BBBB-CCCC-DDDD' })).body);
    const thread = await post('/follow-up', { lang: 'en', receipt });
    expect(thread.statusCode).toBe(200);
    expectStaysEnglish('thread', thread.body);
    expectStaysEnglish('reply', (await post('/follow-up/reply', { lang: 'en', receipt, message: 'Two more workers arrived on Monday.' })).body);
  });

  it('keeps Spanish for an English browser that chose Spanish, and the switch leads back to English', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/get-help?lang=es', headers: { 'accept-language': 'en-US' } });
    expect(page.body).toContain('<html lang="es">');
    const { links } = portalTargets(page.body);
    const switchHref = pick(page.body, /class="lang" lang="en" hreflang="en" href="([^"]+)"/).replace(/&amp;/g, '&');
    for (const href of links) expect(new URL(href, 'http://portal.test').searchParams.get('lang'), href).toBe(href === switchHref ? 'en' : 'es');
  });
});
