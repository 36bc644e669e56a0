import type { Database } from 'better-sqlite3';
import { type Change, parseChange } from '../../../shared/sync-protocol';
import type { Logger } from '../kernel/log';
import type { MasterDataWriter } from '../storage/master-data';
import type { Meta } from '../storage/meta';
import type { ServerApi } from './server-api';

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
}

export interface PullOutcome {
  changes: number;
  resets: number;
}

export function applyChange(writer: MasterDataWriter, change: Change, log: Logger): void {
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
    case 'rma':
      writer.rma(typed.record);
      return;
    case 'siteSettings':
      writer.siteSettings(typed.record);
      return;
    case 'countTask':
      writer.countTask(typed.record);
      return;
  }
}

/**
 * Pulls pages after the stored cursor until caught up, each page applied with its new cursor in one
 * transaction. A `reset` marks the cache incomplete and returns: the client loads the snapshot again (the outbox
 * and journal stay; the cache is emptied in the same transaction as the snapshot's first rows).
 */
export async function pullChanges(deps: PullDeps, signal?: AbortSignal): Promise<PullOutcome> {
  const { db, meta, writer, api, log } = deps;
  const outcome: PullOutcome = { changes: 0, resets: 0 };
  let cursor = Number(meta.get(META_CURSOR) ?? 0);
  let epoch = meta.get(META_EPOCH);

  for (;;) {
    signal?.throwIfAborted();
    const page = await api.pull(cursor, deps.pageSize, epoch, signal);
    if (page.reset) {
      log.warn({ cursor, epoch, serverEpoch: page.epoch, reason: page.reason }, 'server asked for a full resync');
      meta.set(META_INITIAL_DONE, '0');
      meta.delete(META_CURSOR);
      meta.set(META_EPOCH, page.epoch);
      outcome.resets++;
      return outcome;
    }
    const nextEpoch = page.epoch;
    db.transaction(() => {
      for (const change of page.changes) applyChange(writer, change, log);
      meta.set(META_CURSOR, String(page.cursor));
      meta.set(META_EPOCH, nextEpoch);
    })();
    epoch = nextEpoch;
    cursor = page.cursor;
    outcome.changes += page.changes.length;
    if (!page.hasMore) return outcome;
  }
}
