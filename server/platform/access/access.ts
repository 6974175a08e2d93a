import type { Role } from '../../../common/access/roles.ts';
import { AppError } from '../errors.ts';
import { permissionsForRoles } from './permissions.ts';

/** Who is asking: resolved once per request from the session, or built for a background job. */
export interface Actor {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<string>;
}

export function actorFor(user: { id: string; agencyId: string; roles: readonly Role[] }): Actor {
  return { userId: user.id, agencyId: user.agencyId, roles: user.roles, permissions: new Set(permissionsForRoles(user.roles)) };
}

/** What the question is about: the record's agency, or the record's owner for `self` scope. */
export interface AccessTarget {
  agencyId?: string | null;
  userId?: string | null;
  /** Agencies a record is shared with (a case's partners): a `partner` permission reaches it from these. */
  partnerAgencyIds?: readonly string[];
  /** Another agency's survivor record that an active consent or disclosure shares with the actor's agency. */
  consented?: boolean;
}

/**
 * May this actor do `action` to `entity`? Deny by default: only a held permission whose scope covers the
 * target allows. Without a target, any scope counts (the caller filters by scope, see `scopeOf`). Besides
 * `any`, `own-agency` and `self`, a `partner` scope reaches records shared with the actor's agency.
 */
export function can(actor: Actor, action: string, entity: string, target?: AccessTarget): boolean {
  const p = actor.permissions;
  if (p.has(`${action}:${entity}:any`)) return true;
  if (!target) return p.has(`${action}:${entity}:own-agency`) || p.has(`${action}:${entity}:self`);
  if (target.agencyId && target.agencyId === actor.agencyId && p.has(`${action}:${entity}:own-agency`)) return true;
  if (target.userId && target.userId === actor.userId && p.has(`${action}:${entity}:self`)) return true;
  if (target.partnerAgencyIds?.includes(actor.agencyId) && p.has(`${action}:${entity}:partner`)) return true;
  if (target.consented && p.has(`${action}:${entity}:consented`)) return true;
  return false;
}

/** The widest scope the actor holds for action:entity, for list queries that must filter. */
export function scopeOf(actor: Actor, action: string, entity: string): 'any' | 'own-agency' | 'self' | null {
  for (const scope of ['any', 'own-agency', 'self'] as const) {
    if (actor.permissions.has(`${action}:${entity}:${scope}`)) return scope;
  }
  return null;
}

export function requireAccess(actor: Actor, action: string, entity: string, target?: AccessTarget): void {
  if (!can(actor, action, entity, target)) {
    throw new AppError('forbidden', 'You do not have permission to do this.');
  }
}
