import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { type CentralServer, doubles, serverLedgerOpIds, serverReceiptOpIds, startCentralServer } from './support/central-server';
import { type ReceivingBench, startReceivingBench } from './support/receiving-bench';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { until } from './support/until';

const PUSH = /^POST \/sync\/v1\/push$/;
const REQUEST_TIMEOUT_MS = 1000;

describe('network partitions between a station and its server (a real TCP proxy on loopback)', () => {
  let server: CentralServer;
  let proxy: TcpProxy;
  const dir = tempDir('wb-partition-');
  const benches: ReceivingBench[] = [];

  beforeAll(async () => {
    server = await startCentralServer();
    proxy = await startTcpProxy({ port: server.port });
  }, 60_000);

  afterEach(async () => {
    proxy.heal();
    await server.start();
    await Promise.all(benches.splice(0).map((b) => b.close()));
  });

  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    dir.remove();
  }, 60_000);

  const bench = async (name: string, requestTimeoutMs = 5000) => {
    const b = await startReceivingBench(server, { dir: dir.path, name, serverUrl: proxy.url, sync: { requestTimeoutMs } });
    benches.push(b);
    return b;
  };

  const drained = (b: ReceivingBench, what: string) =>
    until(() => {
      const state = b.sync.state();
      return state.queueDepth === 0 && state.online && state.lastError === null && state;
    }, what);

  /** Every line the station recorded is on the server exactly once, and the station knows it. */
  async function expectEachOpOnce(b: ReceivingBench, recorded: string[]) {
    const lineOps = b.lineOps();
    expect(new Set(lineOps)).toEqual(new Set(recorded));
    expect(lineOps).toHaveLength(recorded.length);
    const states = b.outboxStates();
    expect(Object.keys(states).filter((s) => s !== 'applied' && s !== 'duplicate')).toEqual([]);
    expect((states.applied ?? 0) + (states.duplicate ?? 0)).toBe(recorded.length);
    const receipts = await serverReceiptOpIds(server, b.receiptId);
    expect(doubles(receipts)).toEqual([]);
    expect(new Set(receipts)).toEqual(new Set(recorded));
    const ledger = await serverLedgerOpIds(server, b.serverStationId);
    expect(doubles(ledger)).toEqual([]);
    expect(new Set(ledger)).toEqual(new Set(recorded));
    return states;
  }

  it('server stopped and started while the station keeps recording: nothing lost, nothing doubled', async () => {
    const b = await bench('restarts');
    const recorded: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 15; i++) recorded.push(await b.scan());
      // Stopped while pushes may be under way.
      await server.stop();
      for (let i = 0; i < 15; i++) recorded.push(await b.scan());
      const offline = await until(() => {
        const state = b.sync.state();
        return !state.online && /not reachable/.test(state.lastError ?? '') && state;
      }, 'the station to report the server unreachable');
      expect(offline.queueDepth).toBeGreaterThan(0);
      await server.start();
    }
    await drained(b, 'the queue to drain after the last restart');
    await expectEachOpOnce(b, recorded);
  });

  it('connection cut after the server applied a push, before the answer arrived: each op once, the retries answered duplicate', async () => {
    const b = await bench('cut');
    const recorded: string[] = [];
    for (let i = 0; i < 5; i++) recorded.push(await b.scan());
    await drained(b, 'the first ops pushed');
    // Three push answers in a row never reach the station; the server applied each batch.
    for (let cut = 0; cut < 3; cut++) {
      const answered = proxy.cutNextAnswer(PUSH);
      for (let i = 0; i < 10; i++) recorded.push(await b.scan());
      expect(await answered).toMatch(PUSH);
    }
    // Healed: the station hears the answers again.
    for (let i = 0; i < 5; i++) recorded.push(await b.scan());
    await drained(b, 'the queue to drain after the cuts');
    const states = await expectEachOpOnce(b, recorded);
    expect(states.duplicate ?? 0).toBeGreaterThan(0);
    expect(proxy.requests().get('POST /sync/v1/push') ?? 0).toBeGreaterThan(3);
  });

  it('black hole: the station shows offline with a clear error within its request timeout, and recovers when healed', async () => {
    const b = await bench('blackhole', REQUEST_TIMEOUT_MS);
    const recorded: string[] = [];
    for (let i = 0; i < 5; i++) recorded.push(await b.scan());
    await drained(b, 'the first ops pushed');

    proxy.blackhole();
    for (let i = 0; i < 10; i++) recorded.push(await b.scan());
    // syncNow returns once the push gave up: the black hole costs one request timeout, not a hang.
    const state = await b.sync.syncNow();
    expect(state).toMatchObject({ online: false, queueDepth: 10 });
    expect(state.lastError).toMatch(/not reachable.*timeout/i);
    expect(await b.station.call('sync.state', {})).toMatchObject({ ok: true, value: { online: false, queueDepth: 10 } });

    proxy.heal();
    for (let i = 0; i < 5; i++) recorded.push(await b.scan());
    await drained(b, 'the station to recover after the heal');
    await expectEachOpOnce(b, recorded);
  });
});
