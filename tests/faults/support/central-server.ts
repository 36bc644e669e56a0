import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { enroll } from '../../../electron/core/sync/enroll';
import { createServer, type WarebenchServer } from '../../../server/app';
import { importDataset } from '../../../server/dataset-import';
import { migrate } from '../../../server/db/migrate';
import { openServerDb, type ServerDb } from '../../../server/db/open';
import { buildDemoDataset, type DemoDataset, demo } from '../../../shared/demo/dataset';
import { bodyOf, expectOk } from '../../server/support/fixtures';
import { ADMIN_KEY, type Api, type Backend, httpApi } from '../../server/support/harness';
import { startTestPostgres, type TestPostgres } from '../../server/support/postgres';

/** Units PO-1001's bolt line orders here: no burst of scans is ever refused as an over-receipt. */
export const BOLT_LINE_QTY = 1_000_000;

/** The demo site, with PO-1001's bolt line big enough for any number of scans. */
export function faultDataset(): DemoDataset {
  const dataset = buildDemoDataset();
  const po = dataset.purchaseOrders.find((p) => p.id === demo.po);
  const line = po?.lines.find((l) => l.itemId === demo.items.bolt);
  if (!line) throw new Error(`the demo dataset has no bolt line on ${demo.po}`);
  line.qtyOrdered = BOLT_LINE_QTY;
  return dataset;
}

/** The bolt's unit GTIN: one scan receives one bolt. */
export function boltGtin(dataset: DemoDataset): string {
  const code = dataset.items.find((i) => i.id === demo.items.bolt)?.barcodes.find((b) => b.packQty === 1)?.code;
  if (!code) throw new Error('the demo bolt has no unit barcode');
  return code;
}

/** PostgreSQL when the run has a cluster (WAREBENCH_TEST_PG_URL, set by the global setup), else PGlite. */
export const faultBackend = (): Backend => (process.env.WAREBENCH_TEST_PG_URL ? 'postgres' : 'pglite');

export interface CentralServer {
  backend: Backend;
  url: string;
  port: number;
  app: WarebenchServer;
  serverDb: ServerDb;
  /** Admin-key HTTP client (the ERP's view). */
  api: Api;
  siteId: string;
  dataset: DemoDataset;
  /** Enrolls a new station of the site; its credential. */
  enrollStation(name: string): Promise<{ stationId: string; credential: string }>;
  /** Stops listening (the server process is gone); the database stays. */
  stop(): Promise<void>;
  /** Starts again on the same port and database, as a restarted server process would. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const LIMITS = { requestsPerMinute: 1_000_000, anonymousPerMinute: 1_000_000, enrollPerMinute: 1_000 };

/** The central server in-process on a fresh database, with the demo site loaded through its ERP API. */
export async function startCentralServer(options: { backend?: Backend; dataset?: DemoDataset } = {}): Promise<CentralServer> {
  const backend = options.backend ?? faultBackend();
  let postgres: TestPostgres | undefined;
  if (backend === 'postgres') postgres = await startTestPostgres();
  const serverDb = postgres ? await openServerDb({ databaseUrl: postgres.url, poolSize: 8 }) : await openServerDb({});
  await migrate(serverDb.db);
  const listen = async (port: number) => {
    const app = await createServer({ db: serverDb, adminKey: ADMIN_KEY, limits: LIMITS, liveKeepAliveMs: 1000 });
    await app.listen({ host: '127.0.0.1', port });
    return app;
  };
  let app = await listen(0);
  let running = true;
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const dataset = options.dataset ?? faultDataset();
  await importDataset(url, ADMIN_KEY, dataset);
  const api = httpApi(url);
  const siteId = dataset.site.siteId;

  const server: CentralServer = {
    backend,
    url,
    port,
    get app() {
      return app;
    },
    serverDb,
    api,
    siteId,
    dataset,
    async enrollStation(name) {
      const code = bodyOf(
        z.object({ code: z.string() }),
        await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId } }), 201),
      );
      const enrolled = await enroll(url, code.code, name, 'both');
      return { stationId: enrolled.stationId, credential: enrolled.credential };
    },
    async stop() {
      if (!running) return;
      running = false;
      await app.close();
    },
    async start() {
      if (running) return;
      app = await listen(port);
      running = true;
    },
    async close() {
      await server.stop();
      await serverDb.close();
      await postgres?.stop();
    },
  };
  return server;
}

const ReceiptsPage = z.object({
  items: z.array(z.object({ opId: z.string(), receiptId: z.string(), stationId: z.string(), qty: z.number() })),
  nextCursor: z.string().nullable(),
});
const LedgerPage = z.object({
  items: z.array(z.object({ opId: z.string().nullable(), kind: z.string(), stationId: z.string().nullable(), qty: z.number() })),
  nextCursor: z.string().nullable(),
});

async function allPages<T>(api: Api, path: string, schema: z.ZodType<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = bodyOf(
      schema,
      await expectOk(api('GET', `${path}${separator}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The op ids of the server's receipt lines of one receipt, doubles included (there should be none). */
export async function serverReceiptOpIds(server: CentralServer, receiptId: string): Promise<string[]> {
  const items = await allPages(
    server.api,
    `/api/v1/sites/${server.siteId}/receipts?receiptId=${encodeURIComponent(receiptId)}`,
    ReceiptsPage,
  );
  return items.map((i) => i.opId);
}

/** The op ids of the server's ledger entries of one station and kind, doubles included. */
export async function serverLedgerOpIds(server: CentralServer, stationId: string, kind = 'receipt'): Promise<string[]> {
  const items = await allPages(server.api, `/api/v1/sites/${server.siteId}/ledger?stationId=${stationId}&kind=${kind}`, LedgerPage);
  return items.map((i) => i.opId ?? '(none)');
}

/** The values a list holds more than once (one entry per extra copy). */
export const doubles = (values: string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (seen.has(v)) return true;
    seen.add(v);
    return false;
  });
};
