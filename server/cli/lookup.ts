import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditEvent } from '../platform/audit/audit.ts';
import { AppError } from '../platform/errors.ts';
import { findAgency, listAgencies, type AgencyRow } from '../modules/agencies/agencies.repo.ts';
import { findUserByEmail, type UserRow } from '../modules/users/users.repo.ts';
import { normalizeEmail } from '../modules/auth/auth.service.ts';
import { isRole, isRoleAllowedInAgency, ROLE_AGENCY_TYPES, ROLES, type Role } from '../../common/access/roles.ts';
import { AGENCY_TYPES, type AgencyType } from '../../common/access/agencies.ts';
import { UsageError } from './command.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The operator at the console has no account: entries say so with a null actor and `via: 'cli'`, which is
 * how an auditor tells them from the API's.
 */
export function operatorEvent(event: Omit<AuditEvent, 'actorUserId' | 'actorAgencyId'>): AuditEvent {
  return { ...event, actorUserId: null, actorAgencyId: null, details: { ...event.details, via: 'cli' } };
}

export function parseEmail(value: string, flag = 'email'): string {
  if (!z.email().max(254).safeParse(value).success) throw new UsageError(`--${flag}: "${value}" is not a valid email address.`);
  return normalizeEmail(value);
}

export function parseName(value: string, flag = 'name', max = 120): string {
  if (value.length > max) throw new UsageError(`--${flag}: use at most ${max} characters.`);
  return value;
}

/** "investigator, agency_admin" → the roles, each checked against the list, without repeats. */
export function parseRoles(value: string): Role[] {
  const names = [...new Set(value.split(',').map((r) => r.trim()).filter(Boolean))];
  if (names.length === 0) throw new UsageError('--roles: give at least one role.');
  const unknown = names.filter((r) => !isRole(r));
  if (unknown.length) throw new UsageError(`--roles: unknown role ${unknown.map((r) => `"${r}"`).join(', ')}. Roles: ${ROLES.join(', ')}.`);
  return names as Role[];
}

export function parseAgencyType(value: string): AgencyType {
  if (!(AGENCY_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--type: unknown agency type "${value}". Types: ${AGENCY_TYPES.join(', ')}.`);
  }
  return value as AgencyType;
}

/** The same rule the API applies: some roles exist only in some kinds of agency (the two walls). */
export function assertRolesFit(roles: readonly Role[], agency: { name: string; type: string }): void {
  const misfits = roles.filter((r) => !isRoleAllowedInAgency(r, agency.type as AgencyType));
  if (misfits.length === 0) return;
  const where = misfits.map((r) => `${r} (only in ${ROLE_AGENCY_TYPES[r]!.join(', ')})`).join('; ');
  throw new AppError('validation_failed', `${agency.name} is a ${agency.type} agency and cannot hold these roles: ${where}.`);
}

/** An agency by id, or by its exact name (names are unique regardless of case). */
export async function resolveAgency(db: Kysely<DB>, ref: string): Promise<AgencyRow> {
  const found = UUID.test(ref) ? await findAgency(db, ref) : (await listAgencies(db)).find((a) => a.name.toLowerCase() === ref.toLowerCase());
  if (!found) throw new AppError('not_found', `No agency has the id or name "${ref}".`);
  return found;
}

export async function resolveUser(db: Kysely<DB>, email: string): Promise<UserRow> {
  const found = await findUserByEmail(db, email);
  if (!found) throw new AppError('not_found', `No account has the email address ${email}.`);
  return found;
}
