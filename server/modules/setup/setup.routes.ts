import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { passwordField } from '../auth/auth.schema.ts';
import * as setup from './setup.service.ts';

const token = z.string().min(20, 'This link is incomplete. Copy the whole link.').max(200);

export function setupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['setup'];
    // Reached before anyone has an account, or by a person holding a one-time link: no session yet.
    const limited = { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } };

    app.get('/setup/status', { config: { public: true }, schema: { tags, response: { 200: z.object({ needsSetup: z.boolean() }) } } }, async () => ({ needsSetup: await setup.needsSetup(ctx) }));

    app.post(
      '/setup',
      {
        config: limited,
        schema: {
          tags,
          body: z.object({
            token,
            agencyName: z.string().trim().min(2, 'Enter the task force’s name.').max(200),
            displayName: z.string().trim().min(1, 'Enter your name.').max(120),
            email: z.email('Enter a valid email address.').max(254),
            password: passwordField,
          }),
          response: { 201: z.object({ userId: z.uuid() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await setup.completeSetup(ctx, request.body)),
    );

    app.post(
      '/activate',
      { config: limited, schema: { tags, body: z.object({ token, password: passwordField }), response: { 200: z.object({ email: z.string() }) } } },
      async (request) => {
        const session = request.staffSession;
        return setup.activateAccount(ctx, request.body, session ? { userId: session.user.id, agencyId: session.user.agencyId } : null);
      },
    );
  };
}
