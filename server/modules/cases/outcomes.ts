import type { AppContext } from '../../platform/context.ts';
import { can, type Actor } from '../../platform/access/access.ts';
import { recordAudit, recordAuditNow } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { caseAudit, loadCaseFor } from './cases.access.ts';
import { recordCaseEvent } from './case-events.ts';
import { today } from './cases.service.ts';
import * as repo from './cases.repo.ts';
import { presentOutcome } from './cases.presenter.ts';
import { evaluateSafeHarbor, SAFE_HARBOR_OFFENSES, SAFE_HARBOR_OUTCOMES } from './safe-harbor.ts';
import type { OutcomeInput, OutcomeView, SafeHarborView } from './cases.schema.ts';

/** The guard's answer for a person of the case on a day (today when not given), so the staff app can warn before. */
export async function checkSafeHarbor(ctx: AppContext, actor: Actor, caseId: string, caseEntityId: string, on: string | undefined): Promise<SafeHarborView> {
  await loadCaseFor(ctx.db, actor, caseId, 'read');
  const row = await ctx.db.selectFrom('case_entities').select('entity_id').where('id', '=', caseEntityId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('That entity in this case');
  const answer = await evaluateSafeHarbor(ctx.db, row.entity_id, on ?? today(ctx), today(ctx));
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.safe_harbor_checked', details: { entityId: row.entity_id, applies: answer.applies } }));
  return answer;
}

/**
 * Records a justice outcome for a suspect of the case (arrest, charge, prosecution, adjudication, sentence),
 * as federal task-force reporting asks. An arrest or charge for commercial sex of a person recorded as a minor
 * victim is refused (Safe Harbor) with the reasons and the child-welfare referral; a supervisor may record it
 * anyway with a reason, which is kept on the outcome and audited.
 */
export async function recordOutcome(ctx: AppContext, actor: Actor, caseId: string, input: OutcomeInput): Promise<OutcomeView> {
  await loadCaseFor(ctx.db, actor, caseId, 'edit');
  const suspect = await ctx.db.selectFrom('case_entities').select('id').where('case_id', '=', caseId).where('entity_id', '=', input.entityId).where('role', '=', 'suspect').executeTakeFirst();
  if (!suspect) throw new AppError('validation_failed', 'Outcomes are recorded for a suspect of this case: add the person as a suspect first.', [{ path: 'body.entityId', message: 'Not a suspect in this case.' }]);
  const guarded = (SAFE_HARBOR_OUTCOMES as readonly string[]).includes(input.type) && (SAFE_HARBOR_OFFENSES as readonly string[]).includes(input.offenseCategory ?? '');
  const on = input.conductOn ?? input.occurredOn;
  const guard = guarded ? await evaluateSafeHarbor(ctx.db, input.entityId, on, today(ctx)) : null;
  const audit = { ...caseAudit(actor, caseId), details: { entityId: input.entityId, type: input.type } };
  if (guard?.applies && !input.safeHarborOverride) {
    await recordAuditNow(ctx.db, ctx.keys, { ...audit, action: 'case.safe_harbor_refused', outcome: 'denied' });
    throw new AppError(
      'safe_harbor',
      `Safe Harbor: this person is recorded as a minor and a victim, so they cannot be ${input.type === 'arrest' ? 'arrested' : 'charged'} for commercial sex or related conduct. ${guard.reasons.join(' ')} ${guard.referral} A supervisor may override this with a reason.`,
      [{ path: 'body.offenseCategory', message: 'Refused under Safe Harbor for a minor victim.' }],
    );
  }
  if (input.safeHarborOverride) {
    if (!guard?.applies) throw new AppError('validation_failed', 'Safe Harbor does not apply to this outcome: leave out the override.', [{ path: 'body.safeHarborOverride', message: 'Not needed.' }]);
    if (!can(actor, 'override', 'safe-harbor', { agencyId: actor.agencyId })) {
      await recordAuditNow(ctx.db, ctx.keys, { ...audit, action: 'case.safe_harbor_override', outcome: 'denied' });
      throw forbidden('Only a supervisor can override Safe Harbor, with a reason. Ask your supervisor to record this outcome.');
    }
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await trx
      .insertInto('case_outcomes')
      .values({
        case_id: caseId,
        entity_id: input.entityId,
        type: input.type,
        occurred_on: input.occurredOn,
        conduct_on: input.conductOn,
        offense_category: input.offenseCategory,
        statute: input.statute,
        jurisdiction_level: input.jurisdictionLevel,
        description: input.description,
        disposition: input.disposition,
        details: JSON.stringify({ sentence: input.sentence, court: input.court, docketNumber: input.docketNumber }),
        safe_harbor_override_reason: input.safeHarborOverride?.reason ?? null,
        safe_harbor_override_by_user_id: input.safeHarborOverride ? actor.userId : null,
        recorded_by_user_id: actor.userId,
        recorded_by_agency_id: actor.agencyId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const label = (await trx.selectFrom('entities').select('label').where('id', '=', input.entityId).executeTakeFirstOrThrow()).label;
    await recordCaseEvent(trx, { caseId, actor, kind: 'outcome.recorded', at: now, data: { outcomeId: row.id, entityId: input.entityId, label, type: input.type, offenseCategory: input.offenseCategory, occurredOn: input.occurredOn } });
    await recordAudit(trx, ctx.keys, { ...audit, action: 'case.outcome_recorded', details: { ...audit.details, outcomeId: row.id, offenseCategory: input.offenseCategory } });
    if (input.safeHarborOverride) {
      await recordCaseEvent(trx, { caseId, actor, kind: 'safe_harbor.overridden', at: now, data: { outcomeId: row.id, entityId: input.entityId, label, reason: input.safeHarborOverride.reason } });
      await recordAudit(trx, ctx.keys, { ...audit, action: 'case.safe_harbor_override', details: { ...audit.details, outcomeId: row.id, reason: input.safeHarborOverride.reason } });
    }
    return row.id;
  });
  return presentOutcome((await repo.listOutcomes(ctx.db, caseId)).find((o) => o.id === id)!);
}
