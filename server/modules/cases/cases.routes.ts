import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as cases from './cases.service.ts';
import * as work from './cases.work.ts';
import { checkSafeHarbor, recordOutcome } from './outcomes.ts';
import { createCaseFromTip } from './conversion.ts';
import { listCaseWorkers } from './cases.people.ts';
import * as s from './cases.schema.ts';

export function caseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    const one = { 200: s.caseView };

    app.get('/cases', { schema: { tags, querystring: s.caseListQuery, response: { 200: z.object({ cases: z.array(s.caseSummaryView) }) } } }, async (request) => ({
      cases: await cases.listCases(ctx, requireStaff(request).actor, request.query),
    }));

    app.post('/cases', { schema: { tags, body: s.caseInput, response: { 201: s.caseView } } }, async (request, reply) =>
      reply.code(201).send(await cases.createCase(ctx, requireStaff(request).actor, request.body)),
    );

    app.post('/cases/from-tip', { schema: { tags, body: s.fromTipInput, response: { 201: s.caseView } } }, async (request, reply) =>
      reply.code(201).send(await createCaseFromTip(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/cases/:id', { schema: { tags, params: s.caseIdParams, response: one } }, async (request) => cases.getCase(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/cases/:id', { schema: { tags, params: s.caseIdParams, body: s.casePatch, response: one } }, async (request) =>
      cases.updateCase(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.post('/cases/:id/partners', { schema: { tags, params: s.caseIdParams, body: s.partnerInput, response: one } }, async (request) =>
      cases.grantPartner(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.delete('/cases/:id/partners/:agencyId', { schema: { tags, params: s.partnerParams, response: one } }, async (request) =>
      cases.revokePartner(ctx, requireStaff(request).actor, request.params.id, request.params.agencyId),
    );

    app.get('/cases/:id/people', { schema: { tags, params: s.caseIdParams, response: { 200: s.caseWorkersView } } }, async (request) => ({
      people: await listCaseWorkers(ctx, requireStaff(request).actor, request.params.id),
    }));

    app.post('/cases/:id/assignments', { schema: { tags, params: s.caseIdParams, body: s.assignmentInput, response: one } }, async (request) =>
      cases.assignPerson(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.delete('/cases/:id/assignments/:userId', { schema: { tags, params: s.assignmentParams, response: one } }, async (request) =>
      cases.unassignPerson(ctx, requireStaff(request).actor, request.params.id, request.params.userId),
    );

    app.post('/cases/:id/tasks', { schema: { tags, params: s.caseIdParams, body: s.taskInput, response: { 201: s.taskView } } }, async (request, reply) =>
      reply.code(201).send(await work.addTask(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.patch('/cases/:id/tasks/:taskId', { schema: { tags, params: s.taskParams, body: s.taskPatch, response: { 200: s.taskView } } }, async (request) =>
      work.updateTask(ctx, requireStaff(request).actor, request.params.id, request.params.taskId, request.body),
    );

    app.post('/cases/:id/notes', { schema: { tags, params: s.caseIdParams, body: s.noteInput, response: { 201: s.noteView } } }, async (request, reply) =>
      reply.code(201).send(await work.addNote(ctx, requireStaff(request).actor, request.params.id, request.body.body)),
    );

    // A 10 MB file is about 13.4 MB in base64.
    app.post('/cases/:id/documents', { bodyLimit: 14_500_000, schema: { tags, params: s.caseIdParams, body: s.documentInput, response: { 201: s.documentView } } }, async (request, reply) =>
      reply.code(201).send(await work.addDocument(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.get('/cases/:id/documents/:documentId', { schema: { tags, params: s.documentParams } }, async (request, reply) => {
      const file = await work.getDocument(ctx, requireStaff(request).actor, request.params.id, request.params.documentId);
      // Served as a download in a sandbox: a hostile file must never run in the staff app's origin.
      return reply.type(file.contentType).header('Content-Disposition', 'attachment').header('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'none'").send(file.data);
    });

    app.get('/cases/:id/timeline', { schema: { tags, params: s.caseIdParams, querystring: s.timelineQuery, response: { 200: s.timelineView } } }, async (request) =>
      work.getTimeline(ctx, requireStaff(request).actor, request.params.id, request.query),
    );

    app.post('/cases/:id/outcomes', { schema: { tags, params: s.caseIdParams, body: s.outcomeInput, response: { 201: s.outcomeView } } }, async (request, reply) =>
      reply.code(201).send(await recordOutcome(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.get('/cases/:id/entities/:caseEntityId/safe-harbor', { schema: { tags, params: s.caseIdParams.extend({ caseEntityId: z.uuid('That is not a valid case entity id.') }), querystring: z.object({ on: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).optional() }), response: { 200: s.safeHarborView } } }, async (request) =>
      checkSafeHarbor(ctx, requireStaff(request).actor, request.params.id, request.params.caseEntityId, request.query.on),
    );
  };
}
