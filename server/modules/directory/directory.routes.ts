import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as directory from './directory.service.ts';
import * as hubs from './hubs.service.ts';
import * as inquiries from './inquiries.service.ts';
import { searchProviders } from './search.service.ts';
import { importDirectory } from './exchange.import.ts';
import { exportDirectory } from './exchange.export.ts';
import * as s from './directory.schema.ts';

/** An import of 10,000 HSDS services is some 15 MB; this leaves room without inviting abuse. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const hsdsDocument = z.union([z.array(z.unknown()), z.looseObject({ contents: z.array(z.unknown()) })], {
  message: 'Send an HSDS document: a list of services, or an object whose contents is the list.',
});

export function directoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['directory'];
    const provider = { tags, params: s.providerIdParams };
    const detail = { 200: s.providerDetailView };

    // A CSV import arrives as the file itself; this parser is for these routes only (plugin scope).
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.get('/directory/providers', { schema: { tags, querystring: s.providerListQuery, response: { 200: z.object({ providers: z.array(s.providerSummaryView) }) } } }, async (request) => ({
      providers: await directory.listProviders(ctx, requireStaff(request).actor, request.query),
    }));

    app.post('/directory/providers', { schema: { tags, body: s.providerInput, response: { 201: s.providerDetailView } } }, async (request, reply) =>
      reply.code(201).send(await directory.createProvider(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/directory/providers/:id', { schema: { ...provider, response: detail } }, async (request) => directory.getProvider(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/directory/providers/:id', { schema: { ...provider, body: s.providerPatch, response: detail } }, async (request) =>
      directory.updateProvider(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    const locationView = z.object({ location: s.locationView.extend({ city: z.string().nullable(), state: z.string().nullable() }) });
    app.get('/directory/providers/:id/location', { schema: { ...provider, response: { 200: locationView } } }, async (request) => ({
      location: await directory.revealLocation(ctx, requireStaff(request).actor, request.params.id),
    }));

    app.post('/directory/providers/:id/capacity', { schema: { ...provider, body: s.capacityInput, response: detail } }, async (request) =>
      directory.updateCapacity(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.get('/directory/providers/:id/capacity/history', { schema: { ...provider, response: { 200: s.capacityHistoryView } } }, async (request) => ({
      history: await directory.getCapacityHistory(ctx, requireStaff(request).actor, request.params.id),
    }));

    app.post('/directory/providers/:id/referral-inquiries', { schema: { ...provider, body: s.inquiryInput, response: { 201: s.inquiryView } } }, async (request, reply) =>
      reply.code(201).send(await inquiries.sendInquiry(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.get('/directory/search', { schema: { tags, querystring: s.searchQuery, response: { 200: s.searchView } } }, async (request) =>
      searchProviders(ctx, requireStaff(request).actor, request.query),
    );

    app.get('/directory/inquiries', { schema: { tags, querystring: s.inquiryListQuery, response: { 200: z.object({ inquiries: z.array(s.inquiryView) }) } } }, async (request) => ({
      inquiries: await inquiries.listInquiries(ctx, requireStaff(request).actor, request.query.box, request.query.status, request.query.limit),
    }));

    const inquiry = { tags, params: s.inquiryIdParams, response: { 200: s.inquiryView } };
    app.post('/directory/inquiries/:id/answer', { schema: { ...inquiry, body: s.inquiryAnswer } }, async (request) =>
      inquiries.answerInquiry(ctx, requireStaff(request).actor, request.params.id, request.body),
    );
    app.post('/directory/inquiries/:id/withdraw', { schema: inquiry }, async (request) => inquiries.withdrawInquiry(ctx, requireStaff(request).actor, request.params.id));

    app.get('/directory/hubs', { schema: { tags, querystring: z.object({ all: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ hubs: z.array(s.hubSummaryView) }) } } }, async (request) => ({
      hubs: await hubs.listHubs(ctx, requireStaff(request).actor, request.query.all === 'true'),
    }));

    app.post('/directory/hubs', { schema: { tags, body: s.hubInput, response: { 201: s.hubDetailView } } }, async (request, reply) =>
      reply.code(201).send(await hubs.createHub(ctx, requireStaff(request).actor, request.body)),
    );

    const hub = { tags, params: s.hubIdParams };
    app.get('/directory/hubs/:id', { schema: { ...hub, response: { 200: s.hubDetailView } } }, async (request) => hubs.getHub(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/directory/hubs/:id', { schema: { ...hub, body: s.hubPatch, response: { 200: s.hubDetailView } } }, async (request) =>
      hubs.updateHub(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.post('/directory/hubs/:id/sessions', { schema: { ...hub, body: s.hubSessionInput, response: { 201: s.hubDetailView } } }, async (request, reply) =>
      reply.code(201).send(await hubs.addSession(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.delete('/directory/hubs/:id/sessions/:sessionId', { schema: { tags, params: s.hubSessionParams, response: { 200: s.hubDetailView } } }, async (request) =>
      hubs.removeSession(ctx, requireStaff(request).actor, request.params.id, request.params.sessionId),
    );

    app.post(
      '/directory/import',
      { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, querystring: s.importQuery, body: z.union([z.string(), hsdsDocument]), response: { 200: s.importResultView } } },
      async (request) => importDirectory(ctx, requireStaff(request).actor, request.query.format, request.body as string | z.infer<typeof hsdsDocument>, request.query.dryRun),
    );

    app.get('/directory/export', { schema: { tags, querystring: s.exchangeFormat } }, async (request, reply) => {
      const file = await exportDirectory(ctx, requireStaff(request).actor, request.query.format);
      return reply.type(file.contentType).header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });
  };
}
