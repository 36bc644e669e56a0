import { type Kysely, sql } from 'kysely';
import type { PullQuery, PullResponse } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { changeJsonText } from './changes';
import type { SitePositions } from './site-positions';

const reset = (epoch: string, reason: string): PullResponse => ({ reset: true, epoch, reason });

export async function readEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow();
  return row.value;
}

/**
 * One page of a site's changes after `cursor` as the JSON text of a PullResponse, or a reset when the
 * station's view cannot be continued. With `positions`, a station already at the site's position is answered
 * from memory (see `createSitePositions`).
 */
export async function pullChangesJson(
  db: Kysely<ServerDatabase>,
  siteId: string,
  epoch: string,
  q: PullQuery,
  positions?: SitePositions,
): Promise<string> {
  if (q.epoch !== undefined && q.epoch !== epoch) {
    return JSON.stringify(reset(epoch, 'the server was rebuilt (epoch changed); pull again from 0'));
  }
  if (q.cursor > 0 && positions?.get(siteId) === q.cursor) {
    return `{"reset":false,"epoch":${JSON.stringify(epoch)},"changes":[],"cursor":${q.cursor},"hasMore":false}`;
  }
  const generation = positions?.generation(siteId) ?? 0;
  // The site's position and the page in one statement (one snapshot, one round trip).
  const { rows: found } = await sql<{
    change_seq: number;
    seq: number | null;
    entity: string | null;
    entity_id: string | null;
    op: string | null;
    record: string | null;
  }>`
    SELECT s.change_seq, c.seq, c.entity, c.entity_id, c.op, c.record::text AS record
    FROM sites s LEFT JOIN LATERAL (
      SELECT seq, entity, entity_id, op, record FROM change_log
      WHERE site_id = s.id AND seq > ${q.cursor} AND ${q.cursor} <= s.change_seq ORDER BY seq LIMIT ${q.limit + 1}
    ) c ON true
    WHERE s.id = ${siteId}
    ORDER BY c.seq`.execute(db);
  const changeSeq = found[0]?.change_seq;
  if (changeSeq === undefined) throw new Error(`site ${siteId} not found`);
  if (q.cursor > changeSeq) {
    return JSON.stringify(reset(epoch, `cursor ${q.cursor} is ahead of the server (${changeSeq}); pull again from 0`));
  }
  const rows = found.flatMap((r) =>
    r.seq === null || r.entity === null || r.entity_id === null || r.op === null
      ? []
      : [{ seq: r.seq, entity: r.entity, entity_id: r.entity_id, op: r.op, record: r.record }],
  );
  const page = rows.slice(0, q.limit);
  positions?.remember(siteId, changeSeq, generation);
  let total: number | undefined;
  if (q.cursor === 0) {
    const count = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .executeTakeFirstOrThrow();
    total = Number(count.n);
  }
  // Records go out as the database's JSON text, spliced in: no parse and re-serialize of thousands of records.
  const changes = page.map(changeJsonText);
  const cursor = page.at(-1)?.seq ?? q.cursor;
  return `{"reset":false,"epoch":${JSON.stringify(epoch)},"changes":[${changes.join(',')}],"cursor":${cursor},"hasMore":${rows.length > q.limit}${total === undefined ? '' : `,"total":${total}`}}`;
}
