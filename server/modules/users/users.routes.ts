import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as users from './users.service.ts';
import { userCreateInput, userDetailView, userIdParams, userListQuery, userPatch, userView } from './users.schema.ts';

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['users'];
    const byId = { tags, params: userIdParams };

    app.get('/users', { schema: { tags, querystring: userListQuery, response: { 200: z.object({ users: z.array(userView) }) } } }, async (request) => ({
      users: await users.listUsers(ctx, requireStaff(request).actor, request.query),
    }));

    app.post('/users', { schema: { tags, body: userCreateInput, response: { 201: z.object({ user: userView, activationUrl: z.string() }) } } }, async (request, reply) =>
      reply.code(201).send(await users.createUser(ctx, requireStaff(request).actor, request.body)),
    );

    app.get('/users/:id', { schema: { ...byId, response: { 200: userDetailView } } }, async (request) => users.getUser(ctx, requireStaff(request).actor, request.params.id));

    app.patch('/users/:id', { schema: { ...byId, body: userPatch, response: { 200: userView } } }, async (request) =>
      users.updateUser(ctx, requireStaff(request).actor, request.params.id, request.body),
    );

    app.post('/users/:id/unlock', { schema: { ...byId, response: { 200: userView } } }, async (request) => users.unlockUser(ctx, requireStaff(request).actor, request.params.id));

    app.post('/users/:id/reset-mfa', { schema: { ...byId, response: { 200: userView } } }, async (request) => users.resetUserMfa(ctx, requireStaff(request).actor, request.params.id));

    app.post('/users/:id/end-sessions', { schema: { ...byId, response: { 200: z.object({ ended: z.number() }) } } }, async (request) => ({
      ended: await users.endSessionsOf(ctx, requireStaff(request).actor, request.params.id),
    }));

    app.post('/users/:id/activation-link', { schema: { ...byId, response: { 200: z.object({ activationUrl: z.string() }) } } }, async (request) => ({
      activationUrl: await users.reissueActivationLink(ctx, requireStaff(request).actor, request.params.id),
    }));
  };
}
