import type { SessionUser } from '../../api/types.ts';
import { hasAnyPermission } from '../auth/session.ts';
import type { CaseAccess } from './caseTypes.ts';

/** The investigations' permissions as the staff app checks them; the server decides again on every call. */
export const CASE_PERMISSIONS = {
  /** Anyone who works cases: their agency's, as a partner, or the coordinators' list of every case. */
  work: ['read:case:own-agency', 'read:case:partner', 'read:case-list:any'],
  create: ['create:case:own-agency'],
  /** Search reads content only in cases one reads, so it is for the same people. */
  search: ['read:case:own-agency', 'read:case:partner', 'read:case-list:any'],
  deconfliction: ['read:deconfliction:own-agency', 'read:deconfliction:any'],
  answerHits: ['manage:deconfliction:own-agency'],
  overrideSafeHarbor: ['override:safe-harbor:own-agency'],
} as const;

const RANK: Record<CaseAccess, number> = { list: 0, summary: 1, read: 2, edit: 3, owner: 4 };

/** Whether an access level the server answered reaches the one needed. */
export const atLeast = (access: CaseAccess, need: CaseAccess): boolean => RANK[access] >= RANK[need];

export interface CaseAbilities {
  /** The content: entities, tasks, notes, documents, outcomes, the chart and the timeline. */
  read: boolean;
  /** Adding and changing content; a closed case takes none until it is reopened. */
  edit: boolean;
  /** The case itself, its partners and its assignments: the lead agency's investigators and prosecutors. */
  own: boolean;
  /** Closed and referred cases keep their record but take no new content. */
  workable: boolean;
  seeHits: boolean;
  overrideSafeHarbor: boolean;
}

/** What the signed-in person may do with this case, from the access level the server answered. */
export function caseAbilities(me: SessionUser, access: CaseAccess, status: string): CaseAbilities {
  const workable = status !== 'closed' && status !== 'referred';
  return {
    read: atLeast(access, 'read'),
    edit: atLeast(access, 'edit') && workable,
    own: access === 'owner',
    workable,
    seeHits: hasAnyPermission(me, ...CASE_PERMISSIONS.deconfliction),
    overrideSafeHarbor: hasAnyPermission(me, ...CASE_PERMISSIONS.overrideSafeHarbor),
  };
}
