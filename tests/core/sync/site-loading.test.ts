import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/app/station';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { createSyncClient, type SyncClient } from '../../../electron/core/sync/client';
import { isLoopbackServer } from '../../../electron/core/sync/server-api';
import { ScanFeedback } from '../../../shared/contract/station';
import { demo } from '../../../shared/demo/dataset';
import { boltGtin, type CentralServer, startCentralServer } from '../../faults/support/central-server';
import { english } from '../../support/english';
import { tempDir } from '../../support/temp-dir';

/**
 * Fetch that, while `cutting`, hands the station every snapshot frame but the `end` frame and then breaks the
 * connection: the cache holds the rows, yet the snapshot is not complete.
 */
function snapshotCutter() {
  const state = { cutting: true, cuts: 0 };
  const cutFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!state.cutting || !url.includes('/sync/v1/snapshot') || !response.ok) return response;
    state.cuts++;
    const lines = (await response.text()).split('\n').filter((line) => line.trim() && !line.includes('"type":"end"'));
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('connection reset'));
        sent = true;
        controller.enqueue(new TextEncoder().encode(`${lines.join('\n')}\n`));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
  };
  return { state, cutFetch };
}

describe('scans wait for the whole site: a station whose snapshot is incomplete refuses receiving and packing scans', () => {
  const dir = tempDir();
  let server: CentralServer;
  let station: Station;
  let client: SyncClient | undefined;
  const cutter = snapshotCutter();

  const call = async (command: string, input: unknown = {}) => {
    const result = await station.call(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const scan = async (data: string) => ScanFeedback.parse(await call('scan.submit', { data }));

  beforeAll(async () => {
    server = await startCentralServer();
    const enrolled = await server.enrollStation('dock-loading');
    const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
    station = createStation({
      db,
      sync: (deps) => {
        client = createSyncClient({
          ...deps,
          serverUrl: server.url,
          credential: enrolled.credential,
          fetch: cutter.cutFetch,
          live: false,
          backoff: { initialMs: 20, maxMs: 200 },
          pollIntervalMs: 3_600_000,
        });
        return client;
      },
    });
  }, 120_000);

  afterAll(async () => {
    await station?.close();
    await server?.close();
    dir.remove();
  }, 60_000);

  it('says the site is still loading instead of judging the scan, and judges it once the snapshot is complete', async () => {
    if (!client) throw new Error('the station made no sync client');
    const sync = client;
    const first = await sync.syncNow();
    expect(cutter.state.cuts).toBeGreaterThan(0);
    expect(first.initialSync.done).toBe(false);
    expect(first.initialSync.received).toBeGreaterThan(0);

    await call('session.signIn', { badge: demo.badges.receiver });
    await call('workflow.select', { workflow: 'receiving' });
    const receiving = await scan(boltGtin(server.dataset));
    expect(receiving.outcome).toBe('refused');
    expect(english(receiving.message)).toMatch(/still loading from the server.*see Sync/);
    await call('session.signOut');

    await call('session.signIn', { badge: demo.badges.packer });
    await call('workflow.select', { workflow: 'packing' });
    const packing = await scan(boltGtin(server.dataset));
    expect(packing.outcome).toBe('refused');
    expect(english(packing.message)).toMatch(/still loading from the server.*see Sync/);
    await call('session.signOut');

    // The connection holds: the snapshot resumes where it stopped and completes; the same scan is judged.
    cutter.state.cutting = false;
    const done = await sync.syncNow();
    expect(done.initialSync.done).toBe(true);
    await call('session.signIn', { badge: demo.badges.receiver });
    await call('workflow.select', { workflow: 'receiving' });
    await call('receiving.open', { reference: demo.po });
    const accepted = await scan(boltGtin(server.dataset));
    expect(accepted.outcome).toBe('accepted');
  }, 120_000);
});

describe('snapshot compression', () => {
  it('asks for gzip from a remote server and for the plain stream from one on this machine', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:4000', 'http://127.4.5.6'])
      expect(isLoopbackServer(url)).toBe(true);
    for (const url of ['https://wms.example.com', 'http://10.0.0.5:8080', 'https://127.0.0.1.example.com', 'not a url'])
      expect(isLoopbackServer(url)).toBe(false);
  });
});
