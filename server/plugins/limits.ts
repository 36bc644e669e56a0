import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest, onRouteHookHandler } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { HttpError } from '../http-error';
import { callerOf } from './auth';

export interface ServerLimits {
  /** Requests per minute per verified credential (a station, the ERP). */
  requestsPerMinute: number;
  /** Requests per minute per client address from callers without a valid credential (public routes, refusals). */
  anonymousPerMinute: number;
  /** Enrollment attempts per minute per client address (codes are guessable only by brute force). */
  enrollPerMinute: number;
  /** Largest request body of a caller without a valid credential (enrollment is the only such writer). */
  anonymousBodyBytes: number;
  /** Largest request body of a verified caller; ERP bulk upserts have their own, larger limit. */
  bodyBytes: number;
  erpBodyBytes: number;
}

export const defaultLimits: ServerLimits = {
  requestsPerMinute: 1200,
  anonymousPerMinute: 120,
  enrollPerMinute: 10,
  anonymousBodyBytes: 16 * 1024,
  bodyBytes: 4 * 1024 * 1024,
  erpBodyBytes: 64 * 1024 * 1024,
};

const MINUTE_MS = 60_000;

/**
 * The rate-limit key: the verified credential, else the client address. An unverified Bearer token is never
 * a key, so a new random token per request is counted against its address like no token at all.
 */
export function rateKey(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (caller.kind === 'erp') return 'erp';
  if (caller.kind === 'station') return `station:${caller.station.id}`;
  return `address:${request.ip}`;
}

/**
 * Request budgets, counted in `onRequest` right after the auth plugin identified the caller (so before any
 * refusal and before the body is read). Per-route budgets (`config.rateLimit`, e.g. enrollment) come on top.
 */
export const limitsPlugin = fastifyPlugin<Pick<ServerLimits, 'requestsPerMinute' | 'anonymousPerMinute'>>(
  async (app, limits) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          context.statusCode,
          'rate_limited',
          `rate limit of ${context.max} requests per ${context.after} reached; retry in ${Math.ceil(context.ttl / 1000)} s`,
        ),
    });
    const verified = app.createRateLimit({ max: limits.requestsPerMinute, timeWindow: MINUTE_MS, keyGenerator: rateKey });
    const anonymous = app.createRateLimit({ max: limits.anonymousPerMinute, timeWindow: MINUTE_MS, keyGenerator: rateKey });
    app.addHook('onRequest', async (request, reply) => {
      const budget = callerOf(request).kind === 'anonymous' ? anonymous : verified;
      const verdict = await budget(request);
      if (verdict.isAllowed || !verdict.isExceeded) return;
      void reply.header('retry-after', verdict.ttlInSeconds);
      throw new HttpError(
        429,
        'rate_limited',
        `rate limit of ${verdict.max} requests per minute reached; retry in ${verdict.ttlInSeconds} s`,
      );
    });
  },
  { name: 'warebench-limits', dependencies: ['warebench-auth'] },
);

/** onRoute hook of a group of routes that only verified callers reach: their body may be up to `bytes`. */
export function verifiedBodyLimit(bytes: number): onRouteHookHandler {
  return (route) => {
    route.bodyLimit ??= bytes;
  };
}
