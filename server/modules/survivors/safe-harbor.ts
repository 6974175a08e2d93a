import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { inSurvivorScope, loadOwnSurvivor, survivorAudit } from './survivor-access.ts';

/** How long after identification the mandated report to child welfare is due. State laws say "immediately" to 48 hours. */
export const MANDATED_REPORT_HOURS = 24;

/**
 * Safe Harbor routing for a minor (under 18 at identification): the record is marked a minor victim, and in the
 * same transaction a draft child-welfare referral (to the first active directory provider offering child welfare)
 * and the mandated-report task with its deadline are made. The referral is sent once a consent or the mandated
 * report (a compelled disclosure) lets child welfare read the record.
 */
export async function routeSafeHarbor(trx: Transaction<DB>, ctx: AppContext, actor: Actor, survivor: { id: string; identifiedAt: Date }): Promise<void> {
  const provider = await trx
    .selectFrom('directory_providers')
    .select(['id', 'linked_agency_id'])
    .where(sql<boolean>`'child_welfare' = any(service_types)`)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  const now = ctx.now();
  const toAgency = provider?.linked_agency_id && provider.linked_agency_id !== actor.agencyId ? provider.linked_agency_id : null;
  await trx
    .insertInto('survivor_referrals')
    .values({
      survivor_id: survivor.id,
      agency_id: actor.agencyId,
      provider_id: provider?.id ?? null,
      to_agency_id: toAgency,
      service_type: 'child_welfare',
      kind: 'child_welfare',
      note: 'Safe Harbor: a minor victim of trafficking is referred to child welfare, not to the justice system.',
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await trx
    .insertInto('survivor_tasks')
    .values({
      survivor_id: survivor.id,
      agency_id: actor.agencyId,
      kind: 'mandated_report',
      title: 'Make the mandated report to child welfare',
      due_at: new Date(survivor.identifiedAt.getTime() + MANDATED_REPORT_HOURS * 3_600_000),
      created_at: now,
    })
    .execute();
  await trx.updateTable('survivors').set({ safe_harbor: 'routed' }).where('id', '=', survivor.id).execute();
  await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivor.id), action: 'survivor.safe_harbor_routed', details: { providerFound: Boolean(provider) } });
}

/**
 * A supervisor takes a record out of Safe Harbor routing (the person was found to be an adult, say), with a
 * reason: open mandated-report tasks are cancelled and draft child-welfare referrals withdrawn. Audited.
 */
export async function overrideSafeHarbor(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<{ id: string; safeHarbor: 'overridden' }> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const facts = await loadOwnSurvivor(trx, actor, id, 'override', 'survivor-safe-harbor');
    if (facts.safe_harbor !== 'routed') throw new AppError('conflict', 'This record is not under Safe Harbor routing.');
    const now = ctx.now();
    await trx.updateTable('survivors').set({ safe_harbor: 'overridden', safe_harbor_override_reason: reason, updated_at: now }).where('id', '=', id).execute();
    await trx.updateTable('survivor_tasks').set({ status: 'cancelled', done_at: now }).where('survivor_id', '=', id).where('kind', '=', 'mandated_report').where('status', '=', 'open').execute();
    await trx.updateTable('survivor_referrals').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now }).where('survivor_id', '=', id).where('kind', '=', 'child_welfare').where('status', '=', 'draft').execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.safe_harbor_overridden', details: { reason } });
    return { id, safeHarbor: 'overridden' as const };
  });
}
