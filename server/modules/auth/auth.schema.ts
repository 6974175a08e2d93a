import { z } from 'zod';
import { AGENCY_TYPES } from '../../../common/access/agencies.ts';
import { ROLES } from '../../../common/access/roles.ts';

export const LOCALES = ['en', 'es'] as const;

// Lengths are capped before argon2 sees them: a megabyte "password" must not cost a megabyte of hashing.
export const passwordField = z.string().min(1, 'Enter a password.').max(1024, 'That password is too long.');

export const loginInput = z.object({
  email: z.string().trim().min(3, 'Enter your email address.').max(254),
  password: passwordField,
});

export const codeInput = z.object({ code: z.string().trim().min(1, 'Enter the 6-digit code.').max(12) });

export const verifyInput = z
  .object({
    code: z.string().trim().max(12).optional(),
    recoveryCode: z.string().trim().max(40).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), { message: 'Enter either a code from your app or a recovery code.', path: ['code'] });

export const nextStep = z.object({ next: z.enum(['enroll', 'verify']), csrfToken: z.string() });

export const sessionView = z.object({
  mfa: z.enum(['enroll', 'verify', 'complete']),
  csrfToken: z.string(),
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.string(),
    agency: z.object({ id: z.uuid(), name: z.string(), type: z.enum(AGENCY_TYPES) }),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.string()),
  }),
});

export const profilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .refine((v) => v.displayName !== undefined || v.locale !== undefined, { message: 'Send displayName or locale.' });

export const passwordChange = z.object({ currentPassword: passwordField, newPassword: passwordField });
export const passwordConfirm = z.object({ currentPassword: passwordField });
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
