import type { AddressInfo } from 'node:net';
import { createServer, type ServerLimits, type WarebenchServer } from '../../../server/app';
import { migrate } from '../../../server/db/migrate';
import { openServerDb, type ServerDb } from '../../../server/db/open';

export type Backend = 'pglite' | 'postgres';
export const ADMIN_KEY = 'test-admin-key';

export interface HttpResult {
  status: number;
  body: unknown;
}

export type Api = (method: string, path: string, options?: { body?: unknown; token?: string | null; raw?: string }) => Promise<HttpResult>;

export interface TestServer {
  url: string;
  app: WarebenchServer;
  serverDb: ServerDb;
  /** Calls the server over real HTTP; admin key unless another token (or null) is given. */
  api: Api;
  close(): Promise<void>;
}

export function httpApi(baseUrl: string): Api {
  return async (method, path, options = {}) => {
    const token = options.token === undefined ? ADMIN_KEY : options.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed };
  };
}

export interface StartOptions {
  backend: Backend;
  /** Required for postgres. */
  databaseUrl?: string;
  limits?: Partial<ServerLimits>;
  liveKeepAliveMs?: number;
  liveHeartbeatMs?: number;
  /** Balancer addresses whose X-Forwarded-For names the client. */
  trustProxy?: string;
  /** Reuse an opened database (a second server on the same PGlite is not possible; PostgreSQL opens anew). */
  serverDb?: ServerDb;
}

export async function startTestServer(options: StartOptions): Promise<TestServer> {
  const serverDb =
    options.serverDb ??
    (options.backend === 'postgres'
      ? await openServerDb({ databaseUrl: requireUrl(options.databaseUrl), poolSize: 10 })
      : await openServerDb({}));
  await migrate(serverDb.db);
  const app = await createServer({
    db: serverDb,
    adminKey: ADMIN_KEY,
    limits: { requestsPerMinute: 100_000, anonymousPerMinute: 100_000, ...options.limits },
    liveKeepAliveMs: options.liveKeepAliveMs ?? 1000,
    ...(options.liveHeartbeatMs ? { liveHeartbeatMs: options.liveHeartbeatMs } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    serverDb,
    api: httpApi(url),
    async close() {
      await app.close();
      if (!options.serverDb) await serverDb.close();
    },
  };
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('postgres backend needs a databaseUrl');
  return url;
}
