import { Agent, request } from 'node:http';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { Item, type PurchaseOrder, type SiteSettings } from '../../../shared/domain/master-data';
import { EnrollResponse, type Op, PullResponse, PushResponse } from '../../../shared/sync-protocol';
import { receiptLine } from '../../server/support/fixtures';

export interface LoadOptions {
  /** Server base URLs; station i talks to urls[i % urls.length]. */
  urls: string[];
  adminKey: string;
  siteId: string;
  stations: number;
  opsPerStation: number;
  batchSize: number;
  /** Chance (0..1) that a station sends a batch a second time, as after a lost answer. */
  resendChance?: number;
  /**
   * Ops each station pushes (and pulls after, batch by batch) before the clock starts, so the timed run measures
   * server processes past their start (compiled code, filled pools) as they run for weeks. Default 0.
   */
  warmupOpsPerStation?: number;
}

export interface LoadResult {
  stations: number;
  /** Ops of the timed run; `applied` and `duplicates` count its answers, `rejected` the warm-up's too. */
  opsSent: number;
  applied: number;
  duplicates: number;
  rejected: number;
  pushes: number;
  pulls: number;
  elapsedMs: number;
  opIds: string[];
  /** Ops every station pushed before the clock started (`warmupOpsPerStation` each); they are in the ledger too. */
  warmupOps: number;
  /** Time the warm-up took, from its first request to its last answer. */
  warmupMs: number;
  /** Time of each push request, answer included (resends too). */
  pushLatenciesMs: number[];
  /** Ops sent through each server URL (station i talks to urls[i % urls.length]). */
  opsByUrl: Record<string, number>;
}

async function call<T>(url: string, init: RequestInit & { token: string }, schema: z.ZodType<T>): Promise<T> {
  const { token, ...rest } = init;
  const response = await fetch(url, { ...rest, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return schema.parse(JSON.parse(text));
}

/** Creates the site, its items and one PO line per station (room for every op), and enrolls the stations. */
export async function prepareLoadSite(options: LoadOptions): Promise<{ credentials: string[] }> {
  const [base] = options.urls;
  if (!base) throw new Error('no server url');
  const admin = { token: options.adminKey };
  const settings: Omit<SiteSettings, 'siteId'> = {
    siteName: 'Load',
    gs1CompanyPrefix: '0614141',
    shipFrom: {
      name: 'Dock',
      company: '',
      street1: '1 Main',
      street2: '',
      city: 'X',
      region: '',
      postalCode: '1',
      country: 'US',
      phone: '',
    },
    weightTolerancePct: 5,
    weightToleranceG: 50,
    smallCartonG: 500,
    smallCartonTolerancePct: 3,
    allowQuantityKeys: true,
    defaultOverReceiptTolerancePct: 0,
  };
  await call(`${base}/api/v1/sites/${options.siteId}`, { ...admin, method: 'PUT', body: JSON.stringify(settings) }, z.unknown());
  const items: Item[] = Array.from({ length: options.stations }, (_, i) =>
    Item.parse({ id: `LOAD-${i}`, sku: `LOAD-${i}`, description: `load item ${i}`, unitWeightG: 10 }),
  );
  await call(`${base}/api/v1/sites/${options.siteId}/items`, { ...admin, method: 'POST', body: JSON.stringify({ items }) }, z.unknown());
  const po: PurchaseOrder = {
    id: 'PO-LOAD',
    number: 'PO-LOAD',
    supplier: 'load',
    status: 'open',
    expectedDate: null,
    overReceiptTolerancePct: 0,
    lines: items.map((item, i) => ({
      lineNo: i + 1,
      itemId: item.id,
      qtyOrdered: options.opsPerStation + (options.warmupOpsPerStation ?? 0),
    })),
  };
  await call(
    `${base}/api/v1/sites/${options.siteId}/purchase-orders`,
    { ...admin, method: 'POST', body: JSON.stringify({ purchaseOrders: [po] }) },
    z.unknown(),
  );
  const credentials: string[] = [];
  for (let i = 0; i < options.stations; i++) {
    const { code } = await call(
      `${base}/api/v1/enrollment-codes`,
      { ...admin, method: 'POST', body: JSON.stringify({ siteId: options.siteId }) },
      z.object({ code: z.string() }),
    );
    const url = `${options.urls[i % options.urls.length]}/sync/v1/enroll`;
    const enrolled = await call(
      url,
      { token: '', method: 'POST', body: JSON.stringify({ code, stationName: `load-${i}`, role: 'receiving' }) },
      EnrollResponse,
    );
    credentials.push(enrolled.credential);
  }
  return { credentials };
}

/** One keep-alive connection pool per server: the driver shares the machine with the servers it measures, so it stays lean. */
function httpClient(urls: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const targets = new Map(urls.map((url) => [url, new URL(url)]));
  return {
    /** Sends one request and answers the parsed JSON body; any status but 2xx throws with the server's answer. */
    send(base: string, method: 'GET' | 'POST', path: string, token: string, body?: string): Promise<unknown> {
      const target = targets.get(base);
      if (!target) throw new Error(`unknown server ${base}`);
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      return new Promise((resolve, reject) => {
        const req = request({ agent, host: target.hostname, port: target.port, method, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) return reject(new Error(`${method} ${base}${path}: HTTP ${status} ${text.slice(0, 300)}`));
            try {
              resolve(JSON.parse(text));
            } catch (error) {
              reject(error);
            }
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** One push batch of a station, built before the clock starts: its ops, its request body, and whether it goes twice. */
interface PlannedBatch {
  ops: Op[];
  body: string;
  times: 1 | 2;
}

/** `count` ops of a station in batches, numbered on from `firstSeq`. */
function planBatches(options: LoadOptions, station: number, count: number, firstSeq: number, chance: () => number): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  let seq = firstSeq - 1;
  for (let sent = 0; sent < count; sent += options.batchSize) {
    const ops: Op[] = Array.from({ length: Math.min(options.batchSize, count - sent) }, () => ({
      opId: uuidv7(),
      stationSeq: ++seq,
      kind: 'receipt.line',
      at: new Date().toISOString(),
      operatorId: `op-${station}`,
      payload: receiptLine('PO-LOAD', station + 1, `LOAD-${station}`, 1, { receiptId: `R-${station}` }),
    }));
    batches.push({ ops, body: JSON.stringify({ ops }), times: chance() < (options.resendChance ?? 0.1) ? 2 : 1 });
  }
  return batches;
}

/** Every station at once: push its receipts in batches (some sent twice), pull after each batch; the warm-up first, untimed. */
export async function runLoad(options: LoadOptions, credentials: string[], onTimedStart?: () => void): Promise<LoadResult> {
  const result: LoadResult = {
    stations: credentials.length,
    opsSent: 0,
    applied: 0,
    duplicates: 0,
    rejected: 0,
    pushes: 0,
    pulls: 0,
    elapsedMs: 0,
    opIds: [],
    warmupOps: 0,
    warmupMs: 0,
    pushLatenciesMs: [],
    opsByUrl: Object.fromEntries(options.urls.map((url) => [url, 0])),
  };
  let random = 0x2545f491;
  const chance = () => {
    random = (random * 1103515245 + 12345) & 0x7fffffff;
    return random / 0x7fffffff;
  };
  const warmup = options.warmupOpsPerStation ?? 0;
  const warmupPlans = credentials.map((_, station) => planBatches(options, station, warmup, 1, chance));
  const plans = credentials.map((_, station) => planBatches(options, station, options.opsPerStation, warmup + 1, chance));
  const cursors = credentials.map(() => 0);
  const http = httpClient(options.urls);
  /** Every station through its batches at once; `timed` ones count in the figures, the warm-up only in the ledger. */
  const drive = (batchesOf: PlannedBatch[][], timed: boolean) =>
    Promise.all(
      credentials.map(async (token, station) => {
        const base = options.urls[station % options.urls.length]!;
        for (const batch of batchesOf[station]!) {
          if (timed) {
            result.opsSent += batch.ops.length;
            result.opsByUrl[base] = (result.opsByUrl[base] ?? 0) + batch.ops.length;
          } else result.warmupOps += batch.ops.length;
          for (const op of batch.ops) result.opIds.push(op.opId);
          for (let t = 0; t < batch.times; t++) {
            const pushStarted = performance.now();
            const answer = PushResponse.parse(await http.send(base, 'POST', '/sync/v1/push', token, batch.body));
            if (timed) {
              result.pushLatenciesMs.push(performance.now() - pushStarted);
              result.pushes++;
            }
            for (const r of answer.results) {
              if (r.status === 'rejected') result.rejected++;
              else if (!timed) continue;
              else if (r.status === 'applied') result.applied++;
              else result.duplicates++;
            }
          }
          const page = PullResponse.parse(await http.send(base, 'GET', `/sync/v1/pull?cursor=${cursors[station]}&limit=500`, token));
          if (timed) result.pulls++;
          if (!page.reset) cursors[station] = page.cursor;
        }
      }),
    );
  try {
    const warmupStarted = performance.now();
    if (warmup > 0) await drive(warmupPlans, false);
    result.warmupMs = performance.now() - warmupStarted;
    onTimedStart?.();
    const started = performance.now();
    await drive(plans, true);
    result.elapsedMs = performance.now() - started;
  } finally {
    http.close();
  }
  return result;
}
