import { type Kysely, sql } from 'kysely';
import type { SnapshotFrame, SnapshotQuery, SyncEntity } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { changeJsonText } from './changes';

/** Rows per `rows` frame and per database page: large enough that a frame costs little, small enough to stream. */
export const SNAPSHOT_FRAME_ROWS = 10_000;

function page(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number) {
  return db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', 'snapshot_row', sql<string | null>`record::text`.as('record')])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(SNAPSHOT_FRAME_ROWS)
    .execute();
}

/** One frame's worth of a page: item rows (`items` frame) or change objects (`rows` frame), up to `cursor`. */
interface FrameRun {
  items: boolean;
  cursor: number;
  rows: number;
  body: string;
}

/**
 * One page of a compact snapshot as runs of item upserts (their stored rows) and of other changes, in seq order. A
 * page of items only, nearly every page of a site, is joined by PostgreSQL into one text on its own core while this
 * process streams the previous page; a mixed page is split into runs here.
 */
async function compactPage(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number): Promise<FrameRun[]> {
  const { rows } = await sql<{ others: number; rows: number; cursor: string | null; body: string | null }>`
    SELECT count(*) FILTER (WHERE snapshot_row IS NULL)::int AS others, count(*)::int AS rows, max(seq)::text AS cursor,
      string_agg(snapshot_row, ',' ORDER BY seq) AS body
    FROM (SELECT seq, snapshot_row FROM change_log WHERE site_id = ${siteId} AND seq > ${after} AND seq <= ${upTo}
      ORDER BY seq LIMIT ${SNAPSHOT_FRAME_ROWS}) page`.execute(db);
  const whole = rows[0];
  if (!whole || whole.rows === 0 || whole.cursor === null) return [];
  if (whole.others === 0 && whole.body !== null) return [{ items: true, cursor: Number(whole.cursor), rows: whole.rows, body: whole.body }];
  const mixed = await page(db, siteId, after, upTo);
  const runs: (Omit<FrameRun, 'body'> & { parts: string[] })[] = [];
  for (const r of mixed) {
    const items = r.snapshot_row !== null;
    let run = runs.at(-1);
    if (run?.items !== items) {
      run = { items, cursor: r.seq, rows: 0, parts: [] };
      runs.push(run);
    }
    run.parts.push(r.snapshot_row ?? changeJsonText(r));
    run.cursor = r.seq;
    run.rows++;
  }
  return runs.map(({ parts, ...run }) => ({ ...run, body: parts.join(',') }));
}

/** One page of the snapshot as change objects (`rows` frames only), for stations that do not ask for compact rows. */
async function changesPage(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number): Promise<FrameRun[]> {
  const rows = await page(db, siteId, after, upTo);
  const last = rows.at(-1);
  return last ? [{ items: false, cursor: last.seq, rows: rows.length, body: rows.map(changeJsonText).join(',') }] : [];
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
  // The first page is read while the rows are counted: the station waits on both before its first row arrives.
  const read = q.format === 'compact' ? compactPage : changesPage;
  // A page read ahead may fail after the station has gone (the stream then awaits it no more): that must not count
  // as an unhandled rejection. Awaited, it still throws.
  const ahead = (after: number) => {
    const page = read(db, siteId, after, upTo);
    page.catch(() => undefined);
    return page;
  };
  let next = ahead(q.after);
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
  for (;;) {
    const runs = await next;
    const last = runs.at(-1);
    if (!last) break;
    const pageRows = runs.reduce((n, r) => n + r.rows, 0);
    next = pageRows < SNAPSHOT_FRAME_ROWS ? Promise.resolve([]) : ahead(last.cursor);
    for (const run of runs) {
      sent += run.rows;
      yield run.items
        ? `{"type":"items","rows":[${run.body}],"cursor":${run.cursor}}\n`
        : `{"type":"rows","changes":[${run.body}],"cursor":${run.cursor}}\n`;
    }
  }
  yield frame({ type: 'end', cursor: upTo, rows: sent });
}
