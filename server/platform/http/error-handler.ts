import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorStatus, type ErrorCode, type FieldProblem } from '../errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldProblem[] };
}

function body(code: ErrorCode, message: string, fields?: FieldProblem[]): ErrorBody {
  return { error: fields?.length ? { code, message, fields } : { code, message } };
}

/**
 * Maps every failure to the one JSON error shape. Unknown errors answer 500 without details. A browser asking
 * for a page that does not exist gets the portal's HTML page instead, when one is given.
 */
export function installErrorHandling(app: FastifyInstance, htmlNotFound?: (request: FastifyRequest) => string): void {
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && htmlNotFound) return reply.code(404).type('text/html; charset=utf-8').send(htmlNotFound(request));
    return reply.code(404).send(body('route_not_found', `There is no ${request.method} ${request.url.split('?')[0]} here.`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is not valid',
      }));
      return reply.code(400).send(body('validation_failed', 'Some fields need fixing before this can be saved.', fields));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message }, route: request.routeOptions.url }, 'response did not match its schema');
      return reply.code(500).send(body('internal', 'Something went wrong on our side. Nothing was shown that should not be.'));
    }
    const known = mapFastifyError(error);
    if (known) return reply.code(errorStatus[known.code]).send(body(known.code, known.message));
    // Name, code and stack only: a database error also carries the query's parameters (PGlite) or the
    // offending row's values (`detail`), which are what people typed.
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack }, route: request.routeOptions.url }, 'unhandled error');
    return reply.code(500).send(body('internal', 'Something went wrong on our side. Please try again.'));
  });
}

function mapFastifyError(error: FastifyError): { code: ErrorCode; message: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid_json', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: 'The request is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'unsupported_media_type', message: 'Send this request as application/json.' };
    case 'FST_ERR_VALIDATION':
      return { code: 'validation_failed', message: error.message };
    // PostgreSQL's unique_violation: a unique index caught what a service's check could not see, the same
    // name or email saved by someone else at the same moment.
    case '23505':
      return { code: 'conflict', message: 'Something with these details was saved at the same moment. Reload and check before trying again.' };
    // character_not_in_repertoire: text PostgreSQL cannot store, such as a NUL character.
    // untranslatable_character: a NUL or a lone surrogate escaped in JSON for a jsonb column. The text guard
    // (text-guard.ts) refuses these before any route runs; this is what is left if one slips past it.
    case '22021':
    case '22P05':
      return { code: 'bad_request', message: 'The request contains a character that cannot be stored, such as a NUL character.' };
  }
  if (error.statusCode === 429) return { code: 'rate_limited', message: 'Too many requests. Wait a minute and try again.' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'bad_request', message: 'The request could not be understood.' };
  }
  return null;
}
