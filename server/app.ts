import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { readEpoch } from './data/pull';
import type { ServerDb } from './db/open';
import { authPlugin, requireErp, requireStation } from './plugins/auth';
import { docsPlugin } from './plugins/docs';
import { answerClientError, answerFrameworkError, errorsPlugin } from './plugins/errors';
import { defaultLimits, limitsPlugin, type ServerLimits, verifiedBodyLimit } from './plugins/limits';
import { storableTextPlugin } from './plugins/storable-text';
import { asnRoutes } from './routes/asns';
import { carrierLabelRoutes } from './routes/carrier-label';
import { cartonTypeRoutes } from './routes/carton-types';
import { cartonRoutes } from './routes/cartons';
import { countRoutes } from './routes/counts';
import { enrollmentCodeRoutes, enrollRoutes } from './routes/enrollment';
import { siteExceptionRoutes, stationExceptionRoutes } from './routes/exceptions';
import { healthRoutes } from './routes/health';
import { holdRoutes } from './routes/holds';
import { inspectionRoutes } from './routes/inspections';
import { itemRoutes } from './routes/items';
import { liveRoutes } from './routes/live';
import { locationRoutes } from './routes/locations';
import { numberLeaseRoutes } from './routes/number-leases';
import { operatorRoutes } from './routes/operators';
import { orderRoutes } from './routes/orders';
import { pullRoutes } from './routes/pull';
import { purchaseOrderRoutes } from './routes/purchase-orders';
import { pushRoutes } from './routes/push';
import { reportRoutes } from './routes/reports';
import { returnRoutes } from './routes/returns';
import { siteRoutes } from './routes/sites';
import { snapshotRoutes } from './routes/snapshot';
import { stationRoutes } from './routes/stations';

export { defaultLimits, type ServerLimits } from './plugins/limits';

/** A heartbeat every 2 s: a station that hears none for 2.5 intervals (5 s) takes the server for gone. */
export const DEFAULT_LIVE_HEARTBEAT_MS = 2000;

export interface ServerOptions {
  /** An opened and migrated database (see openServerDb, migrate). */
  db: ServerDb;
  /** Logger (pino); silent when absent. */
  log?: FastifyBaseLogger;
  /** Key the ERP sends as `Authorization: Bearer <key>`. */
  adminKey: string;
  limits?: Partial<ServerLimits>;
  enrollmentTtlMinutes?: number;
  /** How often the live channel re-checks a station's credential; default 15 s. */
  liveKeepAliveMs?: number;
  /** How often the live channel sends a heartbeat; default 2 s, so a station sees a dead server within 5 s. */
  liveHeartbeatMs?: number;
  /** Log every request (Fastify's request/response lines); default true when a logger is given. */
  requestLogging?: boolean;
  /**
   * Load balancers whose `X-Forwarded-For` names the client (Fastify's `trustProxy`: comma-separated addresses or
   * CIDRs). Without it, every client behind a balancer shares the balancer's address and its budget.
   */
  trustProxy?: string;
}

export type WarebenchServer = FastifyInstance;

/**
 * The central server as a Fastify app; all its state hangs off the returned instance. Every request is
 * identified and counted in `onRequest` (auth, then limits); a group's own `onRequest` hook then refuses
 * the wrong caller, all before the body is read. Bodies of callers without a credential stay small.
 */
export async function createServer(options: ServerOptions): Promise<WarebenchServer> {
  const limits = { ...defaultLimits, ...options.limits };
  const { db, notifier } = options.db;
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log } : { logger: false }),
    bodyLimit: limits.anonymousBodyBytes,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    ...(options.requestLogging === false ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const epoch = await readEpoch(db);

  await app.register(errorsPlugin);
  await app.register(authPlugin, { db, adminKey: options.adminKey, revocations: notifier });
  await app.register(limitsPlugin, limits);
  await app.register(storableTextPlugin);
  await app.register(docsPlugin);

  await app.register(healthRoutes, { epoch, dbKind: options.db.kind });

  await app.register(
    async (erp) => {
      erp.addHook('onRequest', requireErp);
      erp.addHook('onRoute', verifiedBodyLimit(limits.bodyBytes));
      const resource = { db, erpBodyBytes: limits.erpBodyBytes };
      for (const routes of [
        siteRoutes,
        itemRoutes,
        locationRoutes,
        purchaseOrderRoutes,
        asnRoutes,
        orderRoutes,
        cartonTypeRoutes,
        operatorRoutes,
        holdRoutes,
        cartonRoutes,
        reportRoutes,
        returnRoutes,
        stationRoutes,
        countRoutes,
        inspectionRoutes,
      ]) {
        await erp.register(routes, resource);
      }
      await erp.register(siteExceptionRoutes, { db });
      await erp.register(enrollmentCodeRoutes, { db, enrollmentTtlMinutes: options.enrollmentTtlMinutes ?? 24 * 60 });
    },
    { prefix: '/api/v1' },
  );

  await app.register(
    async (sync) => {
      await sync.register(enrollRoutes, { db, enrollPerMinute: limits.enrollPerMinute, bodyLimit: limits.anonymousBodyBytes });
      await sync.register(async (station) => {
        station.addHook('onRequest', requireStation);
        station.addHook('onRoute', verifiedBodyLimit(limits.bodyBytes));
        await station.register(pushRoutes, { db });
        await station.register(pullRoutes, { db, epoch, notifier });
        await station.register(stationExceptionRoutes, { db });
        await station.register(carrierLabelRoutes, { db });
        await station.register(snapshotRoutes, { db, epoch });
        await station.register(numberLeaseRoutes, { db });
        await station.register(liveRoutes, {
          db,
          notifier,
          epoch,
          keepAliveMs: options.liveKeepAliveMs ?? 15_000,
          heartbeatMs: options.liveHeartbeatMs ?? DEFAULT_LIVE_HEARTBEAT_MS,
        });
      });
    },
    { prefix: '/sync/v1' },
  );
  return app;
}
