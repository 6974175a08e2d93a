import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { refusedRead } from '../../platform/errors.ts';
import { requireStaff } from '../auth/auth.http.ts';

const notificationView = z.object({ id: z.uuid(), kind: z.string(), entityType: z.string(), entityId: z.string(), data: z.record(z.string(), z.unknown()), createdAt: z.string(), read: z.boolean() });

/** Each person's own notifications (urgent tips waiting, and later deconfliction hits). */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get('/notifications', { schema: { tags, querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ notifications: z.array(notificationView) }) } } }, async (request) => {
      const { actor } = requireStaff(request);
      let q = ctx.db.selectFrom('notifications').select(['id', 'kind', 'entity_type', 'entity_id', 'data', 'created_at', 'read_at']).where('user_id', '=', actor.userId);
      if (request.query.unread === 'true') q = q.where('read_at', 'is', null);
      const rows = await q.orderBy('created_at', 'desc').limit(100).execute();
      return { notifications: rows.map((r) => ({ id: r.id, kind: r.kind, entityType: r.entity_type, entityId: r.entity_id, data: r.data, createdAt: r.created_at.toISOString(), read: r.read_at !== null })) };
    });

    app.post('/notifications/:id/read', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null() } } }, async (request, reply) => {
      const { actor } = requireStaff(request);
      const result = await ctx.db.updateTable('notifications').set({ read_at: ctx.now() }).where('id', '=', request.params.id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw refusedRead('The notification', 'notification', request.params.id);
      return reply.code(204).send(null);
    });
  };
}
