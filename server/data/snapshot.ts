import { type Kysely, sql } from 'kysely';
import type { SnapshotFrame, SnapshotQuery, SyncEntity } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';

/** Rows per `rows` frame and per database page: large enough that a frame costs little, small enough to stream. */
export const SNAPSHOT_FRAME_ROWS = 10_000;

function page(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number) {
  return db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', sql<string | null>`record::text`.as('record')])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(SNAPSHOT_FRAME_ROWS)
    .execute();
}

const frame = (f: SnapshotFrame) => `${JSON.stringify(f)}\n`;

/**
 * A site's snapshot as newline-delimited JSON frames (see `SnapshotFrame`): `begin` with the row counts, `rows`
 * frames in seq order up to `upTo`, `end`. The next page is read while the current frame is written. Records are
 * spliced in as the database's JSON text, never parsed and serialized again.
 */
export async function* snapshotFrames(db: Kysely<ServerDatabase>, siteId: string, epoch: string, q: SnapshotQuery): AsyncGenerator<string> {
  if (q.epoch !== undefined && q.epoch !== epoch) {
    yield frame({
      type: 'reset',
      reset: true,
      epoch,
      reason: 'the server was rebuilt (epoch changed); load the snapshot again from the start',
    });
    return;
  }
  const site = await db.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow();
  const upTo = q.upTo ?? site.change_seq;
  if (upTo > site.change_seq || q.after > upTo) {
    yield frame({
      type: 'reset',
      reset: true,
      epoch,
      reason: `snapshot position ${q.after}/${upTo} is ahead of the server (${site.change_seq}); load the snapshot again from the start`,
    });
    return;
  }
  const counts = await db
    .selectFrom('change_log')
    .select(['entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .where('seq', '>', q.after)
    .where('seq', '<=', upTo)
    .groupBy('entity')
    .execute();
  const byEntity: Partial<Record<SyncEntity, number>> = {};
  let total = 0;
  for (const c of counts) {
    byEntity[c.entity as SyncEntity] = Number(c.n);
    total += Number(c.n);
  }
  yield frame({ type: 'begin', epoch, after: q.after, upTo, rows: total, byEntity });
  let sent = 0;
  let cursor = q.after;
  let next = page(db, siteId, cursor, upTo);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    cursor = rows.at(-1)?.seq ?? cursor;
    next = rows.length < SNAPSHOT_FRAME_ROWS ? Promise.resolve([]) : page(db, siteId, cursor, upTo);
    const changes = rows.map(
      (r) =>
        `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"op":${JSON.stringify(r.op)},"id":${JSON.stringify(r.entity_id)}${r.record === null ? '' : `,"record":${r.record}`}}`,
    );
    sent += rows.length;
    yield `{"type":"rows","changes":[${changes.join(',')}],"cursor":${cursor}}\n`;
  }
  yield frame({ type: 'end', cursor: upTo, rows: sent });
}
