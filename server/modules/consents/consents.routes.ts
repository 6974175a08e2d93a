import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { consentView, disclosureView, survivorIdParams } from '../survivors/survivors.schema.ts';
import { recordConsent, revokeConsent } from './consents.service.ts';
import { decideDisclosure, requestDisclosure } from './disclosures.service.ts';
import { renderConsentForm } from './consent-form.ts';
import * as s from './consents.schema.ts';

export function consentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['consents'];

    app.post('/survivors/:id/consents', { schema: { tags, params: survivorIdParams, body: s.consentInput, response: { 201: consentView } } }, async (request, reply) =>
      reply.code(201).send(await recordConsent(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.post('/survivors/:id/consents/:consentId/revoke', { schema: { tags, params: s.consentParams, body: s.revokeInput, response: { 200: consentView } } }, async (request) =>
      revokeConsent(ctx, requireStaff(request).actor, request.params.id, request.params.consentId, request.body.note),
    );

    app.get('/survivors/:id/consents/:consentId/form', { schema: { tags, params: s.consentParams, querystring: s.formQuery } }, async (request, reply) => {
      const page = await renderConsentForm(ctx, requireStaff(request).actor, request.params.id, request.params.consentId, request.query.lang);
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .send(page);
    });

    app.post('/survivors/:id/disclosures', { schema: { tags, params: survivorIdParams, body: s.disclosureInput, response: { 201: disclosureView } } }, async (request, reply) =>
      reply.code(201).send(await requestDisclosure(ctx, requireStaff(request).actor, request.params.id, request.body)),
    );

    app.post('/survivors/:id/disclosures/:disclosureId/decide', { schema: { tags, params: s.disclosureParams, body: s.decisionInput, response: { 200: disclosureView } } }, async (request) =>
      decideDisclosure(ctx, requireStaff(request).actor, request.params.id, request.params.disclosureId, request.body),
    );
  };
}
