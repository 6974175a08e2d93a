import type { SessionUser } from '../../api/types.ts';
import { hasAnyPermission } from '../auth/session.ts';
import { CASE_PERMISSIONS } from '../cases/caseAbilities.ts';
import type { TipSummary } from './tipTypes.ts';

export interface TipAbilities {
  /** Triage, notes and messages: coordinators on every tip, an agency on the tips assigned to it. */
  manage: boolean;
  /** A merged tip is read-only; work goes on in the tip it was merged into. */
  open: boolean;
  /** Only the task force's coordinators move a tip between agencies. */
  assignAgency: boolean;
  /** The people of the assigned agency can be listed to choose one. */
  listPeople: boolean;
  revealContact: boolean;
  /** Investigators and prosecutors open a case from a tip they can read (not from a merged one). */
  openCase: boolean;
}

/** What the signed-in person may do with this tip; the server checks each again. */
export function tipAbilities(me: SessionUser, tip: Pick<TipSummary, 'status' | 'assignedAgency'>): TipAbilities {
  const ownAgency = tip.assignedAgency?.id === me.agency.id;
  return {
    manage: hasAnyPermission(me, 'manage:tip:any') || (ownAgency && hasAnyPermission(me, 'manage:tip:own-agency')),
    open: tip.status !== 'merged',
    assignAgency: hasAnyPermission(me, 'manage:tip:any'),
    listPeople: hasAnyPermission(me, 'read:user:any', 'manage:user:any') || (ownAgency && hasAnyPermission(me, 'read:user:own-agency', 'manage:user:own-agency')),
    revealContact: hasAnyPermission(me, 'read:reporter-contact:any') || (ownAgency && hasAnyPermission(me, 'read:reporter-contact:own-agency')),
    openCase: tip.status !== 'merged' && hasAnyPermission(me, ...CASE_PERMISSIONS.create),
  };
}
