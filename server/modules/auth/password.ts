import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../platform/errors.ts';
import { strengthProblem, type PasswordOwner } from './password-strength.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// OWASP's argon2id baseline (19 MiB, 2 passes) with a little more memory.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolated modules).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when an email is unknown, so a bad sign-in takes as long whether the account exists or not.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}

/**
 * Why a password is refused, or null when it is acceptable. Length first (NIST 800-63B), then the list of
 * ~49,000 common and breached passwords shipped with zxcvbn-ts, including the usual decorations of them
 * ("Password123!"), anything built from the person's own email, and last zxcvbn's guess estimate with the
 * person's name, email and agency and this system's own words as the first things an attacker would try.
 */
export function passwordProblem(password: string, context: PasswordOwner = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core) && lower.length - core.length <= 8) || hasCommonStem(lower)) {
    return 'This password is on a list of common or breached passwords. Choose another.';
  }
  if (/^(.)\1+$/.test(password) || /^(?:0123456789|1234567890|abcdefghijkl)/i.test(password)) {
    return 'This password is too easy to guess. Choose another.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
  if (/haven/i.test(password) && core.replace(/haven/g, '').length < 4) return 'Do not build your password from the name of this system.';
  return strengthProblem(password, context);
}

/**
 * A listed password followed by up to eight digits or symbols ("1qaz2wsx2024", "qwerty12312345678"): the
 * letters-only core above misses listed passwords that hold digits themselves, and longer digit tails.
 */
function hasCommonStem(lower: string): boolean {
  for (let cut = 1; cut <= 8 && cut < lower.length; cut++) {
    if (/[a-z]/.test(lower.charAt(lower.length - cut))) return false;
    if (COMMON.has(lower.slice(0, -cut))) return true;
  }
  return false;
}

export function assertAcceptablePassword(password: string, context: PasswordOwner = {}): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('weak_password', problem, [{ path: 'body.password', message: problem }]);
}
