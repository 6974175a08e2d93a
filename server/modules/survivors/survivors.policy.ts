import { can, type Actor } from '../../platform/access/access.ts';
import { AppError, refusedRead } from '../../platform/errors.ts';
import type { ConsentCategory } from '../../platform/db/schema-survivors.ts';
import { CONSENT_CATEGORIES } from '../../../common/survivors/vocabulary.ts';
import type { Share } from '../consents/consents.ledger.ts';

/** What the actor reads of one survivor record: all of it (its own agency's), or exactly the shared categories. */
export interface Reach {
  own: boolean;
  categories: ReadonlySet<ConsentCategory>;
  until: Date | null;
}

export const ALL_CATEGORIES: ReadonlySet<ConsentCategory> = new Set(CONSENT_CATEGORIES);

/**
 * Decision 010: the owning agency's case workers read the whole record; another agency's case workers read the
 * categories an active consent or approved disclosure shares with their agency, and nothing else; everyone else,
 * nothing (investigators and prosecutors even under a disclosure: they hold no survivor permission).
 */
export function survivorReach(actor: Actor, facts: { agencyId: string; share: Share | undefined }): Reach | null {
  if (facts.agencyId === actor.agencyId) {
    return can(actor, 'read', 'survivor', { agencyId: facts.agencyId }) ? { own: true, categories: ALL_CATEGORIES, until: null } : null;
  }
  if (facts.share && facts.share.categories.length > 0 && can(actor, 'read', 'survivor', { agencyId: facts.agencyId, consented: true })) {
    return { own: false, categories: new Set(facts.share.categories), until: facts.share.until };
  }
  return null;
}

/** Whether the actor's roles work with survivor records at all. */
export function worksSurvivors(actor: Actor): boolean {
  return actor.permissions.has('read:survivor:own-agency') || actor.permissions.has('read:survivor:consented');
}

/**
 * Refuses a role that never works survivor records (403), hides a record out of reach (404, so its existence is
 * not confirmed), and refuses a change to another agency's record (403).
 */
export function requireReach(actor: Actor, reach: Reach | null, need: 'read' | 'manage', agencyId: string, id: string): Reach {
  if (!worksSurvivors(actor)) throw new AppError('forbidden', 'Your role does not work with survivor records.');
  if (!reach) throw refusedRead('The survivor record', 'survivor', id);
  if (need === 'manage' && !(reach.own && can(actor, 'manage', 'survivor', { agencyId }))) {
    throw new AppError('forbidden', 'Only the agency that keeps this survivor record can change it.');
  }
  return reach;
}
