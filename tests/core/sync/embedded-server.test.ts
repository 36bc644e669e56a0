import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../electron/core/app/boot';
import type { Station } from '../../../electron/core/app/station';
import { silentLogger } from '../../../electron/core/kernel/log';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { buildDemoDataset, demo } from '../../../shared/demo/dataset';
import type { SyncState } from '../../../shared/domain/sync-state';
import { tempDir } from '../../support/temp-dir';

async function call<T>(station: Station, command: string, input: unknown = {}): Promise<T> {
  const result = await station.call(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the embedded default: a central server in-process, the station enrolled and syncing with it', () => {
  const dir = tempDir();
  let station: Station;
  let server: { url: string; adminKey: string; siteId: string } | undefined;
  const ledger = async () => {
    if (!server) throw new Error('no embedded server');
    const response = await fetch(`${server.url}/api/v1/sites/${server.siteId}/ledger?limit=100`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { kind: string; itemId: string; qty: number; lot: string | null }[] }).items;
  };

  beforeAll(async () => {
    station = await bootStation({ dataDir: dir.path, log: silentLogger(), onEmbeddedServer: (s) => (server = s) });
  });
  afterAll(async () => {
    await station.close();
    dir.remove();
  });

  it('pulls the demo site from the server before the first sign-in', async () => {
    expect(server?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = await call<SyncState>(station, 'sync.state');
    expect(state).toMatchObject({ mode: 'enrolled', online: true, initialSync: { done: true } });
    const cache = await openStationDatabase(join(dir.path, 'station.sqlite'));
    const items = cache.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
    cache.close();
    expect(items.n).toBe(buildDemoDataset().items.length);
    await call(station, 'session.signIn', { badge: demo.badges.receiver });
  });

  it('a receipt at the station reaches the server ledger once', async () => {
    await call(station, 'workflow.select', { workflow: 'receiving' });
    await call(station, 'receiving.open', { reference: demo.po });
    const mug = buildDemoDataset().items.find((i) => i.id === demo.items.mug);
    const gtin = mug?.barcodes[0]?.code;
    if (!gtin) throw new Error('demo mug has no GTIN');
    const feedback = await call<{ outcome: string }>(station, 'scan.submit', { data: gtin });
    expect(feedback.outcome).toBe('accepted');
    const entries = await until(async () => {
      await call(station, 'sync.now');
      const all = await ledger();
      const receipts = all.filter((e) => e.kind === 'receipt' && e.itemId === demo.items.mug);
      return receipts.length > 0 ? receipts : undefined;
    }, 'the receipt in the server ledger');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.qty).toBe(1);
    expect((await call<SyncState>(station, 'sync.state')).queueDepth).toBe(0);
  });

  it('a restart keeps the enrollment and the site: nothing is imported or enrolled twice', async () => {
    const before = station.context.stationId;
    await station.close();
    station = await bootStation({ dataDir: dir.path, log: silentLogger(), onEmbeddedServer: (s) => (server = s) });
    expect(station.context.stationId).toBe(before);
    expect(await call<SyncState>(station, 'sync.state')).toMatchObject({ online: true, queueDepth: 0, rejected: 0 });
    const receipts = (await ledger()).filter((e) => e.kind === 'receipt' && e.itemId === demo.items.mug);
    expect(receipts).toHaveLength(1);
  });
});
