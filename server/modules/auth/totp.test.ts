import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, matchTotp, timeStep, totpAt } from './totp.ts';

// RFC 6238 appendix B, SHA-1 column; the seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    for (const [seconds, expected] of RFC_VECTORS) {
      expect(totpAt(RFC_SECRET, Math.floor(seconds / 30))).toBe(expected.slice(-6));
    }
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts the current code and one step of drift, and nothing older than the last used step', () => {
    const secret = generateTotpSecret();
    const at = new Date('2026-11-23T12:00:10Z');
    const step = timeStep(at);
    expect(matchTotp(secret, totpAt(secret, step), at, null)).toBe(step);
    expect(matchTotp(secret, totpAt(secret, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, step - 2), at, null)).toBeNull();
    expect(matchTotp(secret, totpAt(secret, step), at, step)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
  });
});
