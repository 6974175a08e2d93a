import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.ts';
import { installErrorHandling } from './platform/http/error-handler.ts';
import { installSecurityHeaders, tileImageSource } from './platform/http/security-headers.ts';
import { installRequestLog } from './platform/http/request-log.ts';
import { installDenialAudit } from './platform/http/denial-audit.ts';
import { healthRoutes } from './platform/http/health.ts';
import { installStaffApp } from './platform/http/staff-app.ts';
import { installTextGuard } from './platform/http/text-guard.ts';
import { installSessionHandling } from './modules/auth/auth.http.ts';
import { installRouteRegistry, markRoutesPublic } from './platform/access/routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { metaRoutes } from './modules/meta/meta.routes.ts';
import { portalNotFound, portalRoutes } from './modules/portal/portal.routes.ts';
import { tipRoutes } from './modules/tips/tips.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { geoRoutes } from './modules/geo/geo.routes.ts';
import { safePlaceRoutes } from './modules/safe-places/safe-places.routes.ts';
import { smsRoutes } from './modules/sms/sms.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { entityRoutes } from './modules/entities/entities.routes.ts';
import { deconflictionRoutes } from './modules/deconfliction/deconfliction.routes.ts';
import { survivorRoutes } from './modules/survivors/survivors.routes.ts';
import { consentRoutes } from './modules/consents/consents.routes.ts';
import { referralRoutes } from './modules/referrals/referrals.routes.ts';

/**
 * Fastify's own hop count trusts nobody (it fails closed), so a count is given as the classic rule: the
 * connecting peer and the next n-1 addresses to its left in X-Forwarded-For are proxies.
 */
function trustedProxies(setting: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/**
 * Builds the HTTP application around an opened Haven context. Listening is the caller's business.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // Our own one-line request log (request-log.ts) replaces Fastify's, which would include the client address.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy every visitor would be the proxy: per-client limits key on the address the
    // trusted proxy reports (TRUST_PROXY), and only the proxies named there may report it.
    trustProxy: trustedProxies(ctx.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRouteRegistry(app);

  installErrorHandling(app, portalNotFound(ctx));
  installSecurityHeaders(app, { publicUrl: ctx.config.publicUrl });
  installRequestLog(app);
  installDenialAudit(app, ctx);
  installTextGuard(app);
  await app.register(cookie);
  // Counters live in this process's memory only and are keyed by address only while a window is open:
  // nothing about a client is written anywhere.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Haven API', version: '0.1.0', description: 'The task-force platform API. Errors: { error: { code, message, fields? } }.' } },
    transform: jsonSchemaTransform,
  });
  // The API's description is public, like the source it describes.
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The docs page brings its own policy (hashes of its scripts), which lets same-origin pages frame it; no page may be framed.
      transformStaticCSP: (header) => header.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'"),
    });
  });
  installSessionHandling(app, ctx);

  await app.register(healthRoutes(ctx));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const routes of [setupRoutes, authRoutes, agencyRoutes, userRoutes, auditRoutes, metaRoutes, tipRoutes, notificationRoutes, geoRoutes, safePlaceRoutes, smsRoutes, directoryRoutes, caseRoutes, entityRoutes, deconflictionRoutes, survivorRoutes, consentRoutes, referralRoutes]) {
    await app.register(routes(ctx), { prefix: '/api' });
  }
  // The staff map's tile server may serve images to the staff app, and to nothing else.
  const tileSource = ctx.config.mapTileUrl ? tileImageSource(ctx.config.mapTileUrl) : null;
  await installStaffApp(app, { imageSources: tileSource ? [tileSource] : [] });
  await portalRoutes(app, ctx);
  return app;
}
