import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import * as referrals from './referrals.service.ts';
import * as s from './referrals.schema.ts';

export function referralRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['referrals'];
    const one = { 200: s.referralSummaryView };

    app.post('/survivors/:id/referrals', { schema: { tags, params: s.survivorIdParams, body: s.referralInput, response: { 201: s.referralSummaryView } } }, async (request, reply) =>
      reply.code(201).send(await referrals.createReferral(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );
    app.get('/referrals', { schema: { tags, querystring: s.referralListQuery, response: { 200: z.object({ referrals: z.array(s.referralSummaryView) }) } } }, async (request) => ({
      referrals: await referrals.listReferrals(ctx, requireStaff(request).actor, request.query),
    }));
    app.get('/referrals/:id', { schema: { tags, params: s.referralParams, response: { 200: s.referralDetailView } } }, async (request) => referrals.getReferral(ctx, requireStaff(request).actor, request.params.id));
    for (const move of ['send', 'withdraw', 'accept'] as const) {
      app.post(`/referrals/:id/${move}`, { schema: { tags, params: s.referralParams, response: one } }, async (request) => referrals.moveReferral(ctx, requireStaff(request).actor, request.params.id, move));
    }
    app.post('/referrals/:id/decline', { schema: { tags, params: s.referralParams, body: s.declineInput, response: one } }, async (request) =>
      referrals.moveReferral(ctx, requireStaff(request).actor, request.params.id, 'decline', { reason: request.body.reason }),
    );
    app.post('/referrals/:id/complete', { schema: { tags, params: s.referralParams, body: s.completeInput, response: one } }, async (request) =>
      referrals.moveReferral(ctx, requireStaff(request).actor, request.params.id, 'complete', { outcome: request.body.outcome }),
    );
  };
}
