import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { permissionsForRoles } from '../../platform/access/permissions.ts';
import { clientLabel } from '../../platform/http/client-label.ts';
import * as auth from './auth.service.ts';
import * as profile from './profile.service.ts';
import { clearSessionCookie, requireSession, requireStaff, setSessionCookie } from './auth.http.ts';
import { findLiveSession, type LiveSession } from './sessions.ts';
import * as s from './auth.schema.ts';

function presentSession(session: LiveSession): z.infer<typeof s.sessionView> {
  const u = session.user;
  return {
    mfa: session.mfaState,
    csrfToken: session.csrfToken,
    user: { id: u.id, email: u.email, displayName: u.displayName, locale: u.locale, agency: { id: u.agencyId, name: u.agencyName, type: u.agencyType }, roles: u.roles, permissions: permissionsForRoles(u.roles) },
  };
}

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    // Signing in and its steps: before the second factor, each step checks the session stage it needs itself.
    const signInStep = { public: true } as const;
    const limitedStep = { ...signInStep, rateLimit: { max: 20, timeWindow: '1 minute' } };

    app.post('/auth/login', { schema: { tags, body: s.loginInput, response: { 200: s.nextStep } }, config: limitedStep }, async (request, reply) => {
      const issued = await auth.signInWithPassword(ctx, request.body, { label: clientLabel(request.ip) });
      setSessionCookie(ctx, reply, issued);
      return { next: issued.next, csrfToken: issued.csrfToken };
    });

    app.get('/auth/mfa/enrollment', { config: signInStep, schema: { tags, response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }) } } }, async (request) =>
      auth.startMfaEnrollment(ctx, requireSession(request)),
    );

    app.post('/auth/mfa/enroll', { config: signInStep, schema: { tags, body: s.codeInput, response: { 200: s.recoveryCodesView.extend({ csrfToken: z.string() }) } } }, async (request, reply) => {
      const result = await auth.completeMfaEnrollment(ctx, requireSession(request), request.body.code, { label: clientLabel(request.ip) });
      setSessionCookie(ctx, reply, result);
      return { recoveryCodes: result.recoveryCodes, csrfToken: result.csrfToken };
    });

    app.post('/auth/mfa/verify', { schema: { tags, body: s.verifyInput, response: { 200: z.object({ csrfToken: z.string() }) } }, config: limitedStep }, async (request, reply) => {
      const renewed = await auth.verifyMfa(ctx, requireSession(request), request.body, { label: clientLabel(request.ip) });
      setSessionCookie(ctx, reply, renewed);
      return { csrfToken: renewed.csrfToken };
    });

    app.get('/auth/session', { config: signInStep, schema: { tags, response: { 200: s.sessionView } } }, async (request) => presentSession(requireSession(request)));

    app.post('/auth/logout', { config: signInStep, schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
      if (request.staffSession) await auth.signOut(ctx, request.staffSession);
      clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    });

    app.patch('/me', { schema: { tags: ['profile'], body: s.profilePatch, response: { 200: s.sessionView.shape.user } } }, async (request) => {
      const { session } = requireStaff(request);
      await profile.updateProfile(ctx, session, request.body);
      const fresh = await findLiveSession(ctx, request.cookies.haven_session ?? '');
      return presentSession(fresh ?? session).user;
    });

    app.post('/me/password', { schema: { tags: ['profile'], body: s.passwordChange, response: { 204: z.null() } } }, async (request, reply) => {
      await profile.changePassword(ctx, requireStaff(request).session, request.body);
      return reply.code(204).send(null);
    });

    app.post('/me/mfa/reset', { schema: { tags: ['profile'], body: s.passwordConfirm, response: { 200: z.object({ next: z.literal('enroll') }) } } }, async (request) => {
      await profile.resetOwnMfa(ctx, requireStaff(request).session, request.body);
      return { next: 'enroll' as const };
    });

    app.post('/me/recovery-codes', { schema: { tags: ['profile'], body: s.passwordConfirm, response: { 200: s.recoveryCodesView } } }, async (request) => ({
      recoveryCodes: await profile.regenerateRecoveryCodes(ctx, requireStaff(request).session, request.body),
    }));
  };
}
