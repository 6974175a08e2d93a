import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound, refusedRead } from '../../platform/errors.ts';
import { cleanAttachment } from '../tips/attachments.ts';
import { inSurvivorScope, loadSurvivorFor, survivorAudit } from './survivor-access.ts';
import { scoreScreening, SCREENING_QUESTIONS, type ScreeningAnswer } from './screening.ts';
import { currentKeys, openBytes, requireKeys, sealPart } from './survivor-keys.ts';
import { buildView } from './survivors.service.ts';
import type { SurvivorView } from './survivors.schema.ts';
import type { z } from 'zod';
import type * as s from './survivors.schema.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** Scores a screening and keeps it with the HTCDS mapping; the answer is the whole record as the actor sees it. */
export async function addScreening(ctx: AppContext, actor: Actor, id: string, input: In<typeof s.screeningInput>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    const known = new Set(SCREENING_QUESTIONS.map((q) => q.id));
    const unknown = Object.keys(input.answers).filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('validation_failed', 'Some answers are to questions that are not in the questionnaire.', unknown.map((k) => ({ path: `body.answers.${k}`, message: 'Unknown question.' })));
    const result = scoreScreening(input.answers as Record<string, ScreeningAnswer>, facts.is_minor);
    await trx
      .insertInto('survivor_screenings')
      .values({
        survivor_id: id,
        agency_id: facts.agency_id,
        answers: JSON.stringify(input.answers),
        indicators: result.indicators.map((i) => `${i.domain}:${i.id}`),
        score: result.score,
        potential_victim: result.potentialVictim,
        reasons: result.reasons,
        methods_of_control: result.methodsOfControl,
        types_of_exploitation: result.typesOfExploitation,
        screened_by_user_id: actor.userId,
        screened_at: ctx.now(),
      })
      .execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.screened', details: { score: result.score, potentialVictim: result.potentialVictim } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function addNeed(ctx: AppContext, actor: Actor, id: string, input: In<typeof s.needInput>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    await trx.insertInto('survivor_needs').values({ survivor_id: id, agency_id: facts.agency_id, domain: input.domain, detail: input.detail, priority: input.priority, created_at: ctx.now(), updated_at: ctx.now() }).execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.need_added', details: { domain: input.domain } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function updateNeed(ctx: AppContext, actor: Actor, id: string, needId: string, patch: In<typeof s.needPatch>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    const set = { updated_at: ctx.now(), ...(patch.status ? { status: patch.status } : {}), ...(patch.priority ? { priority: patch.priority } : {}), ...(patch.note !== undefined ? { note: patch.note } : {}) };
    const done = await trx.updateTable('survivor_needs').set(set).where('id', '=', needId).where('survivor_id', '=', id).executeTakeFirst();
    if (!done.numUpdatedRows) throw notFound('The need');
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.need_updated', details: { needId } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function addGoal(ctx: AppContext, actor: Actor, id: string, input: In<typeof s.goalInput>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    await trx.insertInto('survivor_goals').values({ survivor_id: id, agency_id: facts.agency_id, domain: input.domain, description: input.description, target_date: input.targetDate, created_at: ctx.now(), updated_at: ctx.now() }).execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.goal_added', details: { domain: input.domain } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function updateGoal(ctx: AppContext, actor: Actor, id: string, goalId: string, patch: In<typeof s.goalPatch>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    const achievedOn = patch.achievedOn !== undefined ? patch.achievedOn : patch.status === 'achieved' ? ctx.now().toISOString().slice(0, 10) : undefined;
    const set = { updated_at: ctx.now(), ...(patch.status ? { status: patch.status } : {}), ...(patch.targetDate !== undefined ? { target_date: patch.targetDate } : {}), ...(achievedOn !== undefined ? { achieved_on: achievedOn } : {}) };
    const done = await trx.updateTable('survivor_goals').set(set).where('id', '=', goalId).where('survivor_id', '=', id).executeTakeFirst();
    if (!done.numUpdatedRows) throw notFound('The goal');
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.goal_updated', details: { goalId } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function addService(ctx: AppContext, actor: Actor, id: string, input: In<typeof s.serviceInput>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    if (input.providerId && !(await trx.selectFrom('directory_providers').select('id').where('id', '=', input.providerId).executeTakeFirst())) {
      throw new AppError('validation_failed', 'Choose a provider from the directory.', [{ path: 'body.providerId', message: 'Not in the directory.' }]);
    }
    await trx
      .insertInto('survivor_services')
      .values({ survivor_id: id, agency_id: facts.agency_id, service_type: input.serviceType, delivered_on: input.deliveredOn, provider_id: input.providerId, units: input.units, hours: input.hours, note: input.note, recorded_by_user_id: actor.userId })
      .execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.service_recorded', details: { serviceType: input.serviceType } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function updateTask(ctx: AppContext, actor: Actor, id: string, taskId: string, patch: In<typeof s.taskPatch>): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    const done = await trx.updateTable('survivor_tasks').set({ status: patch.status, done_at: patch.status === 'open' ? null : ctx.now() }).where('id', '=', taskId).where('survivor_id', '=', id).executeTakeFirst();
    if (!done.numUpdatedRows) throw notFound('The task');
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.task_updated', details: { taskId, status: patch.status } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

/** A document, cleaned of metadata like a tip's files, then sealed under the agency's data key (title too). */
export async function addDocument(ctx: AppContext, actor: Actor, id: string, input: In<typeof s.documentInput>): Promise<SurvivorView> {
  const data = Buffer.from(input.contentBase64, 'base64');
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage');
    const clean = await cleanAttachment(data);
    const keys = await currentKeys(trx, ctx, facts.agency_id);
    const docId = randomUUID();
    await trx
      .insertInto('survivor_documents')
      .values({ id: docId, survivor_id: id, agency_id: facts.agency_id, key_version: keys.version, title_enc: sealPart(keys, docId, 'document-title', input.title), content_type: clean.contentType, byte_size: clean.data.length, data_enc: sealPart(keys, docId, 'document', clean.data), uploaded_by_user_id: actor.userId })
      .execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.document_added', details: { documentId: docId } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

export async function downloadDocument(ctx: AppContext, actor: Actor, id: string, documentId: string): Promise<{ contentType: string; data: Buffer }> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'read');
    // A consent shares categories of the record, never its documents.
    if (!reach.own) throw refusedRead('The document', 'survivor_document', documentId);
    const doc = await trx.selectFrom('survivor_documents').select(['key_version', 'content_type', 'data_enc']).where('id', '=', documentId).where('survivor_id', '=', id).executeTakeFirst();
    if (!doc) throw refusedRead('The document', 'survivor_document', documentId);
    const keys = await requireKeys(trx, ctx, facts.agency_id, doc.key_version);
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.document_downloaded', details: { documentId } });
    return { contentType: doc.content_type, data: openBytes(keys, documentId, 'document', doc.data_enc) };
  });
}
