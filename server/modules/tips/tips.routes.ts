import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as tips from './tips.service.ts';
import * as triage from './tips.triage.ts';
import * as s from './tips.staff-schema.ts';

export function tipRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tips'];
    const byId = { tags, params: s.tipIdParams };
    const detail = { 200: s.tipDetailView };

    app.get('/tips', { schema: { tags, querystring: s.queueQuery, response: { 200: z.object({ tips: z.array(s.tipSummaryView) }) } } }, async (request) => ({
      tips: await tips.listTips(ctx, requireStaff(request).actor, request.query),
    }));

    app.post('/tips', { schema: { tags, body: s.hotlineInput, response: { 201: z.object({ tip: s.tipDetailView, receipt: z.string() }) } } }, async (request, reply) =>
      reply.code(201).send(await triage.createHotlineTip(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/tips/:id', { schema: { ...byId, response: detail } }, async (request) => tips.getTip(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/tips/:id', { schema: { ...byId, body: s.triagePatch, response: detail } }, async (request) =>
      triage.updateTriage(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.post('/tips/:id/notes', { schema: { ...byId, body: s.textBody, response: detail } }, async (request) =>
      triage.addNote(ctx, requireStaff(request).actor, request.params.id, request.body.body),
    );

    app.post('/tips/:id/messages', { schema: { ...byId, body: s.textBody, response: detail } }, async (request) =>
      triage.messageReporter(ctx, requireStaff(request).actor, request.params.id, request.body.body),
    );

    app.post('/tips/:id/merge', { schema: { ...byId, body: s.mergeInput, response: detail } }, async (request) =>
      triage.mergeTip(ctx, requireStaff(request).actor, request.params.id, request.body.intoTipId),
    );

    const contactView = z.object({ contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), safeTimes: z.string().nullable() }).nullable() });
    app.get('/tips/:id/contact', { schema: { ...byId, response: { 200: contactView } } }, async (request) => ({
      contact: await tips.revealReporterContact(ctx, requireStaff(request).actor, request.params.id),
    }));

    app.get('/tips/:id/attachments/:attachmentId', { schema: { tags, params: s.attachmentParams } }, async (request, reply) => {
      const file = await tips.getAttachment(ctx, requireStaff(request).actor, request.params.id, request.params.attachmentId);
      // Served as a download in a sandbox: a hostile file must never run in the staff app's origin.
      return reply.type(file.contentType).header('Content-Disposition', 'attachment').header('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'none'").send(file.data);
    });
  };
}
