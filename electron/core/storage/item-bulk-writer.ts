import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Item } from '../../../shared/domain/master-data';
import { type MasterDataWriter, NEW_ITEM_STATEMENTS, newItemRows } from './master-data';

/**
 * New items of a snapshot load written on a second connection in a worker thread, so parsing and checking the next
 * rows (this thread) and writing the last ones (the worker) share the machine's cores. The worker keeps a transaction
 * open across writes and commits it once it holds `rowsPerTransaction` rows, or on `flush`; each write carries the
 * meta entries that record how far the load got, so a commit never records more than it holds.
 */
export interface ItemBulkWriter {
  write(items: Item[], meta: [key: string, value: string][]): Promise<void>;
  /** Commits what the worker holds; resolves when every write so far is durable (or rejects with the first failure). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Writes in flight when `write` returns: the worker stays busy while the next frame is parsed, and memory stays flat. */
const IN_FLIGHT = 2;

interface Job {
  id: number;
  items: (string | number | null)[];
  barcodes: (string | number)[];
  meta: [string, string][];
}

// Plain CommonJS for an eval'd worker: it opens the station database with the driver the station resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { path, statements, rowsPerStatement, rowsPerTransaction } = workerData;
const db = new Database(path);
// A commit here need not reach the disk at once: it holds its rows and the position they reached together, so a
// power cut costs a tail that loads again from the position that survived; the load's end commits on the station's
// connection with synchronous = FULL, which makes all of it durable.
db.pragma('synchronous = NORMAL');
// Each message carries items with their own barcodes, written items first in one transaction, so the foreign key
// holds by construction and is not looked up a million times.
db.pragma('foreign_keys = OFF');
db.pragma('busy_timeout = 5000');
const itemBlock = db.prepare(statements.itemBlock);
const item = db.prepare(statements.item);
const barcodeBlock = db.prepare(statements.barcodeBlock);
const barcode = db.prepare(statements.barcode);
const meta = db.prepare(statements.meta);
let held = 0;
const run = (block, single, columns, params) => {
  const perBlock = columns * rowsPerStatement;
  let at = 0;
  for (; at + perBlock <= params.length; at += perBlock) block.run(params.slice(at, at + perBlock));
  for (; at < params.length; at += columns) single.run(params.slice(at, at + columns));
};
const commit = () => {
  if (db.inTransaction) db.exec('COMMIT');
  held = 0;
};
parentPort.on('message', (job) => {
  if (job.close) {
    db.close();
    return parentPort.close();
  }
  try {
    if (job.flush) commit();
    else {
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
      run(itemBlock, item, 15, job.items);
      run(barcodeBlock, barcode, 3, job.barcodes);
      for (const [key, value] of job.meta) meta.run(key, value);
      held += job.items.length / 15;
      if (held >= rowsPerTransaction) commit();
    }
    parentPort.postMessage({ id: job.id });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    held = 0;
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * A writer on a worker's connection to `db`'s file; where no worker can open it (an in-memory database, a driver the
 * bundle inlined) the rows go through `fallback` on this connection, in a transaction per write.
 */
export function createItemBulkWriter(
  db: Database,
  fallback: MasterDataWriter,
  setMeta: (key: string, value: string) => void,
  rowsPerTransaction: number,
): ItemBulkWriter {
  let worker: Worker | null = null;
  if (!db.memory) {
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: db.name, rowsPerTransaction, ...NEW_ITEM_STATEMENTS } });
    } catch {
      worker = null;
    }
  }
  if (!worker) {
    return {
      async write(items, meta) {
        db.transaction(() => {
          fallback.newItems(items);
          for (const [key, value] of meta) setMeta(key, value);
        })();
      },
      async flush() {},
      async close() {},
    };
  }
  const thread = worker;
  let next = 0;
  let failure: Error | null = null;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const settled = new Set<() => void>();
  const fail = (error: Error) => {
    failure ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    for (const wake of settled) wake();
  };
  thread.on('message', (m: { id?: number; error?: string }) => {
    if (m.id === undefined) return;
    const job = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) {
      const error = new Error(`the snapshot rows could not be written: ${m.error}`);
      job?.reject(error);
      fail(error);
    } else job?.resolve();
    for (const wake of settled) wake();
  });
  thread.on('error', (error) => fail(error));
  let exited = false;
  thread.on('exit', () => {
    exited = true;
    fail(new Error('the snapshot writer stopped'));
  });
  const room = (limit: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (failure) {
          settled.delete(check);
          reject(failure);
        } else if (pending.size <= limit) {
          settled.delete(check);
          resolve();
        }
      };
      settled.add(check);
      check();
    });
  const send = (job: Omit<Job, 'id'> | { flush: true }) => {
    const id = ++next;
    const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    // Failures surface through `flush` or the next `write`; this promise must not count as unhandled meanwhile.
    done.catch(() => undefined);
    thread.postMessage({ id, ...job });
  };
  return {
    async write(items, meta) {
      if (failure) throw failure;
      send({ ...newItemRows(items), meta });
      // Returns once the worker has room: the caller parses its next rows only then, so what it parsed last is
      // already garbage while young (cheap to collect) instead of waiting on the heap to be promoted.
      await room(IN_FLIGHT - 1);
    },
    async flush() {
      if (failure) throw failure;
      send({ flush: true });
      await room(0);
    },
    async close() {
      await room(0).catch(() => undefined);
      if (exited) return;
      const gone = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage({ close: true });
      await gone;
    },
  };
}
