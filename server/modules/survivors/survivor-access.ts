import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withRowScope } from '../../platform/db/row-security.ts';
import { requireAccess, scopeOf, type Actor } from '../../platform/access/access.ts';
import { AppError, refusedRead } from '../../platform/errors.ts';
import { sharesWith } from '../consents/consents.ledger.ts';
import * as repo from './survivors.repo.ts';
import { requireReach, survivorReach, worksSurvivors, type Reach } from './survivors.policy.ts';

/** Survivor-services work always runs here: one transaction under row-level security for the actor's agency. */
export function inSurvivorScope<T>(ctx: AppContext, actor: Actor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return withRowScope(ctx.db, { agencyId: actor.agencyId, now: ctx.now() }, work);
}

export type SurvivorFacts = NonNullable<Awaited<ReturnType<typeof repo.findSurvivorFacts>>>;

/**
 * The first step of every service touching one survivor record: loads its facts and the ledger's share with the
 * actor's agency at this moment, and checks the actor reaches `need`.
 */
export async function loadSurvivorFor(trx: Transaction<DB>, ctx: AppContext, actor: Actor, id: string, need: 'read' | 'manage', options: { lock?: boolean } = {}): Promise<{ facts: SurvivorFacts; reach: Reach }> {
  if (!worksSurvivors(actor)) throw new AppError('forbidden', 'Your role does not work with survivor records.');
  const facts = await repo.findSurvivorFacts(trx, id, options.lock ?? false);
  const share = facts && facts.agency_id !== actor.agencyId ? (await sharesWith(trx, [id], actor.agencyId, ctx.now())).get(id) : undefined;
  const reach = requireReach(actor, facts ? survivorReach(actor, { agencyId: facts.agency_id, share }) : null, need, facts?.agency_id ?? '', id);
  return { facts: facts!, reach };
}

/**
 * For what only the owning agency's holders of a permission do without reading content (a supervisor's approval,
 * a purge): 403 for a role without it, 404 for a record of another agency.
 */
export async function loadOwnSurvivor(trx: Transaction<DB>, actor: Actor, id: string, action: string, entity: string): Promise<SurvivorFacts> {
  if (!scopeOf(actor, action, entity)) throw new AppError('forbidden', 'You do not have permission to do this.');
  const facts = await repo.findSurvivorFacts(trx, id, true);
  if (!facts || facts.agency_id !== actor.agencyId) throw refusedRead('The survivor record', 'survivor', id);
  requireAccess(actor, action, entity, { agencyId: facts.agency_id });
  return facts;
}

export const survivorAudit = (actor: Actor, id: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'survivor', entityId: id });
