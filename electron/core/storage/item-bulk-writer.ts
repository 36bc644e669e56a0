import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { type Item, itemFromFields } from '../../../shared/domain/master-data';
import { type PackedItems, packItem, readPackedItems } from '../../../shared/sync-protocol';
import { type MasterDataWriter, NEW_ITEM_STATEMENTS } from './master-data';

/**
 * New items of a snapshot load written on a second connection in a worker thread, so parsing and checking the next
 * rows (this thread) and writing the last ones (the worker) share the machine's cores. The worker keeps a transaction
 * open across writes and commits it once it holds `rowsPerTransaction` rows, or on `flush`; each write carries the
 * meta entries that record how far the load got, so a commit never records more than it holds.
 */
export interface ItemBulkWriter {
  /**
   * Writes `items`: records, or items in the packed layout as a `packed` snapshot frame brings them, each already an
   * `Item` as it stands (`packedItemsValid`), handed to the worker as they are.
   */
  write(items: Item[] | PackedItems, meta: [key: string, value: string][]): Promise<void>;
  /** Commits what the worker holds; resolves when every write so far is durable (or rejects with the first failure). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Writes in flight when `write` returns: the worker stays busy while the next frame is parsed, and memory stays flat. */
const IN_FLIGHT = 2;

/**
 * Items as the worker takes them: the packed layout, its numbers in a buffer that is transferred, not cloned. A string
 * and one buffer cross to the worker at the cost of a copy: a list of a million values each is cloned value by value
 * on both sides, which cost the load about a second of CPU.
 */
interface EncodedItems {
  count: number;
  text: string;
  numbers: Float64Array<ArrayBuffer>;
}

interface Job extends EncodedItems {
  id: number;
  meta: [string, string][];
}

/** Packed items as records, for the writer on the station's own connection. */
function unpackItems(packed: PackedItems): Item[] {
  const items: Item[] = [];
  readPackedItems(packed, (field) => {
    const item = itemFromFields(field);
    if (item) items.push(item);
  });
  return items;
}

function encodeItems(items: Item[]): EncodedItems {
  const texts: string[] = [];
  const numbers: number[] = [];
  for (const item of items) packItem(item, texts, numbers);
  return { count: items.length, text: texts.join(''), numbers: Float64Array.from(numbers) };
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
// With a checkpointer beside it, this connection's commits never copy the WAL into the database and wait for its
// fsyncs: the checkpointer does that on another thread while the next rows go in.
if (workerData.checkpointer) db.pragma('wal_autocheckpoint = 0');
const itemBlock = db.prepare(statements.itemBlock);
const item = db.prepare(statements.item);
const barcodeBlock = db.prepare(statements.barcodeBlock);
const barcode = db.prepare(statements.barcode);
const meta = db.prepare(statements.meta);
let held = 0;
// Rows collect in one reused parameter list per table; each full block of rowsPerStatement rows runs at once, and
// what is left at the end of a job runs a row at a time: no list per job or per block to make and collect.
const rowsOf = (block, single, columns) => ({ block, single, columns, params: new Array(columns * rowsPerStatement), filled: 0 });
const rowDone = (rows) => {
  if (rows.filled === rows.params.length) {
    rows.block.run(rows.params);
    rows.filled = 0;
  }
};
const finish = (rows) => {
  for (let at = 0; at < rows.filled; at += rows.columns) rows.single.run(rows.params.slice(at, at + rows.columns));
  rows.filled = 0;
};
const itemRows = rowsOf(itemBlock, item, 15);
const barcodeRows = rowsOf(barcodeBlock, barcode, 3);
// Writes a job's items as NEW_ITEM_STATEMENTS takes them, from the packed layout of shared/sync-protocol.ts
// (PACKED_ITEM_TEXTS): per item five text lengths, ten numbers, the barcode count, then per barcode length and quantity.
const write = ({ count, text, numbers }) => {
  const p = itemRows.params;
  const q = barcodeRows.params;
  let at = 0;
  let n = 0;
  const str = () => {
    const length = numbers[n++];
    if (length < 0) return null;
    at += length;
    return text.slice(at - length, at);
  };
  for (let k = 0; k < count; k++) {
    let i = itemRows.filled;
    const id = str();
    p[i++] = id;
    p[i++] = str();
    p[i++] = str();
    const itemClass = str();
    const homeLocation = str();
    for (let c = 0; c < 8; c++) p[i++] = numbers[n++];
    p[i++] = itemClass;
    p[i++] = homeLocation;
    const tolerance = numbers[n++];
    p[i++] = tolerance < 0 ? null : tolerance;
    p[i++] = numbers[n++];
    itemRows.filled = i;
    rowDone(itemRows);
    const barcodeCount = numbers[n++];
    for (let b = 0; b < barcodeCount; b++) {
      let j = barcodeRows.filled;
      q[j++] = str();
      q[j++] = id;
      q[j++] = numbers[n++];
      barcodeRows.filled = j;
      rowDone(barcodeRows);
    }
  }
  finish(itemRows);
  finish(barcodeRows);
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
      write(job);
      for (const [key, value] of job.meta) meta.run(key, value);
      held += job.count;
      if (held >= rowsPerTransaction) commit();
    }
    parentPort.postMessage({ id: job.id });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    held = 0;
    itemRows.filled = 0;
    barcodeRows.filled = 0;
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;

/** Milliseconds between the checkpointer's passive checkpoints: the WAL stays a few transactions long. */
const CHECKPOINT_INTERVAL_MS = 30;

// A third connection, in a thread of its own, that copies the writer's committed rows from the WAL into the database
// file. A passive checkpoint never waits for nor blocks the writer; one that finds the file busy is tried again on the
// next tick, and whatever is left when the load ends is checkpointed by the station's own commit of its end.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Starts a checkpointer on `path`; null where it cannot start (the writer then checkpoints as it commits). */
function startCheckpointer(driver: string, path: string): { stop(): Promise<void> } | null {
  let thread: Worker;
  try {
    thread = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { driver, path, intervalMs: CHECKPOINT_INTERVAL_MS } });
  } catch {
    return null;
  }
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    thread.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // A checkpointer that fails leaves the checkpoints to the station's commit at the load's end: nothing is lost.
  thread.on('error', () => undefined);
  return {
    async stop() {
      if (!exited) thread.postMessage({ stop: true });
      await gone;
    },
  };
}

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
  let checkpointer: { stop(): Promise<void> } | null = null;
  if (!db.memory) {
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      checkpointer = startCheckpointer(driver, db.name);
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, path: db.name, rowsPerTransaction, checkpointer: checkpointer !== null, ...NEW_ITEM_STATEMENTS },
      });
    } catch {
      worker = null;
    }
  }
  if (!worker) {
    void checkpointer?.stop();
    return {
      async write(items, meta) {
        db.transaction(() => {
          fallback.newItems(Array.isArray(items) ? items : unpackItems(items));
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
    thread.postMessage({ id, ...job }, 'numbers' in job ? [job.numbers.buffer] : []);
  };
  return {
    async write(items, meta) {
      if (failure) throw failure;
      const encoded = Array.isArray(items)
        ? encodeItems(items)
        : { count: items.count, text: items.text, numbers: Float64Array.from(items.numbers) };
      send({ ...encoded, meta });
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
      if (!exited) {
        const gone = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
        thread.postMessage({ close: true });
        await gone;
      }
      await checkpointer?.stop();
    },
  };
}
