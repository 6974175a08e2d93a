import { describe, expect, it } from 'vitest';
import { cleanQuery, distanceKm, locate, parseCoordinates, stateCode, timeZoneAt } from './geo.service.ts';
import { gazetteer, normalizePlaceName } from './geo.data.ts';
import { US_STATE_CODES } from './us-states.ts';

describe('the shipped gazetteer', () => {
  it('holds every state’s ZIP codes and tens of thousands of places, loaded once', () => {
    const started = performance.now();
    const { zips, places } = gazetteer();
    const loadMs = performance.now() - started;
    expect(zips.size).toBeGreaterThan(40_000);
    expect(places.size).toBeGreaterThan(20_000); // distinct names; 34,000 places
    const states = new Set([...zips.values()].map((z) => z.state));
    for (const code of US_STATE_CODES) expect(states.has(code), code).toBe(true);
    expect(gazetteer()).toBe(gazetteer());
    // Generous on a busy 2-core machine; about 0.5 s when idle.
    expect(loadMs).toBeLessThan(5_000);
  });
});

describe('locate', () => {
  it('finds a ZIP code, with or without its +4 and among other words', () => {
    for (const q of ['77002', ' 77002 ', '77002-1234', 'Houston TX 77002', 'zip 77002']) {
      expect(locate(q), q).toMatchObject({ label: 'Houston, TX 77002', kind: 'zip', timeZone: 'America/Chicago' });
    }
    const zip = locate('77002')!;
    expect(zip.lat).toBeCloseTo(29.759, 2);
    expect(zip.lng).toBeCloseTo(-95.359, 2);
  });

  it('answers null for a ZIP code that does not exist, without guessing a place', () => {
    expect(locate('00000')).toBeNull();
    expect(locate('99999')).toBeNull();
    expect(locate('Houston 99999')).toBeNull();
  });

  it('finds a city written many ways', () => {
    for (const q of ['Houston, TX', 'houston texas', 'HOUSTON tx', 'Houston', 'Houston,Texas']) {
      expect(locate(q), q).toMatchObject({ label: 'Houston, TX', kind: 'place' });
    }
    expect(locate('Kansas City Missouri')).toMatchObject({ label: 'Kansas City, MO' });
    expect(locate('Kansas City, KS')).toMatchObject({ label: 'Kansas City, KS' });
    expect(locate('St. Louis')).toMatchObject({ label: 'St. Louis, MO' });
    expect(locate('saint louis mo')).toMatchObject({ label: 'St. Louis, MO' });
    expect(locate('ft worth tx')).toMatchObject({ label: 'Fort Worth, TX' });
    expect(locate('Santa Fe, Nuevo México')).toMatchObject({ label: 'Santa Fe, NM', timeZone: 'America/Denver' });
    expect(locate('Washington')).toMatchObject({ label: 'Washington, DC' });
  });

  it('takes the most populous place of a name without a state, and the named state’s with one', () => {
    expect(locate('Springfield')?.label).toMatch(/^Springfield, (MO|IL|MA)$/);
    expect(locate('Springfield, IL')).toMatchObject({ label: 'Springfield, IL' });
    expect(locate('springfield oregon')).toMatchObject({ label: 'Springfield, OR', timeZone: 'America/Los_Angeles' });
  });

  it('answers null for an unknown place or a place not in the named state', () => {
    expect(locate('Xyzzyville')).toBeNull();
    expect(locate('Houston, VT')).toBeNull();
    expect(locate('')).toBeNull();
    expect(locate('   ')).toBeNull();
  });

  it('reads coordinates, latitude first', () => {
    expect(locate('29.7604, -95.3698')).toMatchObject({ kind: 'point', lat: 29.7604, lng: -95.3698, timeZone: 'America/Chicago' });
    expect(parseCoordinates('29.7604 -95.3698')).toEqual({ lat: 29.7604, lng: -95.3698 });
    expect(parseCoordinates('95.36, 29.76')).toBeNull();
    expect(parseCoordinates('29.76')).toBeNull();
  });

  it('survives hostile and odd input', () => {
    for (const q of ['<script>alert(1)</script>', "'; drop table safe_places; --", '\u0000\u0007\u202e77002', 'x'.repeat(100_000), '🏠', 'ñ'.repeat(500), '%00', '\uFEFF']) {
      expect(() => locate(q)).not.toThrow();
    }
    expect(locate('\u202e77002\u200b')).toMatchObject({ kind: 'zip' });
    expect(cleanQuery('a\u0000b\tc\n\nd')).toBe('a b c d');
    expect(cleanQuery('x'.repeat(500)).length).toBeLessThanOrEqual(120);
  });

  it('answers a lookup in microseconds once loaded', () => {
    locate('77002');
    const started = performance.now();
    for (let i = 0; i < 2000; i++) locate(i % 2 ? 'Houston, TX' : '10001');
    expect((performance.now() - started) / 2000).toBeLessThan(1);
  });
});

describe('geometry and names', () => {
  it('measures great-circle distances', () => {
    // Houston to Dallas, city halls: about 362 km.
    expect(distanceKm({ lat: 29.7604, lng: -95.3698 }, { lat: 32.7767, lng: -96.797 })).toBeCloseTo(362, -1);
    expect(distanceKm({ lat: 10, lng: 20 }, { lat: 10, lng: 20 })).toBe(0);
    // One degree of latitude: about 111.2 km anywhere.
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.2, 0);
  });

  it('knows the time zone at a point, and none at sea', () => {
    expect(timeZoneAt(61.2181, -149.9003)).toBe('America/Anchorage');
    expect(timeZoneAt(21.3069, -157.8583)).toBe('Pacific/Honolulu');
    expect(timeZoneAt(33.4484, -112.074)).toBe('America/Phoenix');
    expect(timeZoneAt(30, -40)).toBeNull();
    expect(timeZoneAt(95, 0)).toBeNull();
  });

  it('reads state codes and names in English and Spanish', () => {
    expect(stateCode('tx')).toBe('TX');
    expect(stateCode('Nueva York')).toBe('NY');
    expect(stateCode('Carolina del Norte')).toBe('NC');
    expect(stateCode('Narnia')).toBeNull();
    expect(normalizePlaceName('  St. Mary’s  ')).toBe('saint mary s');
  });
});
