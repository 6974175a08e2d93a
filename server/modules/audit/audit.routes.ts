import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { searchAudit } from './audit.service.ts';
import { auditEntryView, auditQuery } from './audit.schema.ts';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      { schema: { tags: ['audit'], querystring: auditQuery, response: { 200: z.object({ entries: z.array(auditEntryView), nextBefore: z.number().nullable() }) } } },
      async (request) => searchAudit(ctx, requireStaff(request).actor, request.query),
    );
  };
}
