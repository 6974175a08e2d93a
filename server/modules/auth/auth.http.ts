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
 * Resolves the session cookie once per API request and enforces CSRF: a signed-in write must carry the
 * session's token in X-CSRF-Token (on top of the SameSite=Strict cookie).
 */
export function installSessionHandling(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staffSession', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findLiveSession(ctx, token, { background: request.headers[BACKGROUND_HEADER] === '1' });
    request.staffSession = session;
    if (session && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const ok = typeof sent === 'string' && sent.length === session.csrfToken.length && timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrfToken));
      if (!ok) throw new AppError('csrf_failed', 'This request is missing its security token. Reload the page and try again.');
    }
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
