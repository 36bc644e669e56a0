import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../electron/core/storage/open';
import { tempDir } from '../support/temp-dir';
import { boltGtin, type CentralServer, doubles, serverLedgerOpIds, serverReceiptOpIds, startCentralServer } from './support/central-server';
import { type Ack, type StationProcess, startStationProcess, writeStationConfig } from './support/station-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { within } from './support/until';

const BURST = 1000;
const PUSH = /^POST \/sync\/v1\/push$/;

const rows = <T>(db: Database, sql: string): T[] => db.prepare(sql).all() as T[];

describe('kill -9 of the station core during a burst of 1,000 scans', () => {
  let server: CentralServer;
  let proxy: TcpProxy;
  let serverStationId: string;
  const dir = tempDir('wb-crash-');
  const running: StationProcess[] = [];

  beforeAll(async () => {
    server = await startCentralServer();
    proxy = await startTcpProxy({ port: server.port });
    const enrolled = await server.enrollStation('crash bench');
    serverStationId = enrolled.stationId;
    writeStationConfig(dir.path, { url: proxy.url, credential: enrolled.credential });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill()));
    await proxy?.close();
    await server?.close();
    dir.remove();
  }, 60_000);

  const start = async (onAck?: (ack: Ack, count: number) => void) => {
    const station = await startStationProcess(dir.path, { ...(onAck ? { onAck } : {}) });
    running.push(station);
    return station;
  };

  it('loses no acknowledged scan and doubles nothing, on the station or on the server', async () => {
    const gtin = boltGtin(server.dataset);
    const acked = new Map<number, Ack>();
    const keep = (station: StationProcess) => {
      for (const ack of station.acks) acked.set(ack.n, ack);
    };
    const unacked = () => Array.from({ length: BURST }, (_, i) => i + 1).filter((n) => !acked.has(n));

    // 1. The whole burst, killed at a random point once at least 200 scans were acknowledged; pushes run meanwhile.
    const killAt = 200 + Math.floor(Math.random() * 500);
    const first = await start((_ack, count) => {
      if (count === killAt) process.kill(first.pid, 'SIGKILL');
    });
    for (let n = 1; n <= BURST; n++) first.scan(n, gtin);
    const firstExit = await first.exited;
    expect(firstExit.signal).toBe('SIGKILL');
    expect(first.acks.length, `killed after ${killAt} acknowledged scans`).toBeGreaterThanOrEqual(killAt);
    expect(first.acks.length).toBeLessThan(BURST);
    keep(first);

    // 2. Restarted on the same folder: half of the unacknowledged scans again, and a kill while a push is in
    //    flight — the server has applied the batch, the station never hears the answer.
    const second = await start();
    expect(second.ready.receiptId).toBe(first.ready.receiptId);
    const rest = unacked();
    for (const n of rest.slice(0, Math.ceil(rest.length / 2))) second.scan(n, gtin);
    await second.waitForAcks(Math.min(50, rest.length));
    const cut = await within(
      proxy.cutNextAnswer(PUSH, () => second.kill()),
      'a push answer to hold back',
    );
    expect(cut).toMatch(PUSH);
    expect((await second.exited).signal).toBe('SIGKILL');
    keep(second);

    // 3. Restarted again: the rest of the burst while the unanswered batch goes out again, then sync until the outbox is empty.
    const third = await start();
    const last = unacked();
    for (const n of last) third.scan(n, gtin);
    await third.waitForAcks(last.length);
    keep(third);
    let state = await third.sync();
    for (let i = 0; i < 20 && state.queueDepth > 0; i++) state = await third.sync();
    expect(state).toMatchObject({ online: true, queueDepth: 0, rejected: 0, lastError: null });
    await third.quit();

    expect(acked.size).toBe(BURST);
    expect([...acked.values()].every((a) => a.decision === 'accepted' && a.opId !== '-')).toBe(true);
    expect([...first.refused, ...second.refused, ...third.refused]).toEqual([]);

    const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
    try {
      const lines = rows<{ op_id: string; qty: number }>(db, 'SELECT op_id, qty FROM receipt_lines WHERE undone_at IS NULL');
      const lineOps = lines.map((l) => l.op_id);
      // Every acknowledged scan is a received line (scans that were written but not acknowledged may add more).
      expect(lines.length).toBeGreaterThanOrEqual(BURST);
      const lineSet = new Set(lineOps);
      expect([...acked.values()].filter((a) => !lineSet.has(a.opId))).toEqual([]);
      expect(lines.every((l) => l.qty === 1)).toBe(true);
      expect(rows<{ n: number }>(db, "SELECT count(*) AS n FROM journal WHERE kind = 'receiving.line'")[0]?.n).toBe(lines.length);

      // The outbox holds each op once: one receipt.line op per line, all answered by the server.
      const outbox = rows<{ op_id: string; state: string }>(db, "SELECT op_id, state FROM outbox WHERE kind = 'receipt.line'");
      expect(doubles(outbox.map((o) => o.op_id))).toEqual([]);
      expect(new Set(outbox.map((o) => o.op_id))).toEqual(new Set(lineOps));
      expect(rows<{ state: string }>(db, "SELECT DISTINCT state FROM outbox WHERE state NOT IN ('applied', 'duplicate')")).toEqual([]);
      // The batch applied while its station died came back as duplicates on the next push.
      expect(outbox.filter((o) => o.state === 'duplicate').length).toBeGreaterThan(0);

      // The server has each op exactly once, in the receipt and in the ledger.
      const onServer = await serverReceiptOpIds(server, first.ready.receiptId);
      expect(doubles(onServer)).toEqual([]);
      expect(new Set(onServer)).toEqual(new Set(lineOps));
      const ledger = await serverLedgerOpIds(server, serverStationId);
      expect(doubles(ledger)).toEqual([]);
      expect(new Set(ledger)).toEqual(new Set(lineOps));
    } finally {
      db.close();
    }
  }, 120_000);
});
