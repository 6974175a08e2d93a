import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { caseIdParams } from '../cases/cases.schema.ts';
import * as entities from './entities.service.ts';
import * as links from './links.service.ts';
import * as s from './entities.schema.ts';
import { search } from './search.service.ts';
import { searchQuery, searchView } from './search.schema.ts';

/** Entities in cases, the typed links between them and the case's link chart. */
export function entityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['entities'];

    app.post('/cases/:id/entities', { schema: { tags, params: caseIdParams, body: s.caseEntityInput, response: { 201: s.addedEntityView } } }, async (request, reply) =>
      reply.code(201).send(await entities.addEntityToCase(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.patch('/cases/:id/entities/:caseEntityId', { schema: { tags, params: s.caseEntityParams, body: s.caseEntityPatch, response: { 200: s.caseEntityView } } }, async (request) =>
      entities.updateCaseEntity(ctx, requireStaff(request).actor, request.params.id, request.params.caseEntityId, request.body),
    );

    app.delete('/cases/:id/entities/:caseEntityId', { schema: { tags, params: s.caseEntityParams, response: { 204: z.null() } } }, async (request, reply) => {
      await entities.removeCaseEntity(ctx, requireStaff(request).actor, request.params.id, request.params.caseEntityId);
      return reply.code(204).send(null);
    });

    app.post('/cases/:id/links', { schema: { tags, params: caseIdParams, body: s.linkInput, response: { 201: s.linkView } } }, async (request, reply) =>
      reply.code(201).send(await links.addLink(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.delete('/cases/:id/links/:linkId', { schema: { tags, params: s.linkParams, response: { 204: z.null() } } }, async (request, reply) => {
      await links.removeLink(ctx, requireStaff(request).actor, request.params.id, request.params.linkId);
      return reply.code(204).send(null);
    });

    app.get('/cases/:id/graph', { schema: { tags, params: caseIdParams, querystring: s.graphQuery, response: { 200: s.graphView } } }, async (request) =>
      links.caseGraph(ctx, requireStaff(request).actor, request.params.id, request.query),
    );

    app.get('/entities/:id', { schema: { tags, params: s.entityIdParams, response: { 200: s.entityDetailView } } }, async (request) => entities.getEntity(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/entities/:id', { schema: { tags, params: s.entityIdParams, body: s.entityInput, response: { 200: s.entityView.extend({ deconfliction: z.array(s.deconflictionNoticeView) }) } } }, async (request) =>
      entities.updateEntity(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.get('/search', { schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchView } } }, async (request) =>
      search(ctx, requireStaff(request).actor, request.query.q, request.query.limit),
    );
  };
}
