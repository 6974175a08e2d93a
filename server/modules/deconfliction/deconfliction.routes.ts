import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as hits from './hits.service.ts';
import * as s from './deconfliction.schema.ts';

export function deconflictionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['deconfliction'];
    const byId = { tags, params: s.hitIdParams };

    app.get('/deconfliction/hits', { schema: { tags, querystring: s.hitListQuery, response: { 200: z.object({ hits: z.array(s.hitView) }) } } }, async (request) => ({
      hits: await hits.listHits(ctx, requireStaff(request).actor, request.query),
    }));

    app.get('/deconfliction/hits/:id', { schema: { ...byId, response: { 200: s.hitView } } }, async (request) => hits.getHit(ctx, requireStaff(request).actor, request.params.id));

    app.post('/deconfliction/hits/:id/agree', { schema: { ...byId, body: s.agreeInput, response: { 200: s.hitView } } }, async (request) =>
      hits.answerHit(ctx, requireStaff(request).actor, request.params.id, { agree: true, level: request.body.level }),
    );

    app.post('/deconfliction/hits/:id/decline', { schema: { ...byId, response: { 200: s.hitView } } }, async (request) =>
      hits.answerHit(ctx, requireStaff(request).actor, request.params.id, { agree: false }),
    );
  };
}
