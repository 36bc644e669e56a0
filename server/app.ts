import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerDb } from './db/open';
import { readEpoch } from './data/pull';
import { bearerToken, sha256 } from './http/auth';
import { answerClientError, answerFrameworkError, installErrorHandling } from './http/errors';
import { refuseUnstorableText } from './http/storable-text';
import { erpRoutes } from './routes/erp';
import { liveRoutes } from './routes/live';
import { syncRoutes } from './routes/sync';

export interface ServerLimits {
  /** Requests per minute per station credential (sync) or per client address (others). */
  requestsPerMinute: number;
  /** Enrollment attempts per minute per client address (codes are guessable only by brute force). */
  enrollPerMinute: number;
  /** Largest request body in bytes; ERP bulk upserts have their own, larger limit. */
  bodyBytes: number;
  erpBodyBytes: number;
}

export const defaultLimits: ServerLimits = {
  requestsPerMinute: 1200,
  enrollPerMinute: 10,
  bodyBytes: 4 * 1024 * 1024,
  erpBodyBytes: 64 * 1024 * 1024,
};

export interface ServerOptions {
  /** An opened and migrated database (see openServerDb, migrate). */
  db: ServerDb;
  /** Logger (pino); silent when absent. */
  log?: FastifyBaseLogger;
  /** Key the ERP sends as `Authorization: Bearer <key>`. */
  adminKey: string;
  limits?: Partial<ServerLimits>;
  enrollmentTtlMinutes?: number;
  liveKeepAliveMs?: number;
  /** Log every request (Fastify's request/response lines); default true when a logger is given. */
  requestLogging?: boolean;
}

export type WarebenchServer = FastifyInstance;

/** The central server as a Fastify app; all its state hangs off the returned instance. */
export async function createServer(options: ServerOptions): Promise<WarebenchServer> {
  const limits = { ...defaultLimits, ...options.limits };
  const { db, notifier } = options.db;
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log } : { logger: false }),
    bodyLimit: limits.bodyBytes,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    ...(options.requestLogging === false ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('station', null);
  installErrorHandling(app);
  app.addHook('preValidation', refuseUnstorableText);

  const epoch = await readEpoch(db);

  await app.register(rateLimit, {
    max: limits.requestsPerMinute,
    timeWindow: 60_000,
    // Per credential, so the stations behind one NAT do not share a budget.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token ? `t:${sha256(token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      code: 'rate_limited',
      message: `rate limit of ${context.max} requests per ${context.after} reached; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Warebench server', description: 'ERP API, station enrollment and sync', version: '1' },
      components: {
        securitySchemes: {
          adminKey: { type: 'http', scheme: 'bearer', description: 'WAREBENCH_ADMIN_KEY' },
          stationCredential: { type: 'http', scheme: 'bearer', description: 'credential from /sync/v1/enroll' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true, epoch, db: options.db.kind }));

  await app.register(erpRoutes, {
    prefix: '/api/v1',
    db,
    adminKey: options.adminKey,
    erpBodyLimit: limits.erpBodyBytes,
    enrollmentTtlMinutes: options.enrollmentTtlMinutes ?? 24 * 60,
  });
  await app.register(syncRoutes, { prefix: '/sync/v1', db, epoch, enrollPerMinute: limits.enrollPerMinute });
  await app.register(liveRoutes, { prefix: '/sync/v1', db, notifier, epoch, keepAliveMs: options.liveKeepAliveMs ?? 15_000 });
  return app;
}
