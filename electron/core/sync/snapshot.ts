import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Item, itemFromFields, itemFromPlainRecord } from '../../../shared/domain/master-data';
import {
  type Change,
  itemRecordFromFields,
  itemRowField,
  packedItemsValid,
  readPackedItems,
  type SnapshotPacked,
} from '../../../shared/sync-protocol';
import type { Logger } from '../kernel/log';
import { createItemBulkWriter } from '../storage/item-bulk-writer';
import type { MasterDataWriter } from '../storage/master-data';
import type { Meta } from '../storage/meta';
import { applyChange, META_CURSOR, META_EPOCH, META_INITIAL_DONE } from './pull';
import { type ServerApi, SyncHttpError } from './server-api';

/** Where an unfinished snapshot load stands, kept with the rows it covers so a cut load resumes there. */
export const META_SNAPSHOT = 'sync.snapshot';
const SnapshotPosition = z.object({
  epoch: z.string(),
  upTo: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
type SnapshotPosition = z.infer<typeof SnapshotPosition>;

/** Rows per SQLite transaction of the bulk writer: few commits, and a cut costs at most this many rows again. */
const ROWS_PER_TRANSACTION = 50_000;

export interface SnapshotProgress {
  received: number;
  total: number | null;
  secondsLeft: number | null;
}

export interface SnapshotDeps {
  db: Database;
  meta: Meta;
  writer: MasterDataWriter;
  api: ServerApi;
  log: Logger;
  now?: () => number;
  onProgress?: (progress: SnapshotProgress) => void;
}

/**
 * Loads the site's snapshot into the cache: the stream's rows go in through prepared statements in transactions
 * of ROWS_PER_TRANSACTION, each committing the position it reached, so a cut stream resumes from there (same
 * `upTo`). Items, nearly all of a site, are written by the bulk writer's worker while this thread parses and checks
 * the next frames. A fresh load empties the cache when its `begin` frame arrives. Only when the `end` frame is in
 * does the cache count as complete (META_INITIAL_DONE), with the pull cursor at the snapshot's `upTo`.
 */
export async function loadSnapshot(deps: SnapshotDeps, signal?: AbortSignal): Promise<{ rows: number }> {
  const { db, meta, writer, api, log } = deps;
  const now = deps.now ?? (() => performance.now());
  let position = meta.getJson(META_SNAPSHOT, SnapshotPosition);
  let epoch = meta.get(META_EPOCH);
  if (position && epoch !== undefined && position.epoch !== epoch) position = undefined;
  let fresh = !position;
  let resets = 0;
  // A server from before packed frames refuses the format (400 before any frame): the load asks it for compact rows.
  let format: 'packed' | 'compact' = 'packed';
  /** Snapshot rows are entities the cache does not hold yet: items (nearly all of a site) go in as plain inserts. */
  const loadRows = (rows: Change[]) => {
    const items: Item[] = [];
    for (const change of rows) {
      if (change.entity !== 'item' || change.op !== 'upsert') {
        applyChange(writer, change, log);
        continue;
      }
      const plain = itemFromPlainRecord(change.record);
      if (plain) {
        items.push(plain);
        continue;
      }
      const item = Item.safeParse(change.record);
      if (item.success) items.push(item.data);
      else log.error({ entity: change.entity, id: change.id, err: item.error }, 'snapshot record does not match its schema; skipped');
    }
    writer.newItems(items);
  };
  /** An item by its fields, checked as an `Item` record; one that is not is logged and skipped. */
  const takeItem = (items: Item[], field: (name: keyof Item) => unknown) => {
    const plain = itemFromFields(field);
    if (plain) {
      items.push(plain);
      return;
    }
    const record = itemRecordFromFields(field);
    const item = Item.safeParse(record);
    if (item.success) items.push(item.data);
    else log.error({ entity: 'item', id: record.id, err: item.error }, 'snapshot record does not match its schema; skipped');
  };
  /** A compact frame's item rows, each checked as an `Item` record. */
  const itemsOf = (rows: unknown[][]): Item[] => {
    const items: Item[] = [];
    for (const row of rows) takeItem(items, (name) => itemRowField(row, name));
    return items;
  };
  /**
   * A packed frame's items one by one, each checked as an `Item` record, when not all of them are `Item`s as they
   * stand. A frame whose lengths do not add up is refused whole.
   */
  const packedItemsOf = (frame: SnapshotPacked): Item[] => {
    const items: Item[] = [];
    if (!readPackedItems(frame, (field) => takeItem(items, field)))
      throw new SyncHttpError(502, 'bad_response', 'a packed snapshot frame does not add up to its items');
    return items;
  };
  const bulk = createItemBulkWriter(db, writer, (key, value) => meta.set(key, value), ROWS_PER_TRANSACTION);
  try {
    return await loadFrom();
  } finally {
    await bulk.close();
  }

  async function loadFrom(): Promise<{ rows: number }> {
    for (;;) {
      const started = now();
      const startedAt = position?.received ?? 0;
      let current: SnapshotPosition | undefined = position;
      const progress = () => {
        if (!current) return;
        const rate = (current.received - startedAt) / Math.max(1e-3, (now() - started) / 1000);
        const secondsLeft = rate > 0 ? Math.max(0, (current.total - current.received) / rate) : null;
        deps.onProgress?.({ received: current.received, total: current.total, secondsLeft });
      };
      const positionOf = (at: SnapshotPosition): [string, string][] => [
        [META_SNAPSHOT, JSON.stringify(at)],
        [META_EPOCH, at.epoch],
      ];
      /**
       * Writes on this connection (a fresh load's emptying, changes other than items, the end): the bulk writer's
       * items are committed first, so the position never runs ahead of the rows it covers.
       */
      const onThisConnection = async (write: () => void) => {
        await bulk.flush();
        db.transaction(() => {
          if (fresh) {
            writer.clearAll();
            writer.dropLoadIndexes();
            meta.set(META_INITIAL_DONE, '0');
            fresh = false;
          }
          write();
        })();
      };
      let reset = false;
      let answered = false;
      const frames = api.snapshot(
        {
          ...(position ? { after: position.cursor, upTo: position.upTo, epoch: position.epoch } : epoch ? { epoch } : {}),
          format,
        },
        signal,
      );
      try {
        for await (const frame of frames) {
          answered = true;
          switch (frame.type) {
            case 'reset':
              reset = true;
              log.warn({ reason: frame.reason }, 'the server asked for the snapshot from the start');
              break;
            case 'begin':
              current = { epoch: frame.epoch, upTo: frame.upTo, cursor: frame.after, received: startedAt, total: startedAt + frame.rows };
              if (fresh) {
                const at = current;
                await onThisConnection(() => {
                  for (const [key, value] of positionOf(at)) meta.set(key, value);
                });
              }
              progress();
              break;
            case 'rows': {
              if (!current) throw new SyncHttpError(502, 'bad_response', 'snapshot rows before its begin frame');
              const at: SnapshotPosition = { ...current, cursor: frame.cursor, received: current.received + frame.changes.length };
              // Applying a change twice after a cut is harmless: they go in with their position on this connection.
              await onThisConnection(() => {
                loadRows(frame.changes);
                for (const [key, value] of positionOf(at)) meta.set(key, value);
              });
              current = at;
              progress();
              break;
            }
            case 'items':
              if (!current) throw new SyncHttpError(502, 'bad_response', 'snapshot rows before its begin frame');
              current = { ...current, cursor: frame.cursor, received: current.received + frame.rows.length };
              await bulk.write(itemsOf(frame.rows), positionOf(current));
              progress();
              break;
            case 'packed': {
              if (!current) throw new SyncHttpError(502, 'bad_response', 'snapshot rows before its begin frame');
              // Nearly always every item is one as it stands, and the frame goes to the writer as it came.
              const items = packedItemsValid(frame) ? frame : packedItemsOf(frame);
              current = { ...current, cursor: frame.cursor, received: current.received + frame.count };
              await bulk.write(items, positionOf(current));
              progress();
              break;
            }
            case 'end': {
              if (!current) throw new SyncHttpError(502, 'bad_response', 'snapshot end before its begin frame');
              const done = current;
              await bulk.flush();
              try {
                db.transaction(() => {
                  writer.restoreLoadIndexes();
                  meta.delete(META_SNAPSHOT);
                  meta.set(META_CURSOR, String(done.upTo));
                  meta.set(META_EPOCH, done.epoch);
                  meta.set(META_INITIAL_DONE, '1');
                })();
              } catch (error) {
                // The rows are in but cannot be indexed (two items with one SKU): resuming would end the same way, so
                // the next try loads the site from the start, with whatever the server has fixed by then.
                meta.delete(META_SNAPSHOT);
                throw error;
              }
              deps.onProgress?.({ received: done.received, total: done.total, secondsLeft: 0 });
              return { rows: done.received };
            }
          }
          if (reset) break;
          signal?.throwIfAborted();
        }
      } catch (error) {
        if (format === 'packed' && !answered && error instanceof SyncHttpError && error.status === 400) {
          log.warn({ err: error }, 'the server does not know packed snapshot frames; loading compact rows');
          format = 'compact';
          continue;
        }
        // What arrived whole is kept: the next try resumes after it (what could not be written comes again).
        await bulk.flush().catch(() => undefined);
        throw error;
      }
      if (!reset) {
        // The stream ended without its end frame: keep what was loaded and resume from there next time.
        await bulk.flush();
        throw new SyncHttpError(0, 'unreachable', 'the snapshot stream was cut; it resumes where it stopped');
      }
      await bulk.flush();
      if (++resets > 3) throw new SyncHttpError(502, 'reset_loop', 'the server keeps answering reset; giving up until the next sync');
      meta.delete(META_SNAPSHOT);
      meta.delete(META_EPOCH);
      epoch = undefined;
      position = undefined;
      fresh = true;
    }
  }
}
