import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notFound, refusedRead } from '../../platform/errors.ts';
import { cleanAttachment } from '../tips/attachments.ts';
import { assertWorkable, caseAudit, loadCaseFor } from './cases.access.ts';
import { recordCaseEvent } from './case-events.ts';
import { assertAssignable, today } from './cases.service.ts';
import * as repo from './cases.repo.ts';
import { presentDocument, presentNote, presentTask } from './cases.presenter.ts';
import type { DocumentView, NoteView, TaskInput, TaskPatch, TaskView } from './cases.schema.ts';

// Tasks, notes, documents and the timeline: the day-to-day work on a case, by its owners and edit partners.

export async function addTask(ctx: AppContext, actor: Actor, caseId: string, input: TaskInput): Promise<TaskView> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.ownerUserId) await assertAssignable(trx, caseId, input.ownerUserId, 'body.ownerUserId');
    const now = ctx.now();
    const row = await trx
      .insertInto('case_tasks')
      .values({ case_id: caseId, title: input.title, details: input.details, owner_user_id: input.ownerUserId, due_on: input.dueOn, created_by_user_id: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId, actor, kind: 'task.added', at: now, data: { taskId: row.id, title: input.title, dueOn: input.dueOn } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.task_added', details: { taskId: row.id } });
    return row.id;
  });
  return findTask(ctx, caseId, id);
}

async function findTask(ctx: AppContext, caseId: string, taskId: string): Promise<TaskView> {
  const task = (await repo.listTasks(ctx.db, caseId)).find((t) => t.id === taskId);
  if (!task) throw notFound('The task');
  return presentTask(task, today(ctx));
}

export async function updateTask(ctx: AppContext, actor: Actor, caseId: string, taskId: string, patch: TaskPatch): Promise<TaskView> {
  await loadCaseFor(ctx.db, actor, caseId, 'edit');
  await ctx.db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('case_tasks').select(['status', 'title']).where('id', '=', taskId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!task) throw notFound('The task');
    if (patch.ownerUserId) await assertAssignable(trx, caseId, patch.ownerUserId, 'body.ownerUserId');
    const now = ctx.now();
    const status = patch.status ?? task.status;
    await trx
      .updateTable('case_tasks')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.details !== undefined ? { details: patch.details } : {}),
        ...(patch.ownerUserId !== undefined ? { owner_user_id: patch.ownerUserId } : {}),
        ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
        status,
        completed_at: status === 'open' ? null : task.status === 'open' ? now : undefined,
        updated_at: now,
      })
      .where('id', '=', taskId)
      .execute();
    await recordCaseEvent(trx, { caseId, actor, kind: status !== task.status ? 'task.status_changed' : 'task.updated', at: now, data: { taskId, title: patch.title ?? task.title, ...(status !== task.status ? { from: task.status, to: status } : {}) } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.task_updated', details: { taskId, fields: Object.keys(patch) } });
  });
  return findTask(ctx, caseId, taskId);
}

export async function addNote(ctx: AppContext, actor: Actor, caseId: string, body: string): Promise<NoteView> {
  await loadCaseFor(ctx.db, actor, caseId, 'edit');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await trx.insertInto('case_notes').values({ case_id: caseId, author_user_id: actor.userId, author_agency_id: actor.agencyId, body, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId, actor, kind: 'note.added', at: now, data: { noteId: row.id, excerpt: body.slice(0, 140) } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.note_added', details: { noteId: row.id } });
    return row.id;
  });
  return presentNote((await repo.listNotes(ctx.db, caseId)).find((n) => n.id === id)!);
}

/** A file for the case: checked and stripped of its metadata exactly as a tip's attachment is. */
export async function addDocument(ctx: AppContext, actor: Actor, caseId: string, input: { title: string; contentBase64: string }): Promise<DocumentView> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  const clean = await cleanAttachment(Buffer.from(input.contentBase64, 'base64'));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await trx
      .insertInto('case_documents')
      .values({ case_id: caseId, title: input.title, content_type: clean.contentType, byte_size: clean.data.length, sha256: clean.sha256, data: clean.data, source: 'upload', uploaded_by_user_id: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId, actor, kind: 'document.added', at: now, data: { documentId: row.id, title: input.title, contentType: clean.contentType } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.document_added', details: { documentId: row.id, contentType: clean.contentType, byteSize: clean.data.length } });
    return row.id;
  });
  return presentDocument((await repo.listDocuments(ctx.db, caseId)).find((d) => d.id === id)!);
}

/** The file itself, for download; every read is audited. */
export async function getDocument(ctx: AppContext, actor: Actor, caseId: string, documentId: string): Promise<{ contentType: string; data: Buffer; title: string }> {
  await loadCaseFor(ctx.db, actor, caseId, 'read');
  const file = await ctx.db.selectFrom('case_documents').select(['content_type', 'data', 'title']).where('id', '=', documentId).where('case_id', '=', caseId).executeTakeFirst();
  if (!file) throw refusedRead('The document', 'case_document', documentId);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.document_viewed', details: { documentId } }));
  return { contentType: file.content_type, data: file.data, title: file.title };
}

/** The case's one timeline, newest first, paged with `before`; the read is audited. */
export async function getTimeline(ctx: AppContext, actor: Actor, caseId: string, query: { before?: number | undefined; limit: number }) {
  await loadCaseFor(ctx.db, actor, caseId, 'read');
  let q = ctx.db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('agencies as a', 'a.id', 'e.actor_agency_id')
    .select(['e.id', 'e.occurred_at', 'e.kind', 'e.data', 'u.display_name', 'a.name as agency_name'])
    .where('e.case_id', '=', caseId);
  if (query.before) q = q.where('e.id', '<', query.before);
  const rows = await q.orderBy('e.id', 'desc').limit(query.limit + 1).execute();
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.timeline_viewed' }));
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((r) => ({ id: r.id, occurredAt: r.occurred_at.toISOString(), kind: r.kind, actor: { name: r.display_name, agencyName: r.agency_name }, data: r.data })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

