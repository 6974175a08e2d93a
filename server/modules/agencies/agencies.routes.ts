import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as agencies from './agencies.service.ts';
import { agencyIdParams, agencyInput, agencyPatch, agencyView } from './agencies.schema.ts';

export function agencyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['agencies'];

    app.get('/agencies', { schema: { tags, response: { 200: z.object({ agencies: z.array(agencyView) }) } } }, async (request) => ({
      agencies: await agencies.listAgencies(ctx, requireStaff(request).actor),
    }));

    app.post('/agencies', { schema: { tags, body: agencyInput, response: { 201: agencyView } } }, async (request, reply) =>
      reply.code(201).send(await agencies.createAgency(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/agencies/:id', { schema: { tags, params: agencyIdParams, response: { 200: agencyView } } }, async (request) =>
      agencies.getAgency(ctx, requireStaff(request).actor, request.params.id),
    );

    app.patch('/agencies/:id', { schema: { tags, params: agencyIdParams, body: agencyPatch, response: { 200: agencyView } } }, async (request) =>
      agencies.updateAgency(ctx, requireStaff(request).actor, request.params.id, request.body),
    );
  };
}
