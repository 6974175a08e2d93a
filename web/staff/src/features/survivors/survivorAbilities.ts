import type { SessionUser } from '../../api/types.ts';
import { hasAnyPermission } from '../auth/session.ts';

/**
 * Survivor services' permissions as the staff app checks them; the server decides again on every call. Only
 * victim-service case workers hold `work`: investigators and prosecutors never see a way in (decision 010).
 */
export const SURVIVOR_PERMISSIONS = {
  work: ['read:survivor:own-agency', 'read:survivor:consented'],
  create: ['create:survivor:own-agency'],
  manage: ['manage:survivor:own-agency'],
  consents: ['manage:consent:own-agency'],
  refer: ['create:referral:own-agency'],
  respond: ['respond:referral:own-agency'],
  overrideSafeHarbor: ['override:survivor-safe-harbor:own-agency'],
  purge: ['purge:survivor:own-agency'],
  approveDisclosure: ['approve:survivor-disclosure:own-agency'],
} as const;

export interface SurvivorAbilities {
  /** The owning agency's case workers change the record; another agency only reads what is shared. */
  manage: boolean;
  consents: boolean;
  refer: boolean;
  overrideSafeHarbor: boolean;
  approveDisclosure: boolean;
  purge: boolean;
}

export function survivorAbilities(me: SessionUser, access: 'own' | 'consented'): SurvivorAbilities {
  const own = access === 'own';
  return {
    manage: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.manage),
    consents: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.consents),
    refer: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.refer),
    overrideSafeHarbor: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.overrideSafeHarbor),
    approveDisclosure: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.approveDisclosure),
    purge: own && hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.purge),
  };
}
