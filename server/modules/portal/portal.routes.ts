import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/crypto/tokens.ts';
import { FailureLimiter } from '../../platform/http/failure-limiter.ts';
import { submitReport } from '../tips/tips.intake.ts';
import { replyAsReporter, viewAsReporter } from '../tips/tips.followup.ts';
import { chooseLocale, translator } from './i18n.ts';
import type { PageContext } from './layout.ts';
import { MULTIPART_LIMITS, readForm, type PortalForm } from './form-body.ts';
import { UploadAdmission, type NotKept } from './upload-admission.ts';
import { parseReportForm, type FormValues } from './report-form.ts';
import { homePage } from './pages/home.ts';
import { errorPage, helpPage, privacyPage } from './pages/info.ts';
import { reportPage } from './pages/report.ts';
import { submittedPage } from './pages/submitted.ts';
import { followUpPage, reporterThreadPage } from './pages/follow-up.ts';
import { safePlacesPage } from './pages/safe-places.ts';
import { findForVisitor } from '../safe-places/safe-places.finder.ts';
import { contentSecurityPolicyWith, tileImageSource } from '../../platform/http/security-headers.ts';

/** A file problem in the visitor's language (the services speak English). */
function fileProblem(page: PageContext, error: AppError): string {
  if (error.code === 'unsupported_media_type') return page.t(/read|damaged|password|empty|no image/i.test(error.message) ? 'report.files.unreadable' : 'report.files.badType');
  if (error.code === 'payload_too_large') return page.t('report.files.tooLarge');
  if (/at most \d+ files/.test(error.message)) return page.t('report.files.tooMany');
  return error.message;
}

/** Validation problems in the visitor's language, by the field they concern. */
function translateProblems(page: PageContext, problems: Array<{ path: string; message: string }>) {
  const keyFor = (p: { path: string; message: string }) =>
    p.path === 'concern' ? 'report.errors.concern' :
    p.path === 'zip' ? 'report.errors.zip' :
    p.path === 'occurred_on' ? 'report.errors.date' :
    /_age$/.test(p.path) ? 'report.errors.age' :
    p.path === 'v1_state' || p.path === 'v2_state' ? 'report.errors.state' :
    /characters|too big|too long/i.test(p.message) ? 'report.errors.tooLong' : 'report.errors.invalid';
  return problems.map((p) => ({ path: p.path, message: page.t(keyFor(p)) }));
}

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/portal');
const CAMPAIGN = /^[A-Za-z0-9_-]{1,32}$/;

/** The portal's "page not found", in the visitor's language. */
export function portalNotFound(ctx: AppContext) {
  return (request: FastifyRequest): string => errorPage(pageContext(ctx, request), 'notFound');
}

/** Language from the form, the URL or the browser; the campaign code carried along; the deployment's numbers. */
function pageContext(ctx: AppContext, request: FastifyRequest, values: FormValues = {}): PageContext {
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  const locale = chooseLocale(values.lang ?? query.lang, request.headers['accept-language']);
  const code = values.c ?? query.c;
  return { locale, t: translator(locale), config: ctx.config, campaign: code && CAMPAIGN.test(code) ? code.toUpperCase() : null, path: request.routeOptions.url ?? '' };
}

/** The public portal: server-rendered pages that need no account, no cookie and no script. */
export async function portalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Per client only (request.ip is the real client behind a trusted proxy): nobody's guesses lock anyone else out.
  const receiptFailures = new FailureLimiter({ perClient: 10, windowMs: 15 * 60_000 });
  const admission = new UploadAdmission(ctx.config);
  await app.register(async (portal) => {
    // The public's text is cleaned rather than refused: a report pasted from a broken app must still be received (decision 016).
    portal.addHook('onRoute', (route) => {
      route.config = { ...route.config, unstorableText: 'clean' };
    });
    await portal.register(formbody, { bodyLimit: 256 * 1024 });
    await portal.register(multipart, { limits: MULTIPART_LIMITS });
    await portal.register(fastifyStatic, { root: ASSETS, prefix: '/portal/', allowedPath: (p) => /^\/(portal|safe-places)\.(css|js)$/.test(p), decorateReply: false, cacheControl: true, maxAge: '1h' });

    const pageFor = (request: FastifyRequest, values: FormValues = {}) => pageContext(ctx, request, values);
    const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);

    portal.setErrorHandler((error, request, reply) => {
      const page = pageFor(request);
      // A form past the size limits (url-encoded past its cap, say) is the visitor's to fix, not a server fault.
      if ((error as { statusCode?: number }).statusCode === 413) return send(reply, errorPage(page, 'tooLarge'), 413);
      if (error instanceof AppError && error.status < 500) return send(reply, errorPage(page, 'error'), error.status);
      // Fastify's and its plugins' refusals of a malformed request (a file path with a NUL or climbing out of
      // the folder, a form that cannot be read) carry their 4xx status: they are the visitor's, not ours.
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) return send(reply, errorPage(page, status === 404 ? 'notFound' : 'error'), status);
      request.log.error({ err: error, route: request.routeOptions.url }, 'portal error');
      return send(reply, errorPage(page, 'error'), 500);
    });

    portal.get('/', { schema: { hide: true } }, async (request, reply) => send(reply, homePage(pageFor(request))));
    portal.get('/get-help', { schema: { hide: true } }, async (request, reply) => send(reply, helpPage(pageFor(request))));
    portal.get('/privacy', { schema: { hide: true } }, async (request, reply) => send(reply, privacyPage(pageFor(request))));

    // The finder: what was searched (ZIP code, city, coordinates) is never logged or stored (decision 008).
    // Every field is cut to size rather than refused, so any address answers with the finder, never an error page.
    const bounded = (max: number) => z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? (v[0] ?? '') : v).slice(0, max)).optional();
    const finderQuery = z.object({ q: bounded(200), lat: bounded(40), lng: bounded(40), all: bounded(5), more: bounded(5), print: bounded(5), lang: bounded(5), c: bounded(40) });
    const portalTiles = ctx.config.portalMapTileUrl ? tileImageSource(ctx.config.portalMapTileUrl) : null;
    portal.get('/safe-places', { schema: { hide: true, querystring: finderQuery } }, async (request, reply) => {
      const query = request.query as z.infer<typeof finderQuery>;
      const flags = { all: query.all === '1', more: query.more === '1', print: query.print === '1' };
      const result = await findForVisitor(ctx, { q: query.q, lat: query.lat, lng: query.lng, ...flags });
      const page = safePlacesPage(pageFor(request), result, {
        ...flags,
        now: ctx.now(),
        mapTileUrl: portalTiles ? ctx.config.portalMapTileUrl : null,
        mapAttribution: ctx.config.portalMapTileAttribution,
        smsNumber: ctx.config.safePlacesSmsNumber,
      });
      if (portalTiles) reply.header('Content-Security-Policy', contentSecurityPolicyWith([portalTiles]));
      return send(reply, page, result.kind === 'not_found' ? 404 : result.kind === 'bad_point' ? 400 : 200);
    });
    portal.get('/report', { schema: { hide: true } }, async (request, reply) => send(reply, reportPage(pageFor(request), { submissionId: randomToken(16) })));

    portal.post('/report', { schema: { hide: true } }, async (request, reply) => {
      let form: PortalForm;
      try {
        form = await readForm(request);
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        const page = pageFor(request);
        return send(reply, reportPage(page, { submissionId: randomToken(16), problems: [{ path: 'files', message: fileProblem(page, error) }] }), error.status);
      }
      try {
        return await takeReport(request, reply, form);
      } finally {
        await form.discard();
      }
    });

    const takeReport = async (request: FastifyRequest, reply: FastifyReply, form: PortalForm) => {
      const page = pageFor(request, form.values);
      // A filled honeypot means a bot: thank it and keep nothing.
      if (form.values.website) return send(reply, submittedPage(page, { receipt: null, duplicate: false, urgent: false }));
      const submissionId = /^[A-Za-z0-9_-]{16,64}$/.test(form.values.sid ?? '') ? form.values.sid! : randomToken(16);
      const parsed = parseReportForm(form.values, page.locale);
      if ('problems' in parsed) return send(reply, reportPage(page, { submissionId, values: form.values, problems: translateProblems(page, parsed.problems) }), 400);
      if (!admission.takeReport(request.ip)) {
        return send(reply, reportPage(page, { submissionId, values: form.values, problems: [{ path: 'narrative', message: page.t('report.errors.tooMany', { number: ctx.config.emergencyNumber }) }] }), 429);
      }
      // The words are always taken; files only while there is room (decision 013).
      const { kept, notKept } = await admitAll(request, form);
      try {
        const result = await submitReport(ctx, { submissionId, report: parsed.report, files: kept });
        return send(reply, submittedPage(page, { receipt: result.receipt, duplicate: result.duplicate, urgent: parsed.report.immediateDanger, cleaned: form.cleaned, notKept }));
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return send(reply, reportPage(page, { submissionId, values: form.values, problems: [{ path: 'files', message: fileProblem(page, error) }] }), error.status);
      }
    };

    const admitAll = async (request: FastifyRequest, form: PortalForm): Promise<{ kept: PortalForm['files']; notKept: NotKept[] }> => {
      const { kept, notKept } = await admission.admitFiles(request.ip, form.files);
      return { kept, notKept: [...form.unwritten.map((name) => ({ name, reason: 'disk' as const })), ...notKept] };
    };

    portal.get('/follow-up', { schema: { hide: true } }, async (request, reply) => send(reply, followUpPage(pageFor(request))));

    portal.post('/follow-up', { schema: { hide: true } }, async (request, reply) => {
      const { values } = await readForm(request);
      const page = pageFor(request, values);
      if (receiptFailures.isBlocked(request.ip)) return send(reply, followUpPage(page, { problem: page.t('followUp.limited') }), 429);
      const view = await viewAsReporter(ctx, values.receipt ?? '');
      if (!view) {
        receiptFailures.recordFailure(request.ip);
        return send(reply, followUpPage(page, { problem: page.t('followUp.notFound'), receipt: values.receipt ?? '' }), 404);
      }
      return send(reply, reporterThreadPage(page, view));
    });

    portal.post('/follow-up/reply', { schema: { hide: true } }, async (request, reply) => {
      const form = await readForm(request);
      try {
        return await takeReply(request, reply, form);
      } finally {
        await form.discard();
      }
    });

    const takeReply = async (request: FastifyRequest, reply: FastifyReply, form: PortalForm) => {
      const { values } = form;
      const page = pageFor(request, values);
      if (receiptFailures.isBlocked(request.ip)) return send(reply, followUpPage(page, { problem: page.t('followUp.limited') }), 429);
      let problem: string | undefined;
      const { kept, notKept } = await admitAll(request, form);
      try {
        await replyAsReporter(ctx, { receipt: values.receipt ?? '', body: values.message ?? '', files: kept });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        if (error.code === 'not_found') {
          receiptFailures.recordFailure(request.ip);
          return send(reply, followUpPage(page, { problem: page.t('followUp.notFound') }), 404);
        }
        const aboutMessage = error.fields?.some((f) => f.path === 'body.message');
        problem = aboutMessage ? page.t(/under/.test(error.message) ? 'followUp.tooLong' : 'followUp.empty') : fileProblem(page, error);
      }
      const view = await viewAsReporter(ctx, values.receipt ?? '');
      return send(reply, reporterThreadPage(page, view!, problem ? { problem } : { sent: true, notKept }), problem ? 400 : 200);
    };
  });
}
