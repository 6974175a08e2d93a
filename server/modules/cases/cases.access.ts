import type { Actor } from '../../platform/access/access.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './cases.repo.ts';
import { caseAccess, requireCaseLevel } from './cases.policy.ts';
import type { CaseAccess } from './cases.schema.ts';

export interface CaseTarget {
  id: string;
  leadAgencyId: string;
  status: string;
  access: CaseAccess;
}

/**
 * Loads the facts of a case and checks the actor reaches `need` on it: the first step of every service that
 * touches a case. Other modules (entities, deconfliction) call it too. Inside a transaction, `lock` holds the
 * case row until the end, so that a concurrent change of partners cannot slip between check and write.
 */
export async function loadCaseFor(db: repo.Db, actor: Actor, id: string, need: CaseAccess, options: { lock?: boolean } = {}): Promise<CaseTarget> {
  const facts = await repo.findCaseAccessFacts(db, id, actor.agencyId, options.lock ?? false);
  const access = requireCaseLevel(actor, facts ? caseAccess(actor, facts) : null, need, id);
  return { id, leadAgencyId: facts!.leadAgencyId, status: facts!.status, access };
}

/** The actor's access to a case, or null when it does not exist for them: for lists that mix cases. */
export async function accessTo(db: repo.Db, actor: Actor, id: string): Promise<CaseAccess | null> {
  const facts = await repo.findCaseAccessFacts(db, id, actor.agencyId);
  return facts ? caseAccess(actor, facts) : null;
}

/** The actor's access to each of many cases at once (two queries), for graphs, searches and hit lists. */
export async function accessToMany(db: repo.Db, actor: Actor, ids: readonly string[]): Promise<Map<string, CaseAccess | null>> {
  const out = new Map<string, CaseAccess | null>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await db
    .selectFrom('cases as c')
    .leftJoin('case_partners as p', (join) => join.onRef('p.case_id', '=', 'c.id').on('p.agency_id', '=', actor.agencyId))
    .select(['c.id', 'c.lead_agency_id', 'p.level'])
    .where('c.id', 'in', unique)
    .execute();
  for (const r of rows) out.set(r.id, caseAccess(actor, { leadAgencyId: r.lead_agency_id, partnerLevel: r.level }));
  return out;
}

/** Closed and referred cases keep their record but take no new content until reopened. */
export function assertWorkable(target: CaseTarget): void {
  if (target.status === 'closed' || target.status === 'referred') {
    throw new AppError('conflict', 'This case is closed. Reopen it (status open or active) before adding to it.');
  }
}

export const caseAudit = (actor: Actor, caseId: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'case', entityId: caseId });
