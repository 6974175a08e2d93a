import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as safePlaces from './safe-places.service.ts';
import { safePlaceIdParams, safePlaceInput, safePlaceListQuery, safePlacePatch, safePlaceView } from './safe-places.schema.ts';

/** Staff management of Safe Places. The public finds them at /safe-places (portal) and by text (sms module). */
export function safePlaceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['safe places'];

    app.get('/safe-places', { schema: { tags, querystring: safePlaceListQuery, response: { 200: z.object({ safePlaces: z.array(safePlaceView) }) } } }, async (request) => ({
      safePlaces: await safePlaces.listSafePlaces(ctx, requireStaff(request).actor, request.query),
    }));

    app.post('/safe-places', { schema: { tags, body: safePlaceInput, response: { 201: safePlaceView } } }, async (request, reply) =>
      reply.code(201).send(await safePlaces.createSafePlace(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/safe-places/:id', { schema: { tags, params: safePlaceIdParams, response: { 200: safePlaceView } } }, async (request) =>
      safePlaces.getSafePlace(ctx, requireStaff(request).actor, request.params.id),
    );

    app.patch('/safe-places/:id', { schema: { tags, params: safePlaceIdParams, body: safePlacePatch, response: { 200: safePlaceView } } }, async (request) =>
      safePlaces.updateSafePlace(ctx, requireStaff(request).actor, request.params.id, request.body),
    );
  };
}
