import { z } from 'zod';
import { ROLES } from '../../../common/access/roles.ts';

export const roleList = z.array(z.enum(ROLES, { message: 'Choose roles from the list.' })).min(1, 'Give the person at least one role.').max(ROLES.length);

export const userCreateInput = z.object({
  agencyId: z.uuid('Choose an agency.'),
  email: z.email('Enter a valid email address.').max(254),
  displayName: z.string().trim().min(1, 'Enter the person’s name.').max(120),
  roles: roleList,
});

export const userPatch = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  roles: roleList.optional(),
  disabled: z.boolean().optional(),
});

export const userListQuery = z.object({
  agencyId: z.uuid().optional(),
  q: z.string().trim().max(120).optional(),
});

export const userIdParams = z.object({ id: z.uuid('That is not a valid user id.') });

export const userView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(['invited', 'active', 'locked', 'disabled']),
  /** Set while failed sign-ins keep the person from signing in (their open sessions go on). */
  signInLock: z.object({ lockedAt: z.string(), failures: z.number().int(), source: z.string().nullable() }).nullable(),
  mfaEnrolled: z.boolean(),
  lastActiveAt: z.string().nullable(),
  createdAt: z.string(),
});

export const activationLinkView = z.object({
  issuedAt: z.string(),
  /** null: issued by set-up or the operator CLI. */
  issuedByUserId: z.uuid().nullable(),
  issuedByName: z.string().nullable(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  /** null while the link is open (or expired unused). */
  outcome: z.enum(['used', 'replaced', 'refused_signed_in_as_other']).nullable(),
  /** Set when the link was opened by someone signed in as another person: that person. */
  signedInAsUserId: z.uuid().nullable(),
});

export const userDetailView = userView.extend({ activationLinks: z.array(activationLinkView) });

export type UserDetailView = z.infer<typeof userDetailView>;
export type UserCreateInput = z.infer<typeof userCreateInput>;
export type UserPatch = z.infer<typeof userPatch>;
export type UserView = z.infer<typeof userView>;
