import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/sync-protocol';
import { HttpError } from '../http-error';

function errorBody(code: string, message: string, issues?: { path: string; message: string }[]): ErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
};

/**
 * Errors Fastify answers before a route is found (Fastify's `frameworkErrors` option): a URL that does not
 * decode, a path parameter over the length limit. Same body as every other error, without echoing the URL.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    void reply.code(414).send(errorBody('path_too_long', 'a path parameter is longer than this server accepts'));
  else if (error.code === 'FST_ERR_BAD_URL')
    void reply.code(400).send(errorBody('bad_url', 'the URL is not valid (malformed percent-encoding)'));
  else void reply.code(500).send(errorBody('internal', 'internal server error'));
}

/** Requests Node's HTTP parser refuses (headers too large, not HTTP) — Fastify's `clientErrorHandler` — in the same body. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? { status: 431, code: 'headers_too_large', message: 'the request line and headers are larger than this server accepts' }
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { status: 408, code: 'request_timeout', message: 'the request did not arrive in time' }
        : { status: 400, code: 'bad_request', message: 'the request is not valid HTTP' };
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Whether the request still has a body on the wire that no handler read. */
function bodyUnread(request: FastifyRequest): boolean {
  const announced = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
  return (announced || request.headers['transfer-encoding'] !== undefined) && !request.raw.readableEnded && request.body === undefined;
}

/**
 * Every 4xx/5xx leaves as `{ error: { code, message, issues? } }`. A refusal sent before the body was read
 * closes the connection, so an unread body is not taken in only to be thrown away.
 */
export const errorsPlugin = fastifyPlugin(
  async (app) => {
    app.setNotFoundHandler((request, reply) => {
      void reply.code(404).send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (bodyUnread(request)) void reply.header('connection', 'close');
      if (error instanceof HttpError) {
        return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.issues));
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((issue) => ({
          path: `${error.validationContext ?? 'request'}${issue.instancePath ? issue.instancePath.replaceAll('/', '.') : ''}`,
          message: issue.message ?? 'invalid',
        }));
        const first = issues[0];
        const message = `invalid ${error.validationContext ?? 'request'}${first ? `: ${first.path}: ${first.message}` : ''}`;
        return reply.code(400).send(errorBody('invalid_request', message, issues.slice(0, 50)));
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return reply.code(500).send(errorBody('internal', 'the server made an invalid response'));
      }
      if (error.statusCode === 429) {
        return reply.code(429).send(errorBody('rate_limited', error.message || 'too many requests; retry later'));
      }
      const known = error.code ? fastifyCodes[error.code] : undefined;
      if (known) {
        const message = known.code === 'body_too_large' ? 'request body is larger than this endpoint accepts' : error.message;
        return reply.code(known.status).send(errorBody(known.code, message));
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'request failed');
      return reply
        .code(status)
        .send(errorBody(status === 500 ? 'internal' : 'bad_request', status === 500 ? 'internal server error' : error.message));
    });
  },
  { name: 'warebench-errors' },
);
