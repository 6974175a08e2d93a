import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorFor, type Actor } from '../../platform/access/access.ts';
import { BACKGROUND_HEADER, findLiveSession, SESSION_COOKIE, type IssuedSession, type LiveSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staffSession: LiveSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie once per API request, enforces CSRF (a signed-in write must carry the session's
 * token in X-CSRF-Token, on top of the SameSite=Strict cookie), and closes every /api/ route to anyone
 * without a finished sign-in unless the route declares `config: { public: true }`. This runs before the
 * body is validated, so an unknown caller learns nothing of a route's input either. Per-permission checks
 * stay in each service.
 */
export function installSessionHandling(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staffSession', null);
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession(ctx, token, { background: request.headers[BACKGROUND_HEADER] === '1' }) : null;
    request.staffSession = session;
    if (session && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const ok = typeof sent === 'string' && sent.length === session.csrfToken.length && timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrfToken));
      if (!ok) throw new AppError('csrf_failed', 'This request is missing its security token. Reload the page and try again.');
    }
    // No route matched: the not-found answer says nothing about any record.
    if (request.is404 || request.routeOptions.config.public === true) return;
    requireStaff(request);
  });
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, session: IssuedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.cookieSecure,
    path: '/',
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: ctx.config.cookieSecure, path: '/' });
}

/** A session at any stage (for the MFA steps). */
export function requireSession(request: FastifyRequest): LiveSession {
  if (!request.staffSession) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.staffSession;
}

/** A fully signed-in staff member, with both factors: the only way into staff data. */
export function requireStaff(request: FastifyRequest): { session: LiveSession; actor: Actor } {
  const session = requireSession(request);
  if (session.mfaState !== 'complete') throw new AppError('mfa_required', 'Finish signing in with your authenticator code.');
  return { session, actor: actorFor(session.user) };
}
