import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHaven, type RunningHaven } from './harness.ts';
import { setUpFirstAdministrator, shareSessionWith, STRONG_PASSWORD, type HavenApiClient, type Person } from './support/api.ts';
import { launchChromium, newActor, type Actor } from './support/browser.ts';
import { checkPage } from './support/pageCheck.ts';
import { portal } from './support/portal.ts';
import { en, expectFitsWidth, expectHeading } from './support/staffUi.ts';
import { pngWithText } from '../server/test/fixtures/files.ts';

const text = portal.en;
const admin: Person & { agencyName: string } = { agencyName: 'Bayou City Task Force', displayName: 'Riley Chen', email: 'riley.chen@bayou.example.org', password: STRONG_PASSWORD };
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const allWeek = { alwaysOpen: true };

/** The weekday in Houston now, so a place can be made closed today whatever day the suite runs. */
function houstonWeekday(): (typeof WEEK)[number] {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short' }).format(new Date()).toLowerCase();
  return WEEK.find((d) => name.startsWith(d))!;
}

// Tiles come from the default tile server, which this sandbox cannot reach: the map must give way to the list.
const isTileFailure = (problem: string) => /Failed to load resource: net::ERR_/.test(problem);

describe('Safe Places: staff keep them, the public finds the nearest open ones', () => {
  let haven: RunningHaven;
  let browser: Browser;
  let adminApi: HavenApiClient;
  let staff: Actor;
  let visitor: Actor;

  beforeAll(async () => {
    [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
    adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    staff = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(staff.context, adminApi);
    visitor = await newActor(browser, { baseUrl: haven.baseUrl, javaScriptEnabled: false, phone: true });
    const place = (name: string, kind: string, address: string, lat: number, lng: number, hours: unknown, publicPhone?: string) =>
      adminApi.call('POST', '/api/safe-places', { name, kind, address, city: 'Houston', state: 'TX', zip: '77002', lat, lng, hours, ...(publicPhone ? { publicPhone } : {}) });
    const other = WEEK[(WEEK.indexOf(houstonWeekday()) + 3) % 7]!;
    await place('Fire Station 8', 'fire_station', '1919 Houston Ave', 29.7735, -95.3756, allWeek, '713-555-0108');
    await place('Downtown YMCA Front Desk', 'youth_center', '1600 Louisiana St', 29.7528, -95.3707, allWeek);
    await place('Bayou Books (closed today)', 'business', '4 Main St', 29.7601, -95.3640, { days: { [other]: [{ opens: '09:00', closes: '17:00' }] } });
    await place('Midtown Community Center', 'community_center', '3500 Main St', 29.7404, -95.3790, allWeek);
    await place('Heights Library', 'library', '1302 Heights Blvd', 29.7916, -95.3980, allWeek);
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
  });

  it('adds a Safe Place in the staff app, with its hours and its place from the ZIP code', async () => {
    const { page } = staff;
    await page.goto('/staff/safe-places');
    await expectHeading(page, en.safePlaces.title);
    await page.getByRole('link', { name: en.safePlaces.new }).click();
    await expectHeading(page, en.safePlaces.newTitle);
    await page.getByRole('button', { name: en.safePlaces.create }).click();
    await page.locator('form [role="alert"]:not(:empty)').first().waitFor();
    await checkPage(page, 'safe-place-new-errors');

    await page.getByLabel(en.safePlaces.fields.name).fill('Central Library');
    await page.getByLabel(en.safePlaces.fields.kind).selectOption('library');
    await page.getByLabel(en.safePlaces.fields.address).fill('500 McKinney St');
    await page.getByLabel(en.safePlaces.fields.city).fill('Houston');
    await page.getByLabel(en.safePlaces.fields.state, { exact: true }).fill('TX');
    await page.getByLabel(en.safePlaces.fields.zip).fill('77002');
    await page.getByRole('button', { name: en.safePlaces.form.fillFromZip }).click();
    await page.getByRole('status').filter({ hasText: 'Houston, TX 77002' }).waitFor();
    expect(Number(await page.getByLabel(en.safePlaces.fields.lat).inputValue())).toBeCloseTo(29.76, 1);
    await page.getByLabel(en.safePlaces.fields.lat).fill('29.7589');
    await page.getByLabel(en.safePlaces.fields.lng).fill('-95.3677');
    await page.getByRole('button', { name: `${en.safePlaces.form.addPeriod} ${en.safePlaces.days.mon}` }).click();
    await page.getByLabel('Monday, period 1: closes').fill('20:00');
    await page.getByRole('button', { name: `${en.safePlaces.form.addPeriod} ${en.safePlaces.days.fri}` }).click();
    await page.getByLabel('Friday, period 1: opens').fill('22:00');
    await page.getByLabel('Friday, period 1: closes').fill('02:00');
    await page.getByLabel(en.safePlaces.fields.publicPhone).fill('832-393-1313');
    await page.getByLabel(en.safePlaces.fields.staffLastTrainedOn).fill('2026-02-10');
    await checkPage(page, 'safe-place-new');
    await page.locator('.hours-editor').screenshot({ path: 'e2e/screenshots/safe-place-hours-editor-1280.png' });
    // It is open around the clock after all: the day-by-day hours give way.
    await page.getByLabel(en.safePlaces.form.alwaysOpen).check();
    expect(await page.getByLabel('Friday, period 1: opens').count()).toBe(0);
    await page.getByRole('button', { name: en.safePlaces.create }).click();
    await expectHeading(page, 'Central Library');
    await page.getByRole('status').filter({ hasText: en.safePlaces.created }).waitFor();
    expect(await page.getByLabel(en.safePlaces.fields.timeZone).inputValue()).toBe('America/Chicago');
    await checkPage(page, 'safe-place');
    await expectFitsWidth(page);
    expect(staff.problems()).toEqual([]);
  });

  it('finds the three nearest open Safe Places for a ZIP code on a phone with scripts off, in under a second', async () => {
    const { page } = visitor;
    await page.goto('/get-help');
    await page.getByRole('heading', { level: 2, name: text['help.safePlaces.title'] }).waitFor();
    await page.getByLabel(text['finder.label']).fill('77002');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/safe-places?') && r.request().resourceType() === 'document'), page.getByRole('button', { name: text['finder.submit'] }).click()]);
    const timing = response.request().timing();
    expect(timing.responseEnd).toBeLessThan(1000);
    await page.getByRole('heading', { level: 1, name: 'Open now near Houston, TX 77002' }).waitFor();
    const names = await page.locator('ol.places > li h2').allTextContents();
    expect(names.map((n) => n.replace(/^\d+\s*/, '').trim())).toEqual(['Central Library', 'Downtown YMCA Front Desk', 'Fire Station 8']);
    const first = page.locator('ol.places > li').first();
    expect(await first.textContent()).toContain(text['finder.open24']);
    expect(await first.getByRole('link', { name: text['finder.call'].replace('{phone}', '832-393-1313') }).getAttribute('href')).toBe('tel:8323931313');
    expect(await first.getByRole('link', { name: text['finder.directions'] }).getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?route=%3B29\.7589%2C-95\.3677$/);
    expect(await page.getByRole('main').textContent()).not.toContain('Bayou Books');
    // Scripts are off: "Use my location" stays out of the way.
    expect(await page.getByRole('button', { name: text['finder.locate'] }).isVisible()).toBe(false);
    await checkPage(page, 'safe-places-finder', { scriptsOff: true });

    await page.getByRole('link', { name: text['finder.print'] }).click();
    await page.getByRole('heading', { level: 1, name: 'Safe Places near Houston, TX 77002' }).waitFor();
    expect(await page.getByRole('heading', { level: 3, name: text['finder.hours'] }).count()).toBe(3);
    expect(await page.getByRole('main').textContent()).toContain(text['finder.allWeek']);
    await checkPage(page, 'safe-places-print', { scriptsOff: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'e2e/screenshots/safe-places-print-media-375.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/safe-places?q=Xyzzyville');
    await page.getByText('We could not find “Xyzzyville”').waitFor();
    expect(await page.getByLabel(text['finder.label']).getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'safe-places-not-found', { scriptsOff: true });
    expect(visitor.problems()).toEqual([]);
  });

  it('finds them from the phone’s position with “Use my location”, a same-origin script under the strict policy', async () => {
    const context = await browser.newContext({ baseURL: haven.baseUrl, viewport: { width: 375, height: 740 }, geolocation: { latitude: 29.76012, longitude: -95.36988 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/safe-places');
    await page.getByRole('button', { name: text['finder.locate'] }).click();
    await page.getByRole('heading', { level: 1, name: 'Open now near your location' }).waitFor();
    expect(new URL(page.url()).search).toBe('?lang=en&lat=29.760&lng=-95.370');
    expect(await page.locator('ol.places > li').count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers a text message "SAFE 77002" with the same three places', async () => {
    const reply = await fetch(`${haven.baseUrl}/api/sms/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Body=SAFE+77002&From=%2B17135550123' });
    expect(reply.status).toBe(200);
    const lines = (await reply.text()).split('\n');
    expect(lines.slice(1, 4).map((l) => l.replace(/^\d\) /, '').split(',')[0])).toEqual(['Central Library', 'Downtown YMCA Front Desk', 'Fire Station 8']);
  });

  it('shows the staff map’s list alone when the tile server cannot be reached', async () => {
    const { page } = staff;
    const response = await page.goto('/staff/map');
    expect(response?.headers()['content-security-policy']).toContain("img-src 'self' data: https://tile.openstreetmap.org");
    await expectHeading(page, en.map.title);
    await page.getByRole('status').filter({ hasText: en.map.tilesFailed }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.places-map').count()).toBe(0);
    const rows = page.locator('.map-list tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByLabel(en.map.openOnly).check();
    await expect.poll(() => rows.count()).toBe(5);
    expect(await page.locator('.map-list').textContent()).not.toContain('Bayou Books');
    await page.getByRole('heading', { level: 2, name: en.map.listTitle_other.replace('{{count}}', '5') }).waitFor();
    await checkPage(page, 'staff-map');
    await expectFitsWidth(page);
    expect(staff.problems().filter((p) => !isTileFailure(p))).toEqual([]);
  });
});

describe('maps where the tile server can be reached', () => {
  let tiles: Server;
  let tileRequests: string[];
  let tileReferers: Array<string | undefined>;
  let haven: RunningHaven;
  let browser: Browser;
  let staff: Actor;

  beforeAll(async () => {
    // A tile server of the deployment's own, on this machine: every tile is the same small picture.
    tileRequests = [];
    tileReferers = [];
    const tile = pngWithText('tile');
    tiles = createServer((request, response) => {
      tileRequests.push(request.url ?? '');
      tileReferers.push(request.headers.referer);
      response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(tile);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    [haven, browser] = await Promise.all([startHaven({ env: { MAP_TILE_URL: tileUrl, PORTAL_MAP_TILE_URL: tileUrl, PORTAL_MAP_TILE_ATTRIBUTION: '© Test tiles' } }), launchChromium()]);
    const adminApi = await setUpFirstAdministrator(haven.baseUrl, haven.setupUrl, admin);
    staff = await newActor(browser, { baseUrl: haven.baseUrl });
    await shareSessionWith(staff.context, adminApi);
    for (const [name, lat, lng] of [['Fire Station 8', 29.7735, -95.3756], ['Downtown YMCA Front Desk', 29.7528, -95.3707], ['Heights Library', 29.7916, -95.398]] as const) {
      await adminApi.call('POST', '/api/safe-places', { name, kind: 'fire_station', address: '1 Main St', city: 'Houston', state: 'TX', zip: '77002', lat, lng, hours: allWeek });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await haven?.stop();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it('draws the staff map with the places on the tiles, beside the list, telling the tile server the origin only', async () => {
    const { page } = staff;
    const before = tileReferers.length;
    await page.goto('/staff/map');
    await expectHeading(page, en.map.title);
    await page.locator('.places-map .leaflet-tile-loaded').first().waitFor();
    await expect.poll(() => page.locator('.places-map path.leaflet-interactive').count()).toBe(3);
    expect(await page.locator('.map-list tbody tr').count()).toBe(3);
    expect(await page.getByRole('status').filter({ hasText: en.map.tilesFailed }).count()).toBe(0);
    await checkPage(page, 'staff-map-tiles');
    expect(staff.problems()).toEqual([]);
    // OpenStreetMap refuses tile requests without a Referer; the app's no-referrer must not reach the tiles,
    // and no path (a page, a record) may either.
    const referers = tileReferers.slice(before);
    expect(referers.length).toBeGreaterThan(0);
    expect(new Set(referers)).toEqual(new Set([`${haven.baseUrl}/`]));
  });

  it('draws the public finder’s map only from the configured tile server, with scripts off', async () => {
    const visitor = await newActor(browser, { baseUrl: haven.baseUrl, javaScriptEnabled: false, phone: true });
    const before = tileRequests.length;
    await visitor.page.goto('/safe-places?q=77002');
    await visitor.page.getByRole('img', { name: text['finder.mapLabel'] }).waitFor();
    await expect.poll(() => tileRequests.length).toBeGreaterThan(before);
    expect(await visitor.page.getByText('© Test tiles').count()).toBe(1);
    await checkPage(visitor.page, 'safe-places-finder-map', { scriptsOff: true });
    expect(visitor.problems()).toEqual([]);
    await visitor.close();
  });
});
