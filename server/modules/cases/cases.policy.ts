import { can, type Actor } from '../../platform/access/access.ts';
import { AppError, refusedRead } from '../../platform/errors.ts';
import type { PartnerLevel } from '../../platform/db/schema.ts';
import type { CaseAccess } from './cases.schema.ts';

/** The facts access to one case depends on. */
export interface CaseAccessFacts {
  leadAgencyId: string;
  /** The level at which the case is shared with the actor's agency, if it is. */
  partnerLevel: PartnerLevel | null;
}

const RANK: Record<CaseAccess, number> = { list: 0, summary: 1, read: 2, edit: 3, owner: 4 };

export const atLeast = (access: CaseAccess | null, need: CaseAccess): boolean => access !== null && RANK[access] >= RANK[need];

/**
 * What the actor may do with a case (decision 009):
 * - `owner`: people of the lead agency who hold `manage:case:own-agency` (investigators, prosecutors);
 * - `edit` / `read` / `summary`: people of a partner agency, at the level granted, through `…:case:partner`;
 * - `list`: coordinators (`read:case-list:any`) see that it exists and its list fields, nothing more;
 * - null: the case does not exist for them (analysts, advocates, administrators, other agencies).
 */
export function caseAccess(actor: Actor, facts: CaseAccessFacts): CaseAccess | null {
  const lead = { agencyId: facts.leadAgencyId };
  if (facts.leadAgencyId === actor.agencyId) {
    if (can(actor, 'manage', 'case', lead)) return 'owner';
    if (can(actor, 'read', 'case', lead)) return 'read';
  }
  if (facts.partnerLevel) {
    const shared = { partnerAgencyIds: [actor.agencyId] };
    if (can(actor, 'read', 'case', shared)) {
      if (facts.partnerLevel === 'edit' && can(actor, 'manage', 'case', shared)) return 'edit';
      if (facts.partnerLevel !== 'summary') return 'read';
      return 'summary';
    }
  }
  if (can(actor, 'read', 'case-list', lead)) return 'list';
  return null;
}

const NEEDS: Record<CaseAccess, string> = {
  list: 'see this case',
  summary: 'see this case',
  read: 'read this case’s content; your agency sees its summary only',
  edit: 'change this case; your agency may read it but not edit it',
  owner: 'do this; only the lead agency’s investigators and prosecutors can',
};

/** Whether the actor's roles work with cases at all (own, as a partner, or the coordinators' list). */
export function worksCases(actor: Actor): boolean {
  return ['read:case:own-agency', 'read:case:partner', 'read:case-list:any'].some((p) => actor.permissions.has(p));
}

/**
 * Refuses unless the actor reaches `need`. A role that never works cases is refused outright; a case the actor
 * cannot see is "not found", so that its existence is not confirmed to another agency; one they can see but
 * not work is "forbidden".
 */
export function requireCaseLevel(actor: Actor, access: CaseAccess | null, need: CaseAccess, id: string): CaseAccess {
  if (!worksCases(actor)) throw new AppError('forbidden', 'Your role does not work with investigative cases.');
  if (access === null) throw refusedRead('The case', 'case', id);
  if (!atLeast(access, need)) throw new AppError('forbidden', `You do not have permission to ${NEEDS[need]}.`);
  return access;
}
