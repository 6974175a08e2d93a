import { html, type Html } from '../html.ts';
import { layout, tel, type PageContext } from '../layout.ts';
import { staticMap } from '../static-map.ts';
import { WEEKDAYS, localWeekday, periodsOn, type Weekday } from '../../safe-places/hours.ts';
import { describeStatus, milesLabel, timeLabel } from '../../safe-places/safe-places.format.ts';
import type { FinderResult } from '../../safe-places/safe-places.finder.ts';
import type { NearbyPlace } from '../../safe-places/safe-places.nearest.ts';

export interface FinderOptions {
  all: boolean;
  more: boolean;
  print: boolean;
  now: Date;
  /** Set only when the deployment configured a tile server for the portal (decision 008). */
  mapTileUrl: string | null;
  mapAttribution: string;
  smsNumber: string | null;
}

/** The finder's styles and location script; the Get help page, which carries the search box, loads them too. */
export const FINDER_ASSETS = { styles: ['/portal/safe-places.css'], scripts: ['/portal/safe-places.js'] };

/** The finder's own address with these settings, keeping language and campaign code. */
function finderUrl(page: PageContext, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  search.set('lang', page.locale);
  if (page.campaign) search.set('c', page.campaign);
  return `/safe-places?${search.toString()}`;
}

// The language always, English too (see link() in layout.ts).
const carried = (page: PageContext) => html`<input type="hidden" name="lang" value="${page.locale}">${page.campaign ? html`<input type="hidden" name="c" value="${page.campaign}">` : ''}`;

/** The search box, used on the finder and on the Get help page. Plain GET, so it works with scripts off. */
export function finderForm(page: PageContext, options: { query?: string; problem?: string | undefined } = {}): Html {
  const { t } = page;
  const problem = options.problem;
  return html`<form class="finder" method="get" action="/safe-places" role="search" aria-label="${t('finder.title')}">
${carried(page)}<div class="field"><label for="finder-q">${t('finder.label')}</label><p class="hint" id="finder-q-hint">${t('finder.hint')}</p>
${problem ? html`<p class="field-error" id="finder-q-error">${problem}</p>` : ''}<div class="finder-row"><input id="finder-q" name="q" value="${options.query ?? ''}" autocomplete="postal-code" inputmode="search" maxlength="120" aria-describedby="finder-q-hint${problem ? ' finder-q-error' : ''}"${problem ? html` aria-invalid="true"` : ''}>
<button type="submit" class="primary">${t('finder.submit')}</button></div></div>
</form>
<form class="finder-locate" method="get" action="/safe-places" hidden data-locating="${t('finder.locating')}" data-failed="${t('finder.locateFailed')}">
${carried(page)}<input type="hidden" name="lat" value=""><input type="hidden" name="lng" value="">
<button type="submit">${t('finder.locate')}</button> <span class="locate-status" role="status"></span>
</form>`;
}

function periodText(page: PageContext, p: { opens: string; closes: string }): string {
  const end = p.closes === '24:00' || p.closes === '00:00' ? page.t('finder.midnight') : timeLabel(p.closes, page.locale);
  return `${timeLabel(p.opens, page.locale)} – ${end}`;
}

function hoursTable(page: PageContext, place: NearbyPlace, today: Weekday): Html {
  const { t } = page;
  if (place.hours.alwaysOpen) return html`<p>${t('finder.allWeek')}</p>`;
  return html`<table class="hours"><caption class="sr-only">${t('finder.hours')}</caption><tbody>${WEEKDAYS.map((day) => {
    const periods = periodsOn(place.hours, day);
    const text = periods.length ? periods.map((p) => periodText(page, p)).join(', ') : t('finder.closedDay');
    return html`<tr${day === today ? html` class="today"` : ''}><th scope="row">${t(`finder.day.${day}`)}</th><td>${text}</td></tr>`;
  })}</tbody></table>`;
}

function statusText(page: PageContext, place: NearbyPlace, now: Date): string {
  const { t } = page;
  const s = describeStatus(place.status, place.timeZone, now, page.locale);
  if (s.kind === 'always') return t('finder.open24');
  if (s.kind === 'until') return s.day ? t('finder.openUntilDay', { day: s.day, time: s.time }) : t('finder.openUntil', { time: s.time });
  if (s.kind === 'opens') return s.day ? t('finder.opensDay', { day: s.day, time: s.time }) : t('finder.opensAt', { time: s.time });
  return t('finder.closed');
}

function placeItem(page: PageContext, place: NearbyPlace, index: number, options: FinderOptions): Html {
  const { t } = page;
  const today = localWeekday(options.now, place.timeZone);
  const coords = `${place.lat},${place.lng}`;
  const directions = `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${coords}`)}`;
  return html`<li class="place${place.status.isOpen ? ' open' : ' closed'}">
<h2 id="place-${index + 1}"><span class="num" aria-hidden="true">${index + 1}</span> ${place.name}</h2>
<p class="meta">${t(`finder.kind.${place.kind}`)} · ${t('finder.distance', { distance: milesLabel(place.distanceKm) })}</p>
${
  // On paper "open now" goes stale within hours; the printed week of hours says it instead.
  options.print && !(place.status.isOpen && place.status.closes === null) ? '' : html`<p class="status"><strong>${statusText(page, place, options.now)}</strong></p>`
}
<p class="address">${place.address}<br>${place.city}, ${place.state} ${place.zip}</p>
${place.phone ? html`<p><a href="${tel(place.phone)}">${t('finder.call', { phone: place.phone })}</a></p>` : ''}
${place.note ? html`<p class="note">${place.note}</p>` : ''}
${options.print ? html`<h3 class="hours-title">${t('finder.hours')}</h3>${hoursTable(page, place, today)}` : html`<details><summary>${t('finder.hours')}</summary>${hoursTable(page, place, today)}</details>`}
<p class="links"><a href="${directions}" rel="noreferrer noopener">${t('finder.directions')}</a> <a href="${`geo:${coords}?q=${coords}`}">${t('finder.mapApp')}</a></p>
</li>`;
}

/** The public Safe Places finder: the form, and the nearest places open now. Works with scripts off. */
export function safePlacesPage(visit: PageContext, result: FinderResult, options: FinderOptions): string {
  // The language switch keeps the search (rounded coordinates, never finer), so switching loses nothing.
  const searched: Record<string, string> = result.kind === 'results' ? (result.query ? { q: result.query } : { lat: String(result.origin.lat), lng: String(result.origin.lng) }) : result.kind === 'not_found' ? { q: result.query } : {};
  const kept = new URLSearchParams({ ...searched, ...(options.all ? { all: '1' } : {}), ...(options.more ? { more: '1' } : {}), ...(options.print ? { print: '1' } : {}) }).toString();
  const page = { ...visit, path: kept ? `/safe-places?${kept}` : '/safe-places' };
  const { t, config } = page;
  const assets = { ...FINDER_ASSETS, ...(options.print ? { bodyClass: 'print-view' } : {}) };
  const intro = html`<p class="lead">${t('finder.lead')}</p>`;
  const sms = options.smsNumber ? html`<p class="hint">${t('finder.sms', { number: options.smsNumber })}</p>` : '';
  const privacy = html`<p class="hint">${t('finder.privacy')}</p>`;

  if (result.kind !== 'results') {
    // Not found is about what was typed, so it stands by the field; a location that could not be read has no field.
    const notFound = result.kind === 'not_found' ? t('finder.notFound', { query: result.query }) : undefined;
    return layout(page, t('finder.title'), html`<h1>${t('finder.title')}</h1>${intro}
${result.kind === 'bad_point' ? html`<p class="alert error" role="alert">${t('finder.badPoint')}</p>` : ''}
${finderForm(page, { query: result.kind === 'not_found' ? result.query : '', problem: notFound })}${sms}${privacy}`, assets);
  }

  const place = result.label ?? t('finder.yourLocation');
  const where = result.query ? { q: result.query } : { lat: String(result.origin.lat), lng: String(result.origin.lng) };
  const flags = { all: options.all ? '1' : undefined, more: options.more ? '1' : undefined };
  const heading = options.print ? t('finder.printTitle', { place }) : result.openOnly ? t('finder.results', { place }) : t('finder.resultsAll', { place });
  const places = result.places;
  const map = options.mapTileUrl && places.length > 0 && !options.print
    ? html`<figure class="map-figure">${staticMap(options.mapTileUrl, result.origin, places.map((p, i) => ({ lat: p.lat, lng: p.lng, label: String(i + 1) })), { title: t('finder.mapLabel'), origin: t('finder.mapOrigin') })}<figcaption class="hint">${options.mapAttribution}</figcaption></figure>`
    : '';
  const none = html`<div class="alert urgent" role="status"><p>${t('finder.none', { place })}</p><p>${t('finder.noneHelp', { number: config.emergencyNumber, phone: config.hotlinePhone, text: config.hotlineText })}</p></div>`;

  return layout(
    page,
    heading,
    html`<h1>${heading}</h1>
${options.print ? '' : html`${finderForm(page, { query: result.query })}`}
${places.length === 0 ? none : html`${map}<ol class="places" aria-label="${heading}">${places.map((p, i) => placeItem(page, p, i, options))}</ol>`}
<p class="finder-links">
${result.openOnly ? html`<a href="${finderUrl(page, { ...where, all: '1', more: flags.more })}">${t('finder.showClosed')}</a>` : ''}
${!options.more && places.length >= 3 ? html`<a href="${finderUrl(page, { ...where, ...flags, more: '1' })}">${t('finder.more')}</a>` : ''}
${options.print ? html`<a href="${finderUrl(page, { ...where, ...flags })}">${t('finder.back')}</a>` : places.length > 0 ? html`<a href="${finderUrl(page, { ...where, ...flags, print: '1' })}">${t('finder.print')}</a>` : ''}
</p>
${sms}${privacy}`,
    assets,
  );
}
