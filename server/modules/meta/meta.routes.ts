import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { AGENCY_TYPES } from '../../../common/access/agencies.ts';
import { ROLE_AGENCY_TYPES, ROLES } from '../../../common/access/roles.ts';

export function metaRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meta',
      {
        schema: {
          tags: ['meta'],
          response: { 200: z.object({ agencyTypes: z.array(z.enum(AGENCY_TYPES)), roles: z.array(z.enum(ROLES)), roleAgencyTypes: z.record(z.string(), z.array(z.enum(AGENCY_TYPES))) }) },
        },
      },
      async (request) => {
        requireStaff(request);
        return { agencyTypes: [...AGENCY_TYPES], roles: [...ROLES], roleAgencyTypes: ROLE_AGENCY_TYPES as Record<string, (typeof AGENCY_TYPES)[number][]> };
      },
    );
  };
}
