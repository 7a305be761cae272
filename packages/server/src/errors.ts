import type { FastifyError, FastifyInstance } from 'fastify';
import { AccountError, ProgrammingError, type ProgrammingErrorCode } from '@yawar/db';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one error shape of the API: `{error: {code, message, details}}`. Codes are stable and
 * snake_case so clients (and the web app's translations) can rely on them; messages are English
 * for logs and developers, and never include a stack trace.
 */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, details: unknown = null): ApiError =>
  new ApiError(404, 'not_found', `${what} was not found`, details);

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** Conflicts with the current state are 409; a request the state allows but whose content is not ready is 422. */
const PROGRAMMING_STATUS: Record<ProgrammingErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  version_conflict: 409,
  not_editable: 409,
  invalid_transition: 409,
  nothing_to_consolidate: 409,
  units_pending: 409,
  round_name_taken: 409,
  transition_blocked: 422,
  invalid_observation: 409,
  invalid_quantity: 400,
  unknown_resource: 404,
  invalid_parameters: 400,
  invalid_meeting: 400,
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply
        .status(error.statusCode)
        .send(errorBody(error.code, error.message, error.details));
    }
    if (error instanceof AccountError) {
      const status =
        error.code === 'user_not_found' ? 404 : error.code === 'username_taken' ? 409 : 400;
      return reply.status(status).send(errorBody(error.code, error.message));
    }
    if (error instanceof ProgrammingError) {
      return reply
        .status(PROGRAMMING_STATUS[error.code])
        .send(errorBody(error.code, error.message, error.details));
    }
    if ((error as { statusCode?: number }).statusCode === 429) {
      return reply.status(429).send(errorBody('too_many_requests', error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: issue.instancePath || '/',
        message: issue.message,
      }));
      return reply
        .status(400)
        .send(
          errorBody('invalid_request', `invalid ${error.validationContext ?? 'request'}`, details),
        );
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .status(500)
        .send(errorBody('internal_error', 'the server could not complete the request'));
    }
    // Fastify's own 4xx (malformed JSON, body too large, unsupported media type …).
    return reply.status(status).send(errorBody(fastifyCode(error), error.message));
  });
}

function fastifyCode(error: FastifyError): string {
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  )
    return 'invalid_json';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  return 'bad_request';
}
