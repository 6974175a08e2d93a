import type { AppContext } from '../../platform/context.ts';
import { actorFor, type Actor } from '../../platform/access/access.ts';
import { isRole } from '../../../common/access/roles.ts';
import * as repo from './cases.repo.ts';
import { atLeast, caseAccess } from './cases.policy.ts';
import { loadCaseFor } from './cases.access.ts';

export interface CaseWorker {
  id: string;
  name: string;
  agencyName: string;
  assignment: 'lead' | 'member' | null;
}

/**
 * The people who may be assigned to a case or own one of its tasks: active people of the lead agency, or of a
 * partner agency at `edit`, whose role works cases at that level (the rule `assertAssignable` enforces). Names
 * only, for the pickers of those who work the case: investigators may not list their agency's users otherwise.
 */
export async function listCaseWorkers(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseWorker[]> {
  await loadCaseFor(ctx.db, actor, caseId, 'edit');
  const [candidates, assignments] = await Promise.all([
    repo.findCaseWorkerCandidates(ctx.db, caseId),
    ctx.db.selectFrom('case_assignments').select(['user_id', 'role']).where('case_id', '=', caseId).execute(),
  ]);
  const factsByAgency = new Map<string, Awaited<ReturnType<typeof repo.findCaseAccessFacts>>>();
  for (const agencyId of new Set(candidates.map((c) => c.agency_id))) factsByAgency.set(agencyId, await repo.findCaseAccessFacts(ctx.db, caseId, agencyId));
  const assigned = new Map(assignments.map((a) => [a.user_id, a.role]));
  return candidates
    .filter((c) => {
      const facts = factsByAgency.get(c.agency_id);
      const person = actorFor({ id: c.id, agencyId: c.agency_id, roles: (c.roles ?? []).filter(isRole) });
      return facts ? atLeast(caseAccess(person, facts), 'edit') : false;
    })
    .map((c) => ({ id: c.id, name: c.display_name, agencyName: c.agency_name, assignment: assigned.get(c.id) ?? null }));
}
