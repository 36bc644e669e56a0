import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { createOutbox } from '../../../electron/core/storage/outbox';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '../../../electron/core/sync/client';
import { enroll } from '../../../electron/core/sync/enroll';
import { createServer } from '../../../server/app';
import type { SyncState } from '../../../shared/domain/sync-state';
import { startTcpProxy } from '../../faults/support/tcp-proxy';
import { bodyOf, expectOk, item, purchaseOrder, receiptLine, siteSettings } from '../../server/support/fixtures';
import { ADMIN_KEY, type Api, httpApi, startTestServer, type TestServer } from '../../server/support/harness';
import { startTestPostgres, type TestPostgres } from '../../server/support/postgres';

const fastBackoff = { initialMs: 20, maxMs: 200 };
const LedgerPage = z.object({
  items: z.array(z.object({ opId: z.string().nullable(), qty: z.number(), kind: z.string() })),
  nextCursor: z.string().nullable(),
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function serverLedger(api: Api, siteId: string) {
  return bodyOf(LedgerPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/ledger?limit=1000`))).items;
}

const count = (db: Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe.each(['pglite', 'postgres'] as const)('station sync client against the real server [%s]', (backend) => {
  let postgres: TestPostgres | undefined;
  let server: TestServer;
  let dir: string;
  let port: number;
  const clients: SyncClient[] = [];
  const dbs: Database[] = [];
  let siteN = 0;

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startTestPostgres();
    server = await startTestServer({ backend, ...(postgres ? { databaseUrl: postgres.url } : {}) });
    port = Number(new URL(server.url).port);
    dir = await mkdtemp(path.join(tmpdir(), 'wb-sync-'));
  }, 120_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
    for (const db of dbs.splice(0)) db.close();
  });

  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  /** A site with items and a PO, a station database file, and an enrolled credential. */
  async function station(extra: Partial<SyncClientOptions> = {}) {
    const siteId = `site-${backend}-${++siteN}`;
    const { api } = server;
    await expectOk(api('PUT', `/api/v1/sites/${siteId}`, { body: siteSettings(siteId) }));
    await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items: [item('A'), item('B'), item('C')] } }));
    await expectOk(
      api('POST', `/api/v1/sites/${siteId}/purchase-orders`, {
        body: {
          purchaseOrders: [
            purchaseOrder('PO1', [
              { itemId: 'A', qty: 1000 },
              { itemId: 'B', qty: 2 },
            ]),
          ],
        },
      }),
    );
    const code = bodyOf(z.object({ code: z.string() }), await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId } }), 201));
    const enrolled = await enroll(server.url, code.code, 'bench', 'receiving');
    const db = await openStationDatabase(path.join(dir, `${siteId}.sqlite`));
    dbs.push(db);
    const states: SyncState[] = [];
    const client = createSyncClient({
      db,
      serverUrl: server.url,
      credential: enrolled.credential,
      backoff: fastBackoff,
      pollIntervalMs: 3_600_000,
      onState: (s) => states.push(s),
      ...extra,
    });
    clients.push(client);
    const outbox = createOutbox(db);
    const receive = (qty: number, poLineNo = 1, itemId = 'A') =>
      outbox.enqueue('receipt.line', receiptLine('PO1', poLineNo, itemId, qty), 'op-1', new Date().toISOString());
    return { siteId, api, db, client, outbox, states, receive, credential: enrolled.credential };
  }

  it('syncs the master data down, pushes queued ops, and the server ledger shows them', async () => {
    const s = await station();
    await until(() => s.client.state().initialSync.done, 'initial sync');
    expect(count(s.db, 'SELECT count(*) AS n FROM items')).toBe(3);
    expect(count(s.db, 'SELECT count(*) AS n FROM po_lines WHERE po_id = ?', 'PO1')).toBe(2);
    const opIds = [s.receive(2), s.receive(3)];
    expect(s.client.state().queueDepth).toBe(2);
    s.client.kick();
    await until(() => s.client.state().queueDepth === 0, 'queue drained');
    const ledger = await serverLedger(s.api, s.siteId);
    expect(ledger.map((e) => e.opId).sort()).toEqual([...opIds].sort());
    const final = await s.client.syncNow();
    expect(final).toMatchObject({
      mode: 'enrolled',
      online: true,
      queueDepth: 0,
      rejected: 0,
      lastError: null,
      initialSync: { done: true },
    });
    expect(final.lastSyncAt).not.toBeNull();
    expect(s.states.at(-1)).toEqual(final);
  });

  it('keeps queueing while the server is down and applies every op exactly once when it is back', async () => {
    const s = await station();
    await until(() => s.client.state().initialSync.done, 'initial sync');
    await server.app.close();
    const opIds: string[] = [];
    for (let i = 0; i < 30; i++) {
      opIds.push(s.receive(1));
      s.client.kick();
    }
    await until(() => s.client.state().lastError !== null && !s.client.state().online, 'offline noticed');
    expect(s.client.state().queueDepth).toBe(30);
    // The same database and port: the server process restarted.
    const app = await createServer({
      db: server.serverDb,
      adminKey: ADMIN_KEY,
      limits: { requestsPerMinute: 100_000 },
      liveKeepAliveMs: 1000,
    });
    await app.listen({ port, host: '127.0.0.1' });
    server = { ...server, app };
    await until(() => s.client.state().queueDepth === 0, 'queue drained after restart');
    const ledger = await serverLedger(s.api, s.siteId);
    expect(ledger).toHaveLength(30);
    expect(new Set(ledger.map((e) => e.opId))).toEqual(new Set(opIds));
    expect(s.client.state()).toMatchObject({ online: true, lastError: null });
    const outboxStates = s.db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
    expect(outboxStates).toEqual([{ state: 'applied', n: 30 }]);
  });

  it('answers a retried push after a lost answer as duplicate and applies it once', async () => {
    let dropped = 0;
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/sync/v1/push') && dropped === 0) {
        dropped++;
        // The server applied the batch, but the answer never arrives.
        throw new TypeError('fetch failed: connection reset');
      }
      return response;
    };
    const s = await station({ fetch: lossyFetch, live: false });
    await until(() => s.client.state().initialSync.done, 'initial sync');
    const opId = s.receive(4);
    s.client.kick();
    await until(() => s.client.state().queueDepth === 0, 'queue drained');
    expect(dropped).toBe(1);
    expect(s.outbox.get(opId)?.state).toBe('duplicate');
    const ledger = await serverLedger(s.api, s.siteId);
    expect(ledger.filter((e) => e.opId === opId)).toHaveLength(1);
  });

  it('shows a rejected op as an exception and still applies the ops after it', async () => {
    const s = await station();
    await until(() => s.client.state().initialSync.done, 'initial sync');
    const ok1 = s.receive(1, 2, 'B');
    const over = s.receive(5, 2, 'B'); // line 2 ordered 2: over-receipt
    const ok2 = s.receive(1, 2, 'B');
    const malformed = s.outbox.enqueue('receipt.line', { nonsense: true }, 'op-1', new Date().toISOString());
    const ok3 = s.receive(1);
    s.client.kick();
    await until(() => s.client.state().queueDepth === 0, 'queue drained');
    expect([ok1, ok2, ok3].map((id) => s.outbox.get(id)?.state)).toEqual(['applied', 'applied', 'applied']);
    expect(s.outbox.get(over)).toMatchObject({ state: 'rejected', rejectCode: 'over_receipt' });
    expect(s.outbox.get(malformed)).toMatchObject({ state: 'rejected', rejectCode: 'invalid_op' });
    const rejected = s.client.rejected();
    expect(rejected.map((r) => r.opId).sort()).toEqual([over, malformed].sort());
    expect(rejected.find((r) => r.opId === over)?.reason).toMatch(/would pass the 2 allowed/);
    expect(s.client.state().rejected).toBe(2);
    expect(s.client.resolveRejected(over, 'counted again', 'sup-1')).toBe(true);
    expect(s.client.state().rejected).toBe(1);
    expect(s.client.resolveRejected(over)).toBe(false);
    const Exceptions = z.object({ items: z.array(z.object({ opId: z.string() })) });
    await until(async () => {
      const open = bodyOf(Exceptions, await expectOk(s.api('GET', '/sync/v1/exceptions', { token: s.credential })));
      return !open.items.some((e) => e.opId === over);
    }, 'server exception resolved');
  });

  it('gets a hold created through the API into the station cache through the live channel', async () => {
    const s = await station();
    await until(() => s.client.state().initialSync.done && s.client.liveConnected(), 'initial sync and live channel');
    await expectOk(
      s.api('POST', `/api/v1/sites/${s.siteId}/holds`, {
        body: { id: 'QH-1', kind: 'lot', itemId: 'A', lot: 'L7', location: null, reason: 'supplier recall' },
      }),
      201,
    );
    // No polling (interval one hour): only the live notification can bring it this soon.
    await until(() => count(s.db, "SELECT count(*) AS n FROM holds WHERE id = 'QH-1' AND active = 1") === 1, 'hold in the station cache');
    await expectOk(s.api('POST', `/api/v1/sites/${s.siteId}/holds/QH-1/release`, { body: {} }));
    await until(
      () => count(s.db, "SELECT count(*) AS n FROM holds WHERE id = 'QH-1' AND active = 0") === 1,
      'release in the station cache',
    );
  });

  it('on reset (server rebuilt) clears the cache, pulls from 0 and keeps the outbox', async () => {
    const s = await station({ live: false });
    await until(() => s.client.state().initialSync.done, 'initial sync');
    s.db.prepare("INSERT INTO items (id, sku, description, unit_weight_g) VALUES ('STALE', 'STALE', 'not on the server', 1)").run();
    const queued = s.receive(1);
    await server.app.close();
    s.client.kick();
    await server.serverDb.db
      .updateTable('server_meta')
      .set({ value: `rebuilt-${siteN}-${Date.now()}` })
      .where('key', '=', 'epoch')
      .execute();
    const app = await createServer({
      db: server.serverDb,
      adminKey: ADMIN_KEY,
      limits: { requestsPerMinute: 100_000 },
      liveKeepAliveMs: 1000,
    });
    await app.listen({ port, host: '127.0.0.1' });
    server = { ...server, app };
    await s.client.syncNow();
    expect(count(s.db, "SELECT count(*) AS n FROM items WHERE id = 'STALE'")).toBe(0);
    expect(count(s.db, 'SELECT count(*) AS n FROM items')).toBe(3);
    expect(s.outbox.get(queued)?.state).toBe('applied');
    expect(s.client.state().initialSync.done).toBe(true);
  });

  it('loads the site from the snapshot with progress; a cut load is not complete and resumes where it stopped', async () => {
    const snapshotUrls: string[] = [];
    let clientOf: SyncClient | undefined;
    let completeWhenResumed: boolean | undefined;
    // The first snapshot stream breaks after its rows arrived, before its end frame.
    const cuttingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/sync/v1/snapshot')) return response;
      snapshotUrls.push(String(input));
      if (snapshotUrls.length > 1) {
        completeWhenResumed = clientOf?.cacheComplete();
        return response;
      }
      const lines = (await response.text()).split('\n').filter((l) => /"type":"(begin|rows|items|packed)"/.test(l));
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulls++ === 0) controller.enqueue(new TextEncoder().encode(`${lines.join('\n')}\n`));
          else controller.error(new TypeError('terminated: other side closed'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
    };
    const s = await station({ fetch: cuttingFetch, live: false });
    clientOf = s.client;
    await until(() => s.client.state().initialSync.done, 'initial sync');
    // Between the cut and the end of the resumed load the station did not take its partial cache for the site.
    expect(completeWhenResumed).toBe(false);
    expect(s.client.cacheComplete()).toBe(true);
    // The cut load kept its rows (site settings, 3 items, the PO) but did not count as complete; the next one asked only for what came after.
    const cut = s.states.find((st) => st.lastError !== null);
    expect(cut?.initialSync).toMatchObject({ done: false, received: 5, total: 5 });
    expect(snapshotUrls).toHaveLength(2);
    const resumed = new URL(snapshotUrls[1]!).searchParams;
    expect(Number(resumed.get('after'))).toBeGreaterThan(0);
    expect(resumed.get('upTo')).toBe(resumed.get('after'));
    expect(s.client.state().initialSync).toEqual({ done: true, received: 5, total: 5, secondsLeft: 0 });
    expect(count(s.db, 'SELECT count(*) AS n FROM items')).toBe(3);
    expect(count(s.db, 'SELECT count(*) AS n FROM po_lines')).toBe(2);
  });

  it('a packed frame with an item that is not one loads the others; one whose lengths do not add up is refused whole', async () => {
    /** The snapshot as the server sends it, with its first packed frame changed by `change`. */
    const altering =
      (change: (frame: { count: number; text: string; numbers: number[] }) => void): typeof fetch =>
      async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).includes('/sync/v1/snapshot')) return response;
        let altered = false;
        const lines = (await response.text()).split('\n').map((line) => {
          if (altered || !line.includes('"type":"packed"')) return line;
          altered = true;
          const frame = JSON.parse(line);
          change(frame);
          return JSON.stringify(frame);
        });
        return new Response(lines.join('\n'), { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
      };
    // The first item's unit weight (its sixth number) below zero: that item is skipped, the rest of the site loads.
    const negativeWeight = await station({
      live: false,
      fetch: altering((frame) => {
        frame.numbers[5] = -5;
      }),
    });
    await until(() => negativeWeight.client.state().initialSync.done, 'the load with one bad item');
    expect(negativeWeight.db.prepare('SELECT id FROM items ORDER BY id').all()).toEqual([{ id: 'B' }, { id: 'C' }]);
    expect(count(negativeWeight.db, 'SELECT count(*) AS n FROM po_lines')).toBe(2);

    const tooLong = await station({
      live: false,
      fetch: altering((frame) => {
        frame.text += 'x';
      }),
    });
    await until(() => tooLong.states.some((st) => st.lastError?.includes('does not add up') ?? false), 'the refused frame');
    expect(tooLong.client.cacheComplete()).toBe(false);
    expect(count(tooLong.db, 'SELECT count(*) AS n FROM items')).toBe(0);
  });

  it('a server from before packed frames refuses them; the station loads compact rows from it instead', async () => {
    const asked: (string | null)[] = [];
    const olderServer: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.includes('/sync/v1/snapshot')) return fetch(input, init);
      asked.push(new URL(url).searchParams.get('format'));
      // An older server's query schema has no `packed`: this server answers a format it does not know the same way.
      return fetch(url.replace('format=packed', 'format=not-known'), init);
    };
    const s = await station({ live: false, fetch: olderServer });
    await until(() => s.client.state().initialSync.done, 'the load in compact rows');
    expect(asked).toEqual(['packed', 'compact']);
    expect(s.db.prepare('SELECT id FROM items ORDER BY id').all()).toEqual([{ id: 'A' }, { id: 'B' }, { id: 'C' }]);
    expect(count(s.db, 'SELECT count(*) AS n FROM po_lines')).toBe(2);
    expect(s.client.cacheComplete()).toBe(true);
  });

  it('a snapshot the cache cannot take fails loudly and leaves the cache incomplete; it loads once the data is fixed', async () => {
    const s = await station({ autoStart: false, live: false });
    // Two items with one SKU: the cache keeps SKUs unique, so the rows of that transaction cannot be written.
    await expectOk(
      s.api('POST', `/api/v1/sites/${s.siteId}/items`, {
        body: { items: [item('D', { sku: 'SKU-TWICE' }), item('E', { sku: 'SKU-TWICE' })] },
      }),
    );
    s.client.start();
    await until(() => s.states.some((st) => st.lastError?.includes('UNIQUE constraint failed: items.sku') ?? false), 'the failed load');
    expect(s.client.cacheComplete()).toBe(false);
    expect(s.client.state().initialSync.done).toBe(false);

    await expectOk(s.api('POST', `/api/v1/sites/${s.siteId}/items`, { body: { items: [item('E', { sku: 'SKU-E' })] } }));
    await until(() => s.client.state().initialSync.done, 'the load after the fix');
    await s.client.syncNow();
    expect(s.db.prepare('SELECT id, sku FROM items ORDER BY id').all()).toEqual([
      { id: 'A', sku: 'SKU-A' },
      { id: 'B', sku: 'SKU-B' },
      { id: 'C', sku: 'SKU-C' },
      { id: 'D', sku: 'SKU-TWICE' },
      { id: 'E', sku: 'SKU-E' },
    ]);
    // The barcodes' item index, left out while the rows went in, is back.
    expect(count(s.db, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'item_barcodes_item'")).toBe(1);
  });

  it('tells the station within 5 s of silence that the server is gone, even when idle, and back online the same way', async () => {
    const proxy = await startTcpProxy({ port });
    try {
      const s = await station({ serverUrl: proxy.url });
      await until(() => s.client.state().initialSync.done && s.client.liveConnected(), 'initial sync and live channel');
      expect(s.client.state().online).toBe(true);
      // Nobody works: no push, no pull. Only the missing heartbeats can tell.
      proxy.blackhole();
      await until(() => !s.client.state().online, 'offline seen', 7000);
      expect(s.client.state().lastError).toMatch(/not reachable/);
      proxy.heal();
      await until(() => s.client.state().online && s.client.liveConnected(), 'back online', 7000);
      expect(s.client.state().lastError).toBeNull();
    } finally {
      await proxy.close();
    }
  }, 30_000);

  it('refuses a used enrollment code with a clear error', async () => {
    const siteId = `site-${backend}-enroll`;
    await expectOk(server.api('PUT', `/api/v1/sites/${siteId}`, { body: siteSettings(siteId) }));
    const code = bodyOf(
      z.object({ code: z.string() }),
      await expectOk(server.api('POST', '/api/v1/enrollment-codes', { body: { siteId } }), 201),
    );
    await enroll(server.url, code.code, 'one', 'packing');
    await expect(enroll(server.url, code.code, 'two', 'packing')).rejects.toMatchObject({ code: 'invalid_enrollment_code' });
    await expect(enroll('http://127.0.0.1:1', code.code, 'three', 'packing')).rejects.toMatchObject({ code: 'unreachable' });
  });
});

describe('revocation seen by the sync client', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    dir = await mkdtemp(path.join(tmpdir(), 'wb-sync-revoke-'));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the revocation as the last error and keeps the ops queued', async () => {
    const api = httpApi(server.url);
    await expectOk(api('PUT', '/api/v1/sites/rv', { body: siteSettings('rv') }));
    const code = bodyOf(
      z.object({ code: z.string() }),
      await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId: 'rv' } }), 201),
    );
    const enrolled = await enroll(server.url, code.code, 'bench-r', 'both');
    const db = await openStationDatabase(path.join(dir, 'rv.sqlite'));
    const client = createSyncClient({
      db,
      serverUrl: server.url,
      credential: enrolled.credential,
      backoff: fastBackoff,
      pollIntervalMs: 3_600_000,
      live: false,
    });
    try {
      await until(() => client.state().initialSync.done, 'initial sync');
      await expectOk(api('POST', `/api/v1/stations/${enrolled.stationId}/revoke`));
      createOutbox(db).enqueue('order.problem', { orderId: 'SO1', reason: 'torn' }, 'op-1', new Date().toISOString());
      const state = await client.syncNow();
      expect(state.lastError).toMatch(/revoked/);
      expect(state.queueDepth).toBe(1);
    } finally {
      await client.stop();
      db.close();
    }
  });
});
