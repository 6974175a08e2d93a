import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { worksSurvivors } from './survivors.policy.ts';
import * as survivors from './survivors.service.ts';
import * as work from './survivors.work.ts';
import { overrideSafeHarbor } from './safe-harbor.ts';
import { getRetentionRules, purgeSurvivor, setRetentionRules } from './retention.ts';
import { survivorMetrics } from './metrics.ts';
import { SCREENING_DOMAINS, SCREENING_INTRO, SCREENING_QUESTIONS } from './screening.ts';
import * as s from './survivors.schema.ts';

export function survivorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['survivors'];
    const one = { 200: s.survivorView };
    const retention = { 200: z.object({ rules: z.array(z.object({ part: z.string(), daysAfterClosing: z.number(), updatedAt: z.string() })) }) };

    app.get('/survivors', { schema: { tags, querystring: s.survivorListQuery, response: { 200: z.object({ survivors: z.array(s.survivorSummaryView) }) } } }, async (request) => ({
      survivors: await survivors.listSurvivors(ctx, requireStaff(request).actor, request.query),
    }));
    app.post('/survivors', { schema: { tags, body: s.survivorInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await survivors.createSurvivor(ctx, requireStaff(request).actor, request.body)),
    );
    app.get('/survivors/screening-questions', { schema: { tags } }, async (request) => {
      if (!worksSurvivors(requireStaff(request).actor)) throw new AppError('forbidden', 'Your role does not work with survivor records.');
      return { intro: SCREENING_INTRO, domains: SCREENING_DOMAINS, questions: SCREENING_QUESTIONS.map((q) => ({ id: q.id, domain: q.domain, text: q.text })), answers: ['yes', 'no', 'unsure'] };
    });
    app.get('/survivors/metrics', { schema: { tags, querystring: s.metricsQuery } }, async (request) => survivorMetrics(ctx, requireStaff(request).actor, request.query));
    app.get('/survivors/retention-rules', { schema: { tags, response: retention } }, async (request) => getRetentionRules(ctx, requireStaff(request).actor));
    app.put('/survivors/retention-rules', { schema: { tags, body: s.retentionInput, response: retention } }, async (request) => setRetentionRules(ctx, requireStaff(request).actor, request.body.rules));

    app.get('/survivors/:id', { schema: { tags, params: s.survivorIdParams, response: one } }, async (request) => survivors.getSurvivor(ctx, requireStaff(request).actor, request.params.id));
    app.patch('/survivors/:id', { schema: { tags, params: s.survivorIdParams, body: s.survivorPatch, response: one } }, async (request) =>
      survivors.updateSurvivor(ctx, requireStaff(request).actor, request.params.id, request.body),
    );
    app.post('/survivors/:id/screenings', { schema: { tags, params: s.survivorIdParams, body: s.screeningInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await work.addScreening(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.post('/survivors/:id/needs', { schema: { tags, params: s.survivorIdParams, body: s.needInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await work.addNeed(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.patch('/survivors/:id/needs/:needId', { schema: { tags, params: s.needParams, body: s.needPatch, response: one } }, async (request) =>
      work.updateNeed(ctx, requireStaff(request).actor, request.params.id, request.params.needId, request.body),
    );
    app.post('/survivors/:id/goals', { schema: { tags, params: s.survivorIdParams, body: s.goalInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await work.addGoal(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.patch('/survivors/:id/goals/:goalId', { schema: { tags, params: s.goalParams, body: s.goalPatch, response: one } }, async (request) =>
      work.updateGoal(ctx, requireStaff(request).actor, request.params.id, request.params.goalId, request.body),
    );
    app.post('/survivors/:id/services', { schema: { tags, params: s.survivorIdParams, body: s.serviceInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await work.addService(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.patch('/survivors/:id/tasks/:taskId', { schema: { tags, params: s.taskParams, body: s.taskPatch, response: one } }, async (request) =>
      work.updateTask(ctx, requireStaff(request).actor, request.params.id, request.params.taskId, request.body),
    );
    app.post('/survivors/:id/documents', { schema: { tags, params: s.survivorIdParams, body: s.documentInput, response: { 201: s.survivorView } } }, async (request, reply) =>
      reply.code(201).send(await work.addDocument(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.get('/survivors/:id/documents/:documentId', { schema: { tags, params: s.documentParams } }, async (request, reply) => {
      const file = await work.downloadDocument(ctx, requireStaff(request).actor, request.params.id, request.params.documentId);
      return reply.type(file.contentType).header('Content-Disposition', 'attachment').header('Cache-Control', 'no-store').header('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'none'").send(file.data);
    });
    app.post('/survivors/:id/safe-harbor/override', { schema: { tags, params: s.survivorIdParams, body: s.safeHarborOverrideInput } }, async (request) =>
      overrideSafeHarbor(ctx, requireStaff(request).actor, request.params.id, request.body.reason),
    );
    app.post('/survivors/:id/purge', { schema: { tags, params: s.survivorIdParams, body: s.purgeInput } }, async (request) =>
      purgeSurvivor(ctx, requireStaff(request).actor, request.params.id, request.body.parts),
    );
  };
}
