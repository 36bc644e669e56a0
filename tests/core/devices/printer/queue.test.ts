import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createPrintQueue, type PrintJob, type PrintQueue, PrintQueueError } from '../../../../electron/core/devices/printer/queue';
import { openPrinterTarget, parsePrinterTarget } from '../../../../electron/core/devices/printer/targets';
import { migration } from '../../../../electron/core/storage/migrations/0005-print-jobs';
import { closedPort, type RawListener, startRawListener } from '../../../support/devices/raw-listener';

const LABEL = '^XA\n^CI28^PW812^LL609^LH0,0\n^FO20,20^A0N,40,40^FDCARTON 1^FS\n^XZ\n';
const BIG_LABEL = `^XA${'^FO10,10^A0N,30,30^FDfiller^FS'.repeat(200_000)}^XZ`;

async function openDb(path: string): Promise<Database> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  return db;
}

describe('durable print queue', () => {
  let dir: string;
  let db: Database;
  let clock: number;
  const listeners: RawListener[] = [];

  const queueOn = (database: Database): PrintQueue =>
    createPrintQueue({
      db: database,
      transportFor: (target) => openPrinterTarget(parsePrinterTarget(target), { tcp: { ioTimeoutMs: 2_000 } }),
      now: () => clock,
      maxAttempts: 3,
      backoff: { initialMs: 1_000, maxMs: 10_000 },
    });

  const listen = async (...args: Parameters<typeof startRawListener>): Promise<RawListener> => {
    const listener = await startRawListener(...args);
    listeners.push(listener);
    return listener;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warebench-print-queue-'));
    db = await openDb(join(dir, 'station.db'));
    db.transaction(() => migration.up(db))();
    clock = Date.parse('2026-05-01T08:00:00Z');
  });

  afterEach(async () => {
    db.close();
    for (const listener of listeners.splice(0)) await listener.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a queued job once and marks it done', async () => {
    const printer = await listen();
    const queue = queueOn(db);
    const seen: string[] = [];
    queue.subscribe((job) => seen.push(job.state));
    const { job, created } = queue.enqueue({ key: 'carton:C1:label', target: printer.url, payload: LABEL, description: 'carton C1' });
    expect(created).toBe(true);
    expect(job).toMatchObject({ state: 'queued', attempts: 0, bytes: LABEL.length, key: 'carton:C1:label' });

    const [done] = await queue.processDue();
    expect(done).toMatchObject({ id: job.id, state: 'done', attempts: 1, lastError: null });
    expect((await printer.nextJob()).toString('utf8')).toBe(LABEL);
    expect(seen).toEqual(['queued', 'sent', 'done']);
    expect(await queue.processDue()).toEqual([]);
    expect(printer.jobs).toHaveLength(1);
  });

  it('does not print the same key twice; a reprint needs a reason and is its own job', async () => {
    const printer = await listen();
    const queue = queueOn(db);
    const first = queue.enqueue({ key: 'carton:C2:label', target: printer.url, payload: LABEL });
    const again = queue.enqueue({ key: 'carton:C2:label', target: printer.url, payload: LABEL });
    expect(again).toEqual({ job: first.job, created: false });
    await queue.processDue();
    expect(queue.enqueue({ key: 'carton:C2:label', target: printer.url, payload: LABEL }).created).toBe(false);
    expect(await queue.processDue()).toEqual([]);
    expect(printer.jobs).toHaveLength(1);

    expect(() => queue.reprint('carton:C2:label', '')).toThrow(ZodError);
    expect(() => queue.reprint('carton:NOPE:label', 'label torn')).toThrow(PrintQueueError);
    const reprint = queue.reprint('carton:C2:label', 'label torn');
    expect(reprint).toMatchObject({ reprintOf: first.job.id, reason: 'label torn', state: 'queued' });
    await queue.processDue();
    expect(printer.jobs).toHaveLength(2);
    expect(printer.jobs[1]?.toString('utf8')).toBe(LABEL);
    expect(queue.list({ key: 'carton:C2:label' }).map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('retries with backoff after a refused connection, and prints once the printer is back', async () => {
    const port = await closedPort();
    const queue = queueOn(db);
    const { job } = queue.enqueue({ key: 'carton:C3:label', target: `tcp://127.0.0.1:${port}`, payload: LABEL });

    const [first] = await queue.processDue();
    expect(first).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock + 1_000 });
    expect(first?.lastError).toMatch(/ECONNREFUSED/);
    expect(await queue.processDue()).toEqual([]);

    clock += 1_000;
    const [second] = await queue.processDue();
    expect(second).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: clock + 2_000 });

    const printer = await listen({ kind: 'accept' }, port);
    clock += 2_000;
    const [third] = await queue.processDue();
    expect(third).toMatchObject({ id: job.id, state: 'done', attempts: 3 });
    expect(printer.jobs.map((b) => b.toString('utf8'))).toEqual([LABEL]);
  });

  it('fails a job that never reached the printer after the last attempt', async () => {
    const port = await closedPort();
    const queue = queueOn(db);
    queue.enqueue({ key: 'carton:C4:label', target: `tcp://127.0.0.1:${port}`, payload: LABEL });
    let last: PrintJob | undefined;
    for (let i = 0; i < 3; i++) {
      [last] = await queue.processDue();
      clock += 10_000;
    }
    expect(last).toMatchObject({ state: 'failed', attempts: 3 });
    expect(await queue.processDue()).toEqual([]);
  });

  it("makes a job uncertain when the connection drops mid-job, never resends it by itself, and reprints on the operator's word", async () => {
    const printer = await listen({ kind: 'drop', afterBytes: 1 });
    const queue = queueOn(db);
    const { job } = queue.enqueue({ key: 'carton:C5:label', target: printer.url, payload: BIG_LABEL });

    const [dropped] = await queue.processDue();
    expect(dropped).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect(dropped?.lastError).toMatch(/may or may not have printed/);
    expect(printer.connections).toBe(1);

    clock += 60_000;
    expect(await queue.processDue()).toEqual([]);
    expect(printer.connections).toBe(1);

    printer.mode = { kind: 'accept' };
    expect(() => queue.resolve(job.id, { action: 'reprint', reason: 'no' })).toThrow(ZodError);
    const decided = queue.resolve(job.id, { action: 'reprint', reason: 'no label came out' });
    expect(decided).toMatchObject({ state: 'queued', attempts: 0, resolution: 'reprint: no label came out' });
    const [done] = await queue.processDue();
    expect(done).toMatchObject({ state: 'done' });
    expect(printer.jobs.map((b) => b.toString('utf8'))).toEqual([BIG_LABEL]);
  });

  it('closes an uncertain job as done when the operator sees the label printed', async () => {
    const printer = await listen({ kind: 'drop', afterBytes: 1 });
    const queue = queueOn(db);
    const { job } = queue.enqueue({ key: 'carton:C6:label', target: printer.url, payload: BIG_LABEL });
    await queue.processDue();
    expect(queue.resolve(job.id, { action: 'done', reason: 'label is on the carton' })).toMatchObject({
      state: 'done',
      resolution: 'done: label is on the carton',
    });
    expect(() => queue.resolve(job.id, { action: 'reprint', reason: 'again please' })).toThrow(/only uncertain or failed/);
    printer.mode = { kind: 'accept' };
    expect(await queue.processDue()).toEqual([]);
    expect(printer.connections).toBe(1);
  });

  it('after a restart, a job left "sent" is uncertain, not resent', async () => {
    const printer = await listen();
    const queue = queueOn(db);
    const { job } = queue.enqueue({ key: 'carton:C7:label', target: printer.url, payload: LABEL });
    // The state a crash leaves behind: marked sent, the send never finished.
    db.prepare("UPDATE print_jobs SET state = 'sent', attempts = 1 WHERE id = ?").run(job.id);
    db.close();

    db = await openDb(join(dir, 'station.db'));
    const restarted = queueOn(db);
    expect(restarted.recover()).toBe(1);
    expect(restarted.get(job.id)).toMatchObject({ state: 'uncertain', lastError: 'the station stopped while this job was being sent' });
    expect(await restarted.processDue()).toEqual([]);
    expect(printer.connections).toBe(0);
  });

  it('keeps jobs across reopening the database file', async () => {
    const port = await closedPort();
    const queue = queueOn(db);
    const { job } = queue.enqueue({ key: 'carton:C8:label', target: `tcp://127.0.0.1:${port}`, payload: LABEL });
    await queue.processDue();
    db.close();
    db = await openDb(join(dir, 'station.db'));
    const reopened = queueOn(db);
    expect(reopened.get(job.id)).toMatchObject({ state: 'queued', attempts: 1, key: 'carton:C8:label' });
    expect(reopened.enqueue({ key: 'carton:C8:label', target: `tcp://127.0.0.1:${port}`, payload: LABEL }).created).toBe(false);
  });

  it('keeps label order per printer: a later job waits while an earlier one backs off', async () => {
    const port = await closedPort();
    const other = await listen();
    const queue = queueOn(db);
    queue.enqueue({ key: 'a', target: `tcp://127.0.0.1:${port}`, payload: LABEL });
    queue.enqueue({ key: 'b', target: `tcp://127.0.0.1:${port}`, payload: LABEL });
    queue.enqueue({ key: 'c', target: other.url, payload: LABEL });
    const touched = await queue.processDue();
    expect(touched.map((j) => [j.key, j.state])).toEqual([
      ['a', 'queued'],
      ['c', 'done'],
    ]);
    expect(queue.list({ key: 'b' })[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('fails a job whose target cannot be opened, and refuses empty or unkeyed jobs', async () => {
    const queue = queueOn(db);
    queue.enqueue({ key: 'x', target: 'lpt1', payload: LABEL });
    const [failed] = await queue.processDue();
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed?.lastError).toMatch(/not a printer target/);
    expect(() => queue.enqueue({ key: ' ', target: 'tcp://127.0.0.1:9100', payload: LABEL })).toThrow(ZodError);
    expect(() => queue.enqueue({ key: 'y', target: 'tcp://127.0.0.1:9100', payload: new Uint8Array() })).toThrow(ZodError);
  });

  it("finishes a job even when a listener throws, and reports the listener's error", async () => {
    const printer = await listen();
    const errors: string[] = [];
    const queue = createPrintQueue({
      db,
      transportFor: (target) => openPrinterTarget(parsePrinterTarget(target)),
      onError: (error) => errors.push(error.message),
    });
    queue.subscribe(() => {
      throw new Error('screen gone');
    });
    queue.enqueue({ key: 'carton:C9:label', target: printer.url, payload: LABEL });
    const [job] = await queue.processDue();
    expect(job).toMatchObject({ state: 'done' });
    expect(errors).toEqual(['screen gone', 'screen gone', 'screen gone']);
  });

  it('prints in the background once started', async () => {
    const printer = await listen();
    const queue = createPrintQueue({ db, transportFor: (target) => openPrinterTarget(parsePrinterTarget(target)) });
    queue.start(50);
    try {
      queue.enqueue({ key: 'bg', target: printer.url, payload: LABEL });
      expect((await printer.nextJob()).toString('utf8')).toBe(LABEL);
    } finally {
      await queue.stop();
    }
  });
});
