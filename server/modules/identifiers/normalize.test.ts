import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAddress, normalizeEmail, normalizeHandle, normalizePhone, normalizePlate, normalizeUrl } from './normalize.ts';

describe('identifier normalization', () => {
  it('brings many spellings of one US phone to one E.164 number', () => {
    for (const spelling of ['(713) 555-0147', '713.555.0147', '713 555 0147', '+1 713 555 0147', '1-713-555-0147', '+1 (713) 555-0147', '7135550147']) {
      expect(normalizePhone(spelling)).toBe('+17135550147');
    }
    expect(normalizePhone('+52 55 1234 5678')).toBe('+525512345678');
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('555')).toBeNull();
  });

  it('treats case, +tags and Gmail dots as the same mailbox', () => {
    expect(normalizeEmail(' John.Doe+ads@GMail.com ')).toBe('johndoe@gmail.com');
    expect(normalizeEmail('j.doe@example.org')).toBe('j.doe@example.org');
    expect(normalizeEmail('not an email')).toBeNull();
  });

  it('ignores scheme, www, tracking parameters, fragments and trailing slashes in URLs', () => {
    const same = ['https://www.Example.com/ads/123/', 'http://example.com/ads/123', 'example.com/ads/123?utm_source=x#top', 'https://m.example.com/ads/123?fbclid=abc'];
    for (const url of same) expect(normalizeUrl(url)).toBe('example.com/ads/123');
    expect(normalizeUrl('https://example.com/p?id=2&b=1')).toBe('example.com/p?b=1&id=2');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('http://m.aa')).toBe('m.aa');
    expect(normalizeUrl('http://a.aa/%00')).toBe('a.aa/%00');
    expect(normalizeUrl('example.com/%E0%A4%A')).toBe('example.com/%E0%A4%A');
    expect(normalizeUrl('https://example.com/café')).toBe(normalizeUrl('https://example.com/caf%C3%A9'));
    expect(normalizeUrl('https://www.m.example.com/x')).toBe('example.com/x');
  });

  it('reads handles typed with @, in a profile URL, or bare', () => {
    expect(normalizeHandle('@Maria_99', 'Instagram')).toBe('instagram:maria_99');
    expect(normalizeHandle('https://instagram.com/maria_99')).toBe('instagram:maria_99');
    expect(normalizeHandle('maria_99')).toBe('maria_99');
  });

  it('compares plates without spaces or dashes, with the state', () => {
    expect(normalizePlate('abc-1234', 'tx')).toBe('TX:ABC1234');
    expect(normalizePlate('ABC 1234', 'TX')).toBe('TX:ABC1234');
    expect(normalizePlate('A', null)).toBeNull();
  });

  it('standardizes addresses with USPS abbreviations', () => {
    expect(normalizeAddress('123 Main Street, Apt. 4')).toBe('123 MAIN ST APT 4');
    expect(normalizeAddress('123 main st apt 4')).toBe('123 MAIN ST APT 4');
    expect(normalizeAddress('4500 North Shepherd Drive #12')).toBe('4500 N SHEPHERD DR UNIT 12');
  });

  it('is idempotent: normalizing a normalized phone or URL changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_002_000_000, max: 9_899_999_999 }), (n) => {
        const once = normalizePhone(String(n));
        return once === null || normalizePhone(once) === once;
      }),
    );
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const once = normalizeUrl(url);
        return once === null || normalizeUrl(once) === once;
      }),
      { numRuns: 2000 },
    );
  });
});
