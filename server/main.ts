import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import { createServer } from './app';
import { migrate } from './db/migrate';
import { openServerDb } from './db/open';

/** `npm run server`: DATABASE_URL -> PostgreSQL; otherwise embedded PGlite in WAREBENCH_SERVER_DATA. */
async function main(): Promise<void> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.WAREBENCH_SERVER_DATA ?? path.resolve('.warebench/server-data');
  const serverDb = databaseUrl
    ? await openServerDb({ databaseUrl, poolSize: Number(process.env.WAREBENCH_DB_POOL ?? 10) })
    : await openServerDb(dataDir === ':memory:' ? {} : { dataDir });
  const migrated = await migrate(serverDb.db);
  if (migrated.applied.length > 0) log.info({ applied: migrated.applied }, 'database migrated');

  let adminKey = process.env.WAREBENCH_ADMIN_KEY;
  if (!adminKey) {
    if (databaseUrl) throw new Error('WAREBENCH_ADMIN_KEY must be set when the server runs on PostgreSQL');
    adminKey = `dev-${randomBytes(18).toString('base64url')}`;
    log.warn(`no WAREBENCH_ADMIN_KEY: the ERP API accepts this development key for this run: ${adminKey}`);
  }

  const numberEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const limits = Object.fromEntries(
    Object.entries({
      requestsPerMinute: numberEnv('WAREBENCH_RATE_PER_MINUTE'),
      anonymousPerMinute: numberEnv('WAREBENCH_ANONYMOUS_PER_MINUTE'),
      bodyBytes: numberEnv('WAREBENCH_BODY_LIMIT'),
      enrollPerMinute: numberEnv('WAREBENCH_ENROLL_PER_MINUTE'),
    }).filter(([, v]) => v !== undefined),
  );
  const trustProxy = process.env.WAREBENCH_TRUST_PROXY;
  const liveHeartbeatMs = numberEnv('WAREBENCH_LIVE_HEARTBEAT_MS');
  const app = await createServer({
    db: serverDb,
    log,
    adminKey,
    limits,
    requestLogging: process.env.WAREBENCH_REQUEST_LOG !== '0',
    ...(trustProxy ? { trustProxy } : {}),
    ...(liveHeartbeatMs ? { liveHeartbeatMs } : {}),
  });
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const address = app.server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  log.info({ db: serverDb.kind, url, docs: `${url}/docs` }, 'warebench server listening');

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await serverDb.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
