import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { catalogKeys } from '../portal/i18n.ts';
import { ALWAYS, DAYTIME, eastOfHouston, seedSafePlaces, setClock, week, WEDNESDAY_NOON } from './test-support.ts';

let h: TestHaven;
let mapped: TestHaven;
const logLines: string[] = [];
const restore: Array<() => void> = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  [h, mapped] = await Promise.all([
    createTestApp({ logStream }),
    createTestApp({ config: { portalMapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', portalMapTileAttribution: '© Example tiles', safePlacesSmsNumber: '(713) 555-0100' } }),
  ]);
  for (const haven of [h, mapped]) {
    await seedSafePlaces(haven.ctx, [
      { name: 'Fire Station 8', kind: 'fire_station', address: '1919 Houston Ave', ...eastOfHouston(1), hours: ALWAYS, publicPhone: '713-555-0108' },
      { name: 'Central Library', address: '500 McKinney St', ...eastOfHouston(2), hours: DAYTIME, contactPhone: '832-555-0142', contactPhonePublic: false },
      { name: 'Night Shelter <b>desk</b>', kind: 'community_center', address: '3 Main St', ...eastOfHouston(3), hours: week({ wed: [{ opens: '20:00', closes: '06:00' }] }) },
      { name: 'Eastside Youth Center', kind: 'youth_center', address: '4 Main St', ...eastOfHouston(4), hours: DAYTIME },
      { name: 'Gone Library', ...eastOfHouston(0.2), hours: ALWAYS, active: false },
    ]);
    restore.push(setClock(haven.clock, WEDNESDAY_NOON));
  }
});
afterAll(async () => {
  for (const r of restore) r();
  await Promise.all([h?.close(), mapped?.close()]);
});

const get = (url: string, haven = h, headers: Record<string, string> = {}) => haven.app.inject({ method: 'GET', url, headers });
const names = (body: string) => [...body.matchAll(/<h2 id="place-\d+"><span class="num" aria-hidden="true">\d+<\/span> ([^<]*(?:&lt;[^<]*)*)<\/h2>/g)].map((m) => m[1]);

describe('the public Safe Places finder', () => {
  it('shows the three nearest open places for a ZIP code, with distance, hours, phone and directions, without scripts', async () => {
    const page = await get('/safe-places?q=77002');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Open now near Houston, TX 77002</h1>');
    expect(names(page.body)).toEqual(['Fire Station 8', 'Central Library', 'Eastside Youth Center']);
    expect(page.body).toContain('Open 24 hours');
    expect(page.body).toContain('Open now until 5:00 PM');
    expect(page.body).toMatch(/Fire station · 0\.\d mi away/);
    expect(page.body).toContain('href="tel:7135550108"');
    // The site contact's phone stays private unless marked public.
    expect(page.body).not.toContain('832-555-0142');
    expect(page.body).not.toContain('Gone Library');
    expect(page.body).toContain('href="https://www.openstreetmap.org/directions?route=%3B29.7604%2C');
    expect(page.body).toContain('href="geo:29.7604,');
    expect(page.body).toContain('<details><summary>Opening hours</summary>');
    // Nothing is loaded from elsewhere, no cookie is set, and no map is drawn unless configured.
    expect(page.body).not.toMatch(/src="https?:/);
    expect(page.body).not.toContain('<svg');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data:;");
  });

  it('finds a city as well, and answers in Spanish', async () => {
    const page = await get('/safe-places?q=Houston%2C+TX&lang=es');
    expect(page.body).toContain('<html lang="es">');
    expect(page.body).toContain('Abiertos ahora cerca de Houston, TX');
    expect(page.body).toContain('Abierto ahora hasta las 17:00');
    expect(page.body).toContain('Abierto las 24 horas');
    // Switching language keeps the search.
    expect(page.body).toContain('hreflang="en" href="/safe-places?q=Houston%2C+TX&amp;lang=en"');
  });

  it('searches from shared coordinates, rounded to about 100 m', async () => {
    const page = await get('/safe-places?lat=29.760412345&lng=-95.369812345');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Open now near your location');
    expect(names(page.body)[0]).toBe('Fire Station 8');
    expect(page.body).toContain('lat=29.76&amp;lng=-95.37');
    expect(page.body).not.toContain('29.760412345');
  });

  it('shows closed places too when asked, saying when they open', async () => {
    const page = await get('/safe-places?q=77002&all=1&more=1');
    expect(page.body).toContain('<h1>Nearest to Houston, TX 77002</h1>');
    expect(names(page.body)).toEqual(['Fire Station 8', 'Central Library', 'Night Shelter &lt;b&gt;desk&lt;/b&gt;', 'Eastside Youth Center']);
    expect(page.body).toContain('Closed now. Opens at 8:00 PM');
  });

  it('has a printable view with every day’s hours written out', async () => {
    const page = await get('/safe-places?q=77002&print=1');
    expect(page.body).toContain('<body class="print-view">');
    expect(page.body).toContain('<h1>Safe Places near Houston, TX 77002</h1>');
    expect(page.body).not.toContain('<details>');
    expect(page.body).toContain('<tr class="today"><th scope="row">Wednesday</th><td>9:00 AM – 5:00 PM</td></tr>');
    expect(page.body).not.toContain('name="q"');
  });

  it('says what to type when a ZIP code or city is not found, keeping what was typed safely', async () => {
    const page = await get(`/safe-places?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('We could not find “&lt;script&gt;alert(1)&lt;/script&gt;”');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('aria-invalid="true"');
    expect((await get('/safe-places?q=99999')).body).toContain('We could not find “99999”. Check the ZIP code');
    expect((await get('/safe-places?lat=north&lng=-95')).statusCode).toBe(400);
    expect((await get('/safe-places?lat=95&lng=-95')).body).toContain('That location could not be read');
    expect((await get(`/safe-places?q=${'x'.repeat(300)}`)).statusCode).toBe(404);
    expect((await get('/safe-places?q=a&q=b')).statusCode).toBeLessThan(500);
  });

  it('gives the hotline when nothing is open nearby', async () => {
    const page = await get('/safe-places?q=99501');
    expect(page.body).toContain('No Safe Place is open right now within 100 miles of Anchorage, AK 99501.');
    expect(page.body).toContain('call 1-888-373-7888 or text 233733');
  });

  it('shows the empty form, and the Get help page carries the same search', async () => {
    const empty = await get('/safe-places');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<form class="finder" method="get" action="/safe-places" role="search"');
    expect(empty.body).toContain('<form class="finder-locate" method="get" action="/safe-places" hidden');
    const help = await get('/get-help?lang=es');
    expect(help.body).toContain('action="/safe-places"');
    expect(help.body).toContain('<input type="hidden" name="lang" value="es">');
    expect(help.body).toContain('href="/portal/safe-places.css"');
  });

  it('stays small: page, styles and script together under 25 KB', async () => {
    const sizes = await Promise.all(['/safe-places?q=77002', '/portal/portal.css', '/portal/portal.js', '/portal/safe-places.css', '/portal/safe-places.js'].map(async (url) => (await get(url)).rawPayload.length));
    expect(sizes.every((s) => s > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(25 * 1024);
    // The report page does not carry the finder's files.
    expect((await get('/report')).body).not.toContain('safe-places');
  });

  it('never logs or stores what was searched', async () => {
    await get('/safe-places?q=Canaryville%2C+TX');
    await get('/safe-places?lat=29.987&lng=-95.123');
    const logs = logLines.join('');
    expect(logs).toContain('"route":"/safe-places"');
    for (const secret of ['Canaryville', '29.987', '-95.123', 'q=']) expect(logs).not.toContain(secret);
  });

  it('has every finder message in English and Spanish', () => {
    const en = catalogKeys('en').filter((k) => k.startsWith('finder.'));
    expect(en.length).toBeGreaterThan(40);
    expect(catalogKeys('es').filter((k) => k.startsWith('finder.')).sort()).toEqual(en.sort());
  });
});

describe('the finder’s map, only where the deployment configured tiles', () => {
  it('draws the places on the configured tiles, without scripts, and lets only that host serve images', async () => {
    const page = await get('/safe-places?q=77002', mapped);
    expect(page.body).toContain('<svg class="map" viewBox="0 0 480 300" role="img" aria-labelledby="map-title"');
    expect(page.body).toMatch(/<image href="https:\/\/tiles\.example\.org\/\d+\/\d+\/\d+\.png"/);
    expect(page.body.match(/<circle /g)).toHaveLength(3);
    expect(page.body).toContain('© Example tiles');
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(page.body).toContain('No internet? Text SAFE and your ZIP code to (713) 555-0100.');
    // Other portal pages keep the strict policy.
    expect((await get('/report', mapped)).headers['content-security-policy']).not.toContain('tiles.example.org');
  });
});
