import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('refuses short, common and decorated-common passwords', () => {
    expect(passwordProblem('short pass')).toMatch(/at least 12/);
    expect(passwordProblem('qwerty123456')).toMatch(/common or breached/);
    expect(passwordProblem('Password123456!')).toMatch(/common or breached/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/too easy/);
    expect(passwordProblem('maria.lopez-2026!', { email: 'maria.lopez@pd.example' })).toMatch(/email/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
  });

  it('accepts a long passphrase up to 128 characters', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('tide-lantern-orchard-'.repeat(6).slice(0, 128))).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('river stone umbrella 42');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'river stone umbrella 42')).toBe(true);
    expect(await verifyPassword(h, 'river stone umbrella 43')).toBe(false);
  });
});
