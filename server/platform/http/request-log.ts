import type { FastifyInstance } from 'fastify';

/**
 * One log line per request: method, route pattern, status, duration. Never the client's IP address, user
 * agent, query string or body: the people who report tips and the survivors we serve must not be
 * traceable through our logs.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
