import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ReferralStatus } from '../../platform/db/schema-survivors.ts';
import { can, requireAccess, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, refusedRead } from '../../platform/errors.ts';
import { sharesWith } from '../consents/consents.ledger.ts';
import { inSurvivorScope, loadSurvivorFor } from '../survivors/survivor-access.ts';
import { survivorReach } from '../survivors/survivors.policy.ts';
import { buildView } from '../survivors/survivors.service.ts';
import * as repo from './referrals.repo.ts';
import { presentReferral } from './referrals.presenter.ts';
import { notifyReferralMove } from './referrals.notify.ts';

const worksReferrals = (actor: Actor) => Boolean(scopeOf(actor, 'create', 'referral') || scopeOf(actor, 'respond', 'referral'));
const referralAudit = (actor: Actor, id: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'referral', entityId: id });

/** A referral of a survivor to a directory provider, as a draft; nothing of the survivor goes with it. */
export async function createReferral(ctx: AppContext, actor: Actor, survivorId: string, input: { providerId: string; serviceType: string; note: string | null }) {
  requireAccess(actor, 'create', 'referral', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts } = await loadSurvivorFor(trx, ctx, actor, survivorId, 'manage');
    const provider = await trx.selectFrom('directory_providers').select(['id', 'status', 'linked_agency_id', 'service_types']).where('id', '=', input.providerId).executeTakeFirst();
    if (!provider || provider.status !== 'active') throw new AppError('validation_failed', 'Choose an active provider from the directory.', [{ path: 'body.providerId', message: 'Not an active provider.' }]);
    if (!provider.service_types.includes(input.serviceType)) throw new AppError('validation_failed', 'This provider does not offer that service.', [{ path: 'body.serviceType', message: 'Not offered here.' }]);
    const now = ctx.now();
    const row = await trx
      .insertInto('survivor_referrals')
      .values({ survivor_id: survivorId, agency_id: facts.agency_id, provider_id: provider.id, to_agency_id: provider.linked_agency_id === facts.agency_id ? null : provider.linked_agency_id, service_type: input.serviceType, note: input.note, created_by_user_id: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.keys, { ...referralAudit(actor, row.id), action: 'referral.created', details: { survivorId, providerId: provider.id } });
    return presentReferral((await repo.findReferral(trx, row.id))!);
  });
}

type Side = 'sender' | 'receiver';

const MOVES: Record<string, { side: Side; from: ReferralStatus[]; to: ReferralStatus }> = {
  send: { side: 'sender', from: ['draft'], to: 'sent' },
  withdraw: { side: 'sender', from: ['draft', 'sent', 'accepted'], to: 'withdrawn' },
  accept: { side: 'receiver', from: ['sent'], to: 'accepted' },
  decline: { side: 'receiver', from: ['sent'], to: 'declined' },
  complete: { side: 'receiver', from: ['accepted'], to: 'completed' },
};

async function loadForMove(trx: Transaction<DB>, actor: Actor, id: string, side: Side) {
  if (!worksReferrals(actor)) throw forbidden('Your role does not work with referrals.');
  const row = await repo.lockReferral(trx, id);
  const isSender = row?.agency_id === actor.agencyId;
  const isReceiver = row?.to_agency_id === actor.agencyId && row.status !== 'draft';
  if (!row || (!isSender && !isReceiver)) throw refusedRead('The referral', 'referral', id);
  if (side === 'sender' ? !(isSender && can(actor, 'create', 'referral', { agencyId: row.agency_id })) : !(isReceiver && can(actor, 'respond', 'referral', { agencyId: row.to_agency_id! }))) {
    throw forbidden(side === 'sender' ? 'Only the referring agency can do this.' : 'Only the agency the referral was sent to can answer it.');
  }
  return row;
}

/**
 * Moves a referral: draft → sent → accepted or declined (with a reason) → completed (with the outcome), or
 * withdrawn by the referrer. The sender sends and withdraws; the receiving agency answers and completes.
 */
export async function moveReferral(ctx: AppContext, actor: Actor, id: string, move: keyof typeof MOVES, input: { reason?: string; outcome?: string } = {}) {
  const rule = MOVES[move]!;
  return inSurvivorScope(ctx, actor, async (trx) => {
    const row = await loadForMove(trx, actor, id, rule.side);
    if (!rule.from.includes(row.status)) throw new AppError('conflict', `A ${row.status} referral cannot be ${rule.to === 'sent' ? 'sent' : rule.to}.`);
    if (move === 'send' && !row.to_agency_id) throw new AppError('conflict', 'This provider does not receive referrals in Haven: call its intake line instead.');
    const now = ctx.now();
    const set: Record<string, unknown> = { status: rule.to, updated_at: now };
    if (move === 'send') set.sent_at = now;
    if (move === 'accept' || move === 'decline') Object.assign(set, { responded_at: now, responded_by_user_id: actor.userId });
    if (move === 'decline') set.decline_reason = input.reason;
    if (move === 'complete') Object.assign(set, { completed_at: now, outcome: input.outcome });
    if (move === 'withdraw') set.withdrawn_at = now;
    await trx.updateTable('survivor_referrals').set(set).where('id', '=', id).execute();
    await recordAudit(trx, ctx.keys, { ...referralAudit(actor, id), action: `referral.${rule.to}`, details: { survivorId: row.survivor_id } });
    const moved = (await repo.findReferral(trx, id))!;
    // A draft was never the receiver's: withdrawing one tells nobody.
    if (!(move === 'withdraw' && row.status === 'draft')) await notifyReferralMove(trx, moved, rule.to, row.created_by_user_id, now);
    return presentReferral(moved);
  });
}

export async function listReferrals(ctx: AppContext, actor: Actor, query: { box: 'inbox' | 'sent'; limit: number }) {
  const permission = query.box === 'inbox' ? 'respond' : 'create';
  if (!scopeOf(actor, permission, 'referral')) throw forbidden(query.box === 'inbox' ? 'Your role does not receive referrals.' : 'Your role does not make referrals.');
  return inSurvivorScope(ctx, actor, async (trx) => (await repo.listReferralsFor(trx, actor.agencyId, query.box, query.limit)).map(presentReferral));
}

/** A referral, and for the receiving agency the survivor exactly as far as the ledger shares it right now. */
export async function getReferral(ctx: AppContext, actor: Actor, id: string) {
  if (!worksReferrals(actor)) throw forbidden('Your role does not work with referrals.');
  return inSurvivorScope(ctx, actor, async (trx) => {
    const row = await repo.findReferral(trx, id);
    const party = row && (row.agency_id === actor.agencyId || (row.to_agency_id === actor.agencyId && row.status !== 'draft'));
    if (!row || !party) throw refusedRead('The referral', 'referral', id);
    const facts = await trx.selectFrom('survivors').select(['agency_id']).where('id', '=', row.survivor_id).executeTakeFirst();
    const share = facts && facts.agency_id !== actor.agencyId ? (await sharesWith(trx, [row.survivor_id], actor.agencyId, ctx.now())).get(row.survivor_id) : undefined;
    const reach = facts ? survivorReach(actor, { agencyId: facts.agency_id, share }) : null;
    await recordAudit(trx, ctx.keys, { ...referralAudit(actor, id), action: 'referral.viewed', details: { survivorId: row.survivor_id, categories: reach ? [...reach.categories].sort() : [] } });
    return { ...presentReferral(row), survivor: reach ? await buildView(trx, ctx, actor, row.survivor_id, reach) : null };
  });
}
