import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import formbody from '@fastify/formbody';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { FailureLimiter } from '../../platform/http/failure-limiter.ts';
import { answerText, limitedReply, type TextReply } from './sms.reply.ts';
import { isValidTwilioSignature, twimlMessage } from './twilio.ts';

const BODY_LIMIT = 64 * 1024;
const text = z.string().max(BODY_LIMIT);
const sender = z.string().max(64).optional();

/** JSON or a form with `body` (or Twilio-style `Body`) and an optional `from`; or the message as text/plain. */
const inboundBody = z.union([text, z.object({ body: text.optional(), Body: text.optional(), from: sender, From: sender }).loose()]);
/** Twilio posts Body, From and a dozen more fields, all signed. */
const twilioBody = z.object({ Body: text.optional(), From: sender }).catchall(z.union([z.string(), z.array(z.string())]));

/**
 * Text lookup of Safe Places: a generic inbound endpoint answering plain text, and Twilio's webhook answering
 * TwiML. Public (a person texting has no account). The sender's number is used only to slow down a flood,
 * through a keyed hash held in memory; it is never stored or logged, and neither is the message.
 */
export function smsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A text from a broken phone is cleaned, not refused: the person still gets an answer (decision 016).
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, unstorableText: 'clean' };
    });
    await app.register(formbody, { bodyLimit: BODY_LIMIT });
    // 20 messages per number per 10 minutes; the overall ceiling only guards the database against a flood.
    const perSender = new FailureLimiter({ perClient: 20, windowMs: 10 * 60_000 });
    const tags = ['sms'];

    const replyFor = async (request: FastifyRequest, from: string | undefined, body: string): Promise<TextReply> => {
      const client = from ? `sms:${from.replace(/\D/g, '')}` : `ip:${request.ip}`;
      perSender.recordFailure(client);
      if (perSender.isBlocked(client)) return limitedReply(ctx.config);
      return answerText(ctx, body);
    };
    const asText = (reply: FastifyReply, answer: TextReply, status = 200) => reply.code(status).type('text/plain; charset=utf-8').header('Content-Language', answer.locale).send(answer.text);
    const asTwiml = (reply: FastifyReply, answer: TextReply, status = 200) => reply.code(status).type('text/xml; charset=utf-8').send(twimlMessage(answer.text));

    // Whatever goes wrong with a request (too large, unreadable, wrong type), the sender gets a usable reply in
    // the format the endpoint speaks, not an error page.
    app.setErrorHandler(async (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      const clientError = status !== undefined && status >= 400 && status < 500;
      if (!clientError) request.log.error({ err: { type: (error as Error).name, message: (error as Error).message }, route: request.routeOptions.url }, 'sms error');
      const answer = await answerText(ctx, '').catch(() => ({ text: `In danger? Call ${ctx.config.emergencyNumber}.`, locale: 'en' as const }));
      const code = clientError ? status : 500;
      return request.routeOptions.url?.endsWith('/twilio') ? asTwiml(reply, answer, code) : asText(reply, answer, code);
    });

    app.post(
      '/sms/inbound',
      { bodyLimit: BODY_LIMIT, config: { public: true }, schema: { tags, summary: 'Answers a text message ("SAFE 77002") in plain text', body: inboundBody } },
      async (request, reply) => {
        const input = request.body;
        const message = typeof input === 'string' ? input : (input.body ?? input.Body ?? '');
        const from = typeof input === 'string' ? undefined : (input.from ?? input.From);
        return asText(reply, await replyFor(request, from, message));
      },
    );

    app.post(
      '/sms/twilio',
      { bodyLimit: BODY_LIMIT, config: { public: true }, schema: { tags, summary: "Twilio's messaging webhook: answers TwiML", body: twilioBody } },
      async (request, reply) => {
        const token = ctx.config.twilioAuthToken;
        if (token) {
          const url = `${ctx.config.publicUrl}${request.url}`;
          const signature = request.headers['x-twilio-signature'];
          if (!isValidTwilioSignature(token, url, request.body as Record<string, string | string[]>, typeof signature === 'string' ? signature : undefined)) {
            return reply.code(403).type('text/plain; charset=utf-8').send('The X-Twilio-Signature header is missing or does not match. Check TWILIO_AUTH_TOKEN and that the webhook URL is PUBLIC_URL/api/sms/twilio.');
          }
        }
        return asTwiml(reply, await replyFor(request, request.body.From, request.body.Body ?? ''));
      },
    );
  };
}
