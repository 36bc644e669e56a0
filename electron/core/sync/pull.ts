import type { Database } from 'better-sqlite3';
import { type Change, parseChange } from '../../../shared/sync-protocol';
import type { Logger } from '../kernel/log';
import type { MasterDataWriter } from '../storage/master-data';
import type { Meta } from '../storage/meta';
import { type ServerApi, SyncHttpError } from './server-api';

export const META_CURSOR = 'sync.cursor';
export const META_EPOCH = 'sync.epoch';
export const META_INITIAL_DONE = 'sync.initial_done';

export interface PullDeps {
  db: Database;
  meta: Meta;
  writer: MasterDataWriter;
  api: ServerApi;
  log: Logger;
  pageSize: number;
  /** Progress of a pull from cursor 0: changes received so far and the total the server announced. */
  onProgress?: (progress: { received: number; total: number | null; done: boolean }) => void;
}

export interface PullOutcome {
  changes: number;
  resets: number;
}

function applyChange(writer: MasterDataWriter, change: Change, log: Logger): void {
  let typed: ReturnType<typeof parseChange>;
  try {
    typed = parseChange(change);
  } catch (error) {
    // One bad record must not stop the cache from catching up; it is logged and skipped.
    log.error({ entity: change.entity, id: change.id, err: error }, 'pulled record does not match its schema; skipped');
    return;
  }
  if (typed.op === 'delete') {
    writer.remove(typed.entity, typed.id);
    return;
  }
  switch (typed.entity) {
    case 'item':
      writer.item(typed.record);
      return;
    case 'location':
      writer.location(typed.record);
      return;
    case 'purchaseOrder':
      writer.purchaseOrder(typed.record);
      return;
    case 'asn':
      writer.asn(typed.record);
      return;
    case 'order':
      writer.order(typed.record);
      return;
    case 'cartonType':
      writer.cartonType(typed.record);
      return;
    case 'hold':
      writer.hold(typed.record);
      return;
    case 'operator':
      writer.operator(typed.record);
      return;
    case 'siteSettings':
      writer.siteSettings(typed.record);
      return;
  }
}

/**
 * Pulls pages after the stored cursor until caught up, each page applied with its new cursor in one
 * transaction. A `reset` empties the master-data cache (the outbox and journal stay) and pulls from 0;
 * the emptying happens in the same transaction as the first page, so the cache is never seen empty.
 */
export async function pullChanges(deps: PullDeps, signal?: AbortSignal): Promise<PullOutcome> {
  const { db, meta, writer, api, log } = deps;
  const outcome: PullOutcome = { changes: 0, resets: 0 };
  let cursor = Number(meta.get(META_CURSOR) ?? 0);
  let epoch = meta.get(META_EPOCH);
  let clearFirst = false;
  let initial = meta.get(META_INITIAL_DONE) !== '1';
  let received = 0;
  let total: number | null = null;

  for (;;) {
    signal?.throwIfAborted();
    const page = await api.pull(cursor, deps.pageSize, epoch, signal);
    if (page.reset) {
      outcome.resets++;
      if (outcome.resets > 3) throw new SyncHttpError(502, 'reset_loop', 'the server keeps answering reset; giving up until the next sync');
      log.warn({ cursor, epoch, serverEpoch: page.epoch, reason: page.reason }, 'server asked for a full resync');
      cursor = 0;
      epoch = page.epoch;
      clearFirst = true;
      initial = true;
      received = 0;
      total = null;
      continue;
    }
    if (page.total !== undefined) total = page.total;
    const nextEpoch = page.epoch;
    db.transaction(() => {
      if (clearFirst) {
        writer.clearAll();
        meta.set(META_INITIAL_DONE, '0');
      }
      for (const change of page.changes) applyChange(writer, change, log);
      meta.set(META_CURSOR, String(page.cursor));
      meta.set(META_EPOCH, nextEpoch);
      if (initial && !page.hasMore) meta.set(META_INITIAL_DONE, '1');
    })();
    clearFirst = false;
    epoch = nextEpoch;
    cursor = page.cursor;
    outcome.changes += page.changes.length;
    received += page.changes.length;
    if (initial) deps.onProgress?.({ received, total, done: !page.hasMore });
    if (!page.hasMore) return outcome;
  }
}
