import { type Kysely, sql } from 'kysely';
import type { SnapshotFrame, SnapshotQuery, SyncEntity } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { changeJsonText } from './changes';

/** Rows per `rows` frame and per database page: large enough that a frame costs little, small enough to stream. */
export const SNAPSHOT_FRAME_ROWS = 10_000;

function page(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number) {
  return db
    .selectFrom('change_log')
    .select([
      'seq',
      'entity',
      'entity_id',
      'op',
      'snapshot_row',
      'packed_text',
      'packed_numbers',
      sql<string | null>`record::text`.as('record'),
    ])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(SNAPSHOT_FRAME_ROWS)
    .execute();
}

/** How a run of rows goes out: `packed` or `items` frames (item upserts), `rows` frames (change objects). */
type RunKind = 'packed' | 'items' | 'rows';

/** One frame of a page: its kind, the rows it carries up to `cursor`, and its text. */
interface FrameRun {
  kind: RunKind;
  cursor: number;
  rows: number;
  frame: string;
}

const frameText = (kind: RunKind, rows: number, cursor: number, parts: string[], numbers: string[]): string =>
  kind === 'packed'
    ? `{"type":"packed","count":${rows},"text":"${parts.join('')}","numbers":[${numbers.join(',')}],"cursor":${cursor}}\n`
    : kind === 'items'
      ? `{"type":"items","rows":[${parts.join(',')}],"cursor":${cursor}}\n`
      : `{"type":"rows","changes":[${parts.join(',')}],"cursor":${cursor}}\n`;

/**
 * One page of a compact or packed snapshot as runs of item upserts (their stored rows or packed parts) and of other
 * changes, in seq order. A page of items only, nearly every page of a site, is joined by PostgreSQL into one text
 * (two for packed) on its own core while this process streams the previous page; a mixed page is split into runs
 * here. Items with no packed parts (written before the server kept them) go out as compact rows. A packed page's two
 * texts are joined in one pass over the page's rows, so they agree item by item; no sort is asked for (half of the
 * page's cost), since the items of one frame need no order among themselves.
 */
async function itemPage(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number, packed: boolean): Promise<FrameRun[]> {
  const whole = packed
    ? (
        await sql<{ others: number; rows: number; cursor: string | null; text: string | null; numbers: string | null }>`
    SELECT count(*) FILTER (WHERE packed_numbers IS NULL)::int AS others, count(*)::int AS rows, max(seq)::text AS cursor,
      string_agg(packed_text, '') AS text, string_agg(packed_numbers, ',') AS numbers
    FROM (SELECT seq, packed_text, packed_numbers FROM change_log WHERE site_id = ${siteId} AND seq > ${after} AND seq <= ${upTo}
      ORDER BY seq LIMIT ${SNAPSHOT_FRAME_ROWS}) page`.execute(db)
      ).rows[0]
    : (
        await sql<{ others: number; rows: number; cursor: string | null; body: string | null }>`
    SELECT count(*) FILTER (WHERE snapshot_row IS NULL)::int AS others, count(*)::int AS rows, max(seq)::text AS cursor,
      string_agg(snapshot_row, ',' ORDER BY seq) AS body
    FROM (SELECT seq, snapshot_row FROM change_log WHERE site_id = ${siteId} AND seq > ${after} AND seq <= ${upTo}
      ORDER BY seq LIMIT ${SNAPSHOT_FRAME_ROWS}) page`.execute(db)
      ).rows[0];
  if (!whole || whole.rows === 0 || whole.cursor === null) return [];
  if (whole.others === 0) {
    const cursor = Number(whole.cursor);
    if ('numbers' in whole && whole.numbers !== null)
      return [
        { kind: 'packed', cursor, rows: whole.rows, frame: frameText('packed', whole.rows, cursor, [whole.text ?? ''], [whole.numbers]) },
      ];
    if ('body' in whole && whole.body !== null)
      return [{ kind: 'items', cursor, rows: whole.rows, frame: frameText('items', whole.rows, cursor, [whole.body], []) }];
  }
  const mixed = await page(db, siteId, after, upTo);
  const runs: (Omit<FrameRun, 'frame'> & { parts: string[]; numbers: string[] })[] = [];
  for (const r of mixed) {
    const kind: RunKind = packed && r.packed_numbers !== null ? 'packed' : r.snapshot_row !== null ? 'items' : 'rows';
    let run = runs.at(-1);
    if (run?.kind !== kind) {
      run = { kind, cursor: r.seq, rows: 0, parts: [], numbers: [] };
      runs.push(run);
    }
    if (kind === 'packed') {
      run.parts.push(r.packed_text ?? '');
      run.numbers.push(r.packed_numbers ?? '');
    } else run.parts.push(kind === 'items' ? (r.snapshot_row ?? '') : changeJsonText(r));
    run.cursor = r.seq;
    run.rows++;
  }
  return runs.map(({ parts, numbers, ...run }) => ({ ...run, frame: frameText(run.kind, run.rows, run.cursor, parts, numbers) }));
}

/** One page of the snapshot as change objects (`rows` frames only), for stations that do not ask for compact rows. */
async function changesPage(db: Kysely<ServerDatabase>, siteId: string, after: number, upTo: number): Promise<FrameRun[]> {
  const rows = await page(db, siteId, after, upTo);
  const last = rows.at(-1);
  return last
    ? [{ kind: 'rows', cursor: last.seq, rows: rows.length, frame: frameText('rows', rows.length, last.seq, rows.map(changeJsonText), []) }]
    : [];
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
  const read = (after: number) =>
    q.format === 'changes' ? changesPage(db, siteId, after, upTo) : itemPage(db, siteId, after, upTo, q.format === 'packed');
  // A page read ahead may fail after the station has gone (the stream then awaits it no more): that must not count
  // as an unhandled rejection. Awaited, it still throws.
  const ahead = (after: number) => {
    const page = read(after);
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
      yield run.frame;
    }
  }
  yield frame({ type: 'end', cursor: upTo, rows: sent });
}
