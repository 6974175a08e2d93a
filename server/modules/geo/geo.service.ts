import tzLookup from '@photostructure/tz-lookup';
import { gazetteer, normalizePlaceName, type PlaceCentroid } from './geo.data.ts';
import { US_STATES } from './us-states.ts';

/**
 * Where a ZIP code, a city or a pair of coordinates is, from the data Haven ships (no outside service is
 * ever called). Other modules use this file only: `locate`, `parseCoordinates`, `timeZoneAt`, `distanceKm`.
 */

export interface Located {
  lat: number;
  lng: number;
  /** What was found, for people: "Houston, TX 77002", "Springfield, IL", "29.7604, -95.3698". */
  label: string;
  /** The IANA time zone at that point, or null where none is known (at sea). */
  timeZone: string | null;
  kind: 'zip' | 'place' | 'point';
}

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;
const MAX_QUERY = 120;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const isValidLatLng = (lat: number, lng: number) => Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/** The IANA time zone at a point (from coordinates alone, offline), or null when there is none. */
export function timeZoneAt(lat: number, lng: number): string | null {
  if (!isValidLatLng(lat, lng)) return null;
  try {
    const zone = tzLookup(lat, lng);
    // Open sea answers "Etc/GMT+6" and the like: not a place's clock.
    return zone.startsWith('Etc/') ? null : zone;
  } catch {
    return null;
  }
}

/** "29.7604, -95.3698" or "29.7604 -95.3698" (latitude first), else null. */
export function parseCoordinates(text: string): LatLng | null {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  return isValidLatLng(lat, lng) ? { lat, lng } : null;
}

const stateCodes = new Map<string, string>();
for (const [code, names] of Object.entries(US_STATES)) {
  stateCodes.set(code.toLowerCase(), code);
  for (const name of names) stateCodes.set(normalizePlaceName(name), code);
}

/** The USPS code for a state written as a code or a name ("tx", "Texas", "Nueva York"), else null. */
export function stateCode(text: string): string | null {
  return stateCodes.get(normalizePlaceName(text)) ?? null;
}

function placeIn(name: string, state: string | null): PlaceCentroid | null {
  const candidates = gazetteer().places.get(normalizePlaceName(name)) ?? [];
  return (state ? candidates.find((p) => p.state === state) : candidates[0]) ?? null;
}

const fromPlace = (p: PlaceCentroid): Located => ({ lat: p.lat, lng: p.lng, label: `${p.name}, ${p.state}`, timeZone: timeZoneAt(p.lat, p.lng), kind: 'place' });

/** Cleans what a person typed: no control or invisible characters, one space between words, bounded length. */
export function cleanQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{C}\p{Z}]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY)
    .trim();
}

/**
 * Finds a ZIP code ("77002", "77002-1234", "Houston TX 77002"), a place ("Houston, TX", "houston texas",
 * "Springfield" = the most populous one) or coordinates ("29.76, -95.36"). Null when nothing matches:
 * the caller tells the person what to type instead.
 */
export function locate(query: string): Located | null {
  const text = cleanQuery(query);
  if (!text) return null;
  const point = parseCoordinates(text);
  if (point) return { ...point, label: `${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}`, timeZone: timeZoneAt(point.lat, point.lng), kind: 'point' };

  const zipMatch = /(?:^|\D)(\d{5})(?:-\d{4})?(?:\D|$)/.exec(text);
  if (zipMatch) {
    const zip = gazetteer().zips.get(zipMatch[1]!);
    if (!zip) return null;
    return { lat: zip.lat, lng: zip.lng, label: `${zip.place}, ${zip.state} ${zip.zip}`, timeZone: timeZoneAt(zip.lat, zip.lng), kind: 'zip' };
  }
  if (/\d/.test(text)) return null;

  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const state = stateCode(text.slice(comma + 1));
    const name = text.slice(0, comma);
    if (state) {
      const place = placeIn(name, state);
      return place ? fromPlace(place) : null;
    }
    const anywhere = placeIn(name, null);
    return anywhere ? fromPlace(anywhere) : null;
  }

  // "houston tx", "kansas city missouri", "santa fe nuevo mexico": a state written last, without a comma.
  const words = normalizePlaceName(text).split(' ').filter(Boolean);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const state = stateCode(words.slice(-n).join(' '));
    if (!state) continue;
    const place = placeIn(words.slice(0, -n).join(' '), state);
    if (place) return fromPlace(place);
  }
  const anywhere = placeIn(text, null);
  return anywhere ? fromPlace(anywhere) : null;
}
