import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../context.ts';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const view = z.object({ status: z.enum(['ok', 'degraded']), database: z.object({ kind: z.enum(['postgres', 'pglite']), ok: z.boolean() }) });
    app.get('/healthz', { schema: { tags: ['operations'], response: { 200: view, 503: view } } }, async (_request, reply) => {
      const ok = await sql`select 1`.execute(ctx.db).then(() => true, () => false);
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { kind: ctx.dbKind, ok } });
    });
  };
}
