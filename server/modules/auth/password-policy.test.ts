import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password.ts';

const common = dictionary['passwords-common'];

describe('password policy, as properties', () => {
  it('never accepts a listed common password with up to eight digits appended', () => {
    fc.assert(
      fc.property(fc.constantFrom(...common), fc.stringMatching(/^[0-9]{1,8}$/), fc.boolean(), (password, digits, capitalize) => {
        const candidate = (capitalize ? password.charAt(0).toUpperCase() + password.slice(1) : password) + digits;
        fc.pre(candidate.length >= PASSWORD_MIN && candidate.length <= PASSWORD_MAX);
        expect(passwordProblem(candidate), candidate).not.toBeNull();
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds every listed common password of acceptable length on its own', () => {
    const long = common.filter((p) => p.length >= PASSWORD_MIN && p.length <= PASSWORD_MAX);
    expect(long.length).toBeGreaterThan(100);
    expect(long.filter((p) => passwordProblem(p) === null)).toEqual([]);
  });

  it('accepts passphrases of uncommon words, whatever digits follow', () => {
    const word = fc.stringMatching(/^[a-z]{5,9}$/);
    fc.assert(
      fc.property(fc.tuple(word, word, word), fc.stringMatching(/^[0-9]{0,4}$/), (words, digits) => {
        const phrase = `${words.join(' ')} ${digits}`.trim();
        fc.pre(!/haven/.test(phrase) && !/(.)\1\1/.test(phrase));
        expect(passwordProblem(phrase), phrase).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
