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

describe('password strength (zxcvbn)', () => {
  const person = { email: 'maria.gonzalez@pd.example', displayName: 'Maria Gonzalez', agencyName: 'Harbor City Police Department' };

  it.each(['P@ssw0rdP@ssw0rd', 'monkeymonkey', 'abcabcabcabc', 'trafficking123', 'MariaGonzalez!', 'gonzalez maria', 'harbor city police'])('refuses %s', (password) => {
    expect(passwordProblem(password, person), password).not.toBeNull();
  });

  it('says why in words a person can act on', () => {
    expect(passwordProblem('MariaGonzalez!', person)).toMatch(/your name, email address or agency name/);
    expect(passwordProblem('trafficking123', person)).toMatch(/trafficking|task force|Haven/i);
    expect(passwordProblem('abcabcabcabc', person)).toMatch(/Repeated/);
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(passwordProblem('lantern orchard tide 2026', person)).toBeNull();
    expect(passwordProblem('quiet harbor lantern 77')).toBeNull();
  });
});
