import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import { openStationDatabase } from '../electron/core/storage/open';
import { createOutbox } from '../electron/core/storage/outbox';
import { createSyncClient } from '../electron/core/sync/client';
import { enroll } from '../electron/core/sync/enroll';
import { createServer } from '../server/app';
import { upsertPurchaseOrders, upsertSite } from '../server/data/master-data';
import { migrate } from '../server/db/migrate';
import { openServerDb, type ServerDb } from '../server/db/open';
import { SiteSettings } from '../shared/domain/master-data';
import { packedItemsValid, parseSnapshotFrame, type SnapshotQuery } from '../shared/sync-protocol';
import { receiptLine } from '../tests/server/support/fixtures';
import { startPgCluster, stopPgCluster } from '../tests/support/server/pg-cluster';
import { spawnServerProcess } from '../tests/support/server/spawn-server';
import { benchItems } from './support/bench-items';
import { loadRows } from './support/load-run';
import { benchSyncClient } from './support/sync-client';
import { type Benchmark, type BenchRow, percentile, until } from './types';

/**
 * Sync figures: initial sync of WAREBENCH_BENCH_ITEMS items (default 1M) into a
 * station cache file against a bare bulk insert into the same file; push throughput and catch-up of
 * WAREBENCH_BENCH_OPS queued ops (default 30k); hold-to-station latency over the live channel; and the
 * load run (200 stations, two server processes, one PostgreSQL). PostgreSQL from WAREBENCH_TEST_PG_URL,
 * else a throwaway cluster. On PostgreSQL the station talks to a server process of its own, as it does in production
 * (the server is another process, mostly another machine); with PGlite (WAREBENCH_BENCH_PGLITE=1) the server runs in
 * this process, the way the embedded server does.
 */
const ADMIN_KEY = 'bench-admin-key';
const SITE = 'bench';

const InitialSyncResult = z.object({ syncMs: z.number(), bareMs: z.number(), cached: z.number() });

/**
 * The initial sync and its bare insert baseline in a station process of its own (`support/initial-sync-main.ts`): the
 * station's thread then carries only the station's work and heap, not the bench's (the catalog it sent, the figures
 * taken before it).
 */
async function initialSyncInItsOwnProcess(file: string, url: string, credential: string, itemCount: number) {
  const main = path.join(import.meta.dirname, 'support', 'initial-sync-main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, file, url, credential, String(itemCount)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the initial sync process exited with ${code}`);
  return InitialSyncResult.parse(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
}

/** The server the station talks to: its own process on PostgreSQL, in this process on PGlite (one process holds PGlite). */
async function stationServer(serverDb: ServerDb, pgUrl: string | null): Promise<{ url: string; close(): Promise<void> }> {
  await migrate(serverDb.db);
  if (pgUrl) {
    const child = await spawnServerProcess({
      DATABASE_URL: pgUrl,
      WAREBENCH_ADMIN_KEY: ADMIN_KEY,
      WAREBENCH_RATE_PER_MINUTE: '10000000',
      WAREBENCH_ANONYMOUS_PER_MINUTE: '10000000',
      WAREBENCH_ENROLL_PER_MINUTE: '100000',
      WAREBENCH_DB_POOL: '10',
    });
    return { url: child.url, close: () => child.stop() };
  }
  const app = await createServer({
    db: serverDb,
    adminKey: ADMIN_KEY,
    limits: { requestsPerMinute: 10_000_000, anonymousPerMinute: 10_000_000, enrollPerMinute: 100_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

async function enrollCredential(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/enrollment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ siteId: SITE }),
  });
  const { code } = (await response.json()) as { code: string };
  return (await enroll(url, code, 'bench-station', 'both')).credential;
}

/** Reads a whole snapshot stream (gzip) and parses every frame as a station does; answers the rows it carried. */
async function readSnapshot(url: string, credential: string, format: SnapshotQuery['format'] = 'changes'): Promise<number> {
  const response = await fetch(`${url}/sync/v1/snapshot?format=${format}`, {
    headers: { authorization: `Bearer ${credential}`, 'accept-encoding': 'gzip' },
  });
  if (!response.ok || !response.body) throw new Error(`snapshot: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let parts: string[] = [];
  let rows = 0;
  const take = (line: string) => {
    // Checked as the station checks it: the frame's envelope, then each change field by field.
    const parsed = parseSnapshotFrame(JSON.parse(line));
    if (!parsed.success) throw new Error(`snapshot: bad frame: ${parsed.error.message}`);
    const frame = parsed.data;
    if (frame.type === 'rows') rows += frame.changes.length;
    if (frame.type === 'items') rows += frame.rows.length;
    if (frame.type === 'packed') {
      if (!packedItemsValid(frame)) throw new Error('snapshot: a packed frame with items the station would check one by one');
      rows += frame.count;
    }
    if (frame.type === 'reset') throw new Error(`snapshot: reset (${frame.reason})`);
  };
  for await (const chunk of response.body) {
    let text = decoder.decode(chunk, { stream: true });
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
      parts.push(text.slice(0, newline));
      take(parts.join(''));
      parts = [];
      text = text.slice(newline + 1);
    }
    if (text) parts.push(text);
  }
  const buffered = parts.join('');
  if (buffered.trim()) take(buffered);
  return rows;
}

export const benchmark: Benchmark = {
  name: 'sync',
  async run() {
    const rows: BenchRow[] = [];
    const itemCount = Number(process.env.WAREBENCH_BENCH_ITEMS ?? 1_000_000);
    const opCount = Number(process.env.WAREBENCH_BENCH_OPS ?? 30_000);
    const dir = await mkdtemp(path.join(tmpdir(), 'wb-bench-sync-'));
    let clusterDir: string | null = null;
    let pgUrl = process.env.WAREBENCH_TEST_PG_URL ?? null;
    try {
      // Production runs on PostgreSQL: a throwaway cluster unless one is given (WAREBENCH_BENCH_PGLITE=1 measures PGlite).
      if (!pgUrl && process.env.WAREBENCH_BENCH_PGLITE !== '1') {
        clusterDir = await mkdtemp(path.join(tmpdir(), 'wb-bench-pg-'));
        pgUrl = await startPgCluster(clusterDir);
      }
      // WAREBENCH_BENCH_ONLY=load: the load figures alone (the same workload), without the minutes of the 1M-item sync.
      if (process.env.WAREBENCH_BENCH_ONLY === 'load') {
        if (!pgUrl) {
          clusterDir = await mkdtemp(path.join(tmpdir(), 'wb-bench-pg-'));
          pgUrl = await startPgCluster(clusterDir);
        }
        return await loadRows(pgUrl, ADMIN_KEY);
      }
      // --- the server the station talks to (see stationServer) ---
      const serverDb = pgUrl ? await openServerDb({ databaseUrl: pgUrl, poolSize: 10 }) : await openServerDb({});
      const backend = serverDb.kind;
      const server = await stationServer(serverDb, pgUrl);
      try {
        await upsertSite(
          serverDb.db,
          SiteSettings.parse({
            siteId: SITE,
            siteName: 'Bench',
            gs1CompanyPrefix: '0614141',
            shipFrom: { name: 'x', street1: 'x', city: 'x', postalCode: '1', country: 'US' },
          }),
        );
        const [first, second] = benchItems(0, 2);
        if (!first || !second || itemCount < 2) throw new Error('the sync bench needs at least two items');
        // The catalog comes in as the ERP sends it, through the server's API.
        for (let i = 0; i < itemCount; i += 5_000) {
          const response = await fetch(`${server.url}/api/v1/sites/${SITE}/items`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ items: benchItems(i, Math.min(itemCount, i + 5_000)) }),
          });
          if (!response.ok) throw new Error(`items: HTTP ${response.status} ${await response.text()}`);
        }
        // A site's catalog is loaded long before a station enrolls: autovacuum and a checkpoint have been over it.
        // Done here at once, so neither runs on the bench's two cores while the figures are taken.
        await sql`VACUUM ANALYZE`.execute(serverDb.db);
        if (backend === 'postgres') await sql`CHECKPOINT`.execute(serverDb.db);
        await upsertPurchaseOrders(serverDb.db, SITE, [
          {
            id: 'PO-BENCH',
            number: 'PO-BENCH',
            supplier: 'x',
            status: 'open',
            expectedDate: null,
            overReceiptTolerancePct: 0,
            lines: [{ lineNo: 1, itemId: first.id, qtyOrdered: 10_000_000 }],
          },
        ]);

        const credential = await enrollCredential(server.url);
        // The server half of an initial sync: the snapshot stream, gzip over HTTP, read and parsed frame by frame.
        let t0 = performance.now();
        const streamed = await readSnapshot(server.url, credential);
        const streamMs = performance.now() - t0;
        if (streamed < itemCount) throw new Error(`snapshot streamed ${streamed} rows for ${itemCount} items`);
        rows.push({
          figure: `snapshot stream, ${itemCount} items (${backend} server -> HTTP gzip -> parsed frames)`,
          value: streamed / (streamMs / 1000),
          unit: 'rows/s',
        });

        t0 = performance.now();
        const compactRows = await readSnapshot(server.url, credential, 'compact');
        const compactMs = performance.now() - t0;
        if (compactRows < itemCount) throw new Error(`compact snapshot streamed ${compactRows} rows for ${itemCount} items`);
        rows.push({
          figure: `snapshot stream, compact, ${itemCount} items (${backend} server -> HTTP gzip -> parsed frames)`,
          value: compactRows / (compactMs / 1000),
          unit: 'rows/s',
          baseline: { name: 'the same snapshot as change objects', value: streamed / (streamMs / 1000) },
        });

        t0 = performance.now();
        const packedRows = await readSnapshot(server.url, credential, 'packed');
        const packedMs = performance.now() - t0;
        if (packedRows < itemCount) throw new Error(`packed snapshot streamed ${packedRows} rows for ${itemCount} items`);
        rows.push({
          figure: `snapshot stream, packed, ${itemCount} items (${backend} server -> HTTP gzip -> parsed frames)`,
          value: packedRows / (packedMs / 1000),
          unit: 'rows/s',
          baseline: { name: 'the same snapshot as compact rows', value: compactRows / (compactMs / 1000) },
        });

        // Initial sync into a new station cache file, from the server that streamed the snapshots above.
        const cacheFile = path.join(dir, 'station.sqlite');
        const initial = await initialSyncInItsOwnProcess(cacheFile, server.url, credential, itemCount);
        if (initial.cached !== itemCount) throw new Error(`initial sync cached ${initial.cached} of ${itemCount} items`);
        rows.push({
          figure: `initial sync, ${itemCount} items (${backend} server -> HTTP -> station SQLite)`,
          value: itemCount / (initial.syncMs / 1000),
          unit: 'rows/s',
          baseline: { name: 'bare bulk insert, same file', value: itemCount / (initial.bareMs / 1000) },
        });

        const stationDb = await openStationDatabase(cacheFile);
        const client = benchSyncClient(stationDb, server.url, credential);
        client.start();
        await client.syncNow();

        // Catch-up: ops queued while offline, then pushed (one transaction per batch on the server).
        const outbox = createOutbox(stationDb);
        const at = new Date().toISOString();
        stationDb.transaction(() => {
          for (let i = 0; i < opCount; i++) {
            outbox.enqueue('receipt.line', receiptLine('PO-BENCH', 1, first.id, 1, { receiptId: 'R-B' }), 'op-bench', at);
          }
        })();
        t0 = performance.now();
        await client.syncNow();
        await until(() => client.state().queueDepth === 0, 3_600_000, 10);
        const catchUpMs = performance.now() - t0;
        rows.push({ figure: `catch-up of ${opCount} queued ops (${backend})`, value: catchUpMs / 1000, unit: 's' });
        rows.push({
          figure: `push throughput, one station, batches of 200 (${backend})`,
          value: opCount / (catchUpMs / 1000),
          unit: 'ops/s',
        });

        // Hold created through the API -> station cache, over the live channel.
        await client.stop();
        const liveClient = createSyncClient({ db: stationDb, serverUrl: server.url, credential, pollIntervalMs: 3_600_000 });
        await until(() => liveClient.liveConnected(), 30_000);
        const holdCached = stationDb.prepare('SELECT 1 FROM holds WHERE id = ?');
        const latencies: number[] = [];
        for (let i = 0; i < 20; i++) {
          const id = `HB-${i}`;
          t0 = performance.now();
          const response = await fetch(`${server.url}/api/v1/sites/${SITE}/holds`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ id, kind: 'lot', itemId: second.id, lot: `L${i}`, location: null, reason: 'bench' }),
          });
          if (response.status !== 201) throw new Error(`hold: HTTP ${response.status}`);
          await until(() => holdCached.get(id) !== undefined, 30_000);
          latencies.push(performance.now() - t0);
        }
        await liveClient.stop();
        stationDb.close();
        rows.push({
          figure: `hold via API -> station cache, p50 (${backend}, live channel)`,
          value: percentile(latencies, 50),
          unit: 'ms',
        });
        rows.push({
          figure: `hold via API -> station cache, p95 (${backend}, live channel)`,
          value: percentile(latencies, 95),
          unit: 'ms',
        });
      } finally {
        await server.close();
        await serverDb.close();
      }

      // --- load: 200 stations, two server processes, one PostgreSQL ---
      if (!pgUrl) {
        clusterDir = await mkdtemp(path.join(tmpdir(), 'wb-bench-pg-'));
        pgUrl = await startPgCluster(clusterDir);
      }
      rows.push(...(await loadRows(pgUrl, ADMIN_KEY)));
      return rows;
    } finally {
      if (clusterDir) {
        await stopPgCluster(clusterDir).catch(() => undefined);
        await rm(clusterDir, { recursive: true, force: true });
      }
      await rm(dir, { recursive: true, force: true });
    }
  },
};
