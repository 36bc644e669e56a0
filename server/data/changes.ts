import { type Kysely, sql } from 'kysely';
import { itemFromPlainRecord } from '../../shared/domain/master-data';
import { packItem, SNAPSHOT_ITEM_COLUMNS, type SyncEntity } from '../../shared/sync-protocol';
import { notifySiteChanged } from '../db/notifier';
import type { ServerDatabase } from '../db/schema';

export interface ChangeInput {
  entity: SyncEntity;
  id: string;
  op: 'upsert' | 'delete';
  record?: unknown;
}

const CHUNK = 1000;

/** A change-log row as the JSON text of a `Change`, its record spliced in as the database's JSON text (never re-parsed). */
export const changeJsonText = (r: { seq: number; entity: string; op: string; entity_id: string; record: string | null }): string =>
  `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"op":${JSON.stringify(r.op)},"id":${JSON.stringify(r.entity_id)}${r.record === null ? '' : `,"record":${r.record}`}}`;

/** An item record as its compact snapshot row: the SNAPSHOT_ITEM_COLUMNS in order, null where the record has none. */
function snapshotItemRow(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const fields = record as Record<string, unknown>;
  return JSON.stringify(SNAPSHOT_ITEM_COLUMNS.map((column) => fields[column] ?? null));
}

/**
 * An item record in the packed layout (PACKED_ITEM_TEXTS): its texts as a JSON string's content, its numbers as a JSON
 * list's content; null where the record is not an item as the station takes it (it then goes out as a compact row,
 * and the station judges it).
 */
function packedItem(record: unknown): { text: string; numbers: string } | null {
  const item = itemFromPlainRecord(record);
  if (!item) return null;
  const texts: string[] = [];
  const numbers: number[] = [];
  packItem(item, texts, numbers);
  return { text: JSON.stringify(texts.join('')).slice(1, -1), numbers: numbers.join(',') };
}

/**
 * Writes change-log rows for one site inside the caller's transaction. Sequence numbers come from the
 * site row, updated under its row lock: writers of one site commit in sequence order, so a station
 * pulling by cursor never skips a change that commits late. The log keeps one row per entity (its
 * latest change), so pulling from 0 is a snapshot.
 */
export async function writeChanges(trx: Kysely<ServerDatabase>, siteId: string, changes: ChangeInput[]): Promise<void> {
  const latest = new Map<string, ChangeInput>();
  for (const change of changes) latest.set(`${change.entity}\u0000${change.id}`, change);
  changes = [...latest.values()];
  if (changes.length === 0) return;
  const reserved = await trx
    .updateTable('sites')
    .set({ change_seq: sql`change_seq + ${changes.length}` })
    .where('id', '=', siteId)
    .returning('change_seq')
    .executeTakeFirstOrThrow();
  let seq = reserved.change_seq - changes.length;
  for (let start = 0; start < changes.length; start += CHUNK) {
    const rows = changes.slice(start, start + CHUNK).map((change) => {
      const item = change.op === 'upsert' && change.entity === 'item';
      const packed = item ? packedItem(change.record) : null;
      return {
        site_id: siteId,
        entity: change.entity,
        entity_id: change.id,
        seq: ++seq,
        op: change.op,
        record: change.op === 'upsert' ? JSON.stringify(change.record) : null,
        snapshot_row: item ? snapshotItemRow(change.record) : null,
        packed_text: packed?.text ?? null,
        packed_numbers: packed?.numbers ?? null,
      };
    });
    await trx
      .insertInto('change_log')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['site_id', 'entity', 'entity_id']).doUpdateSet({
          seq: (eb) => eb.ref('excluded.seq'),
          op: (eb) => eb.ref('excluded.op'),
          record: (eb) => eb.ref('excluded.record'),
          snapshot_row: (eb) => eb.ref('excluded.snapshot_row'),
          packed_text: (eb) => eb.ref('excluded.packed_text'),
          packed_numbers: (eb) => eb.ref('excluded.packed_numbers'),
        }),
      )
      .execute();
  }
  await notifySiteChanged(trx, siteId);
}
