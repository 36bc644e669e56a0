import { type Kysely, sql } from 'kysely';
import type { PullQuery, PullResponse } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';

const reset = (epoch: string, reason: string): PullResponse => ({ reset: true, epoch, reason });

export async function readEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow();
  return row.value;
}

/**
 * One page of a site's changes after `cursor` as the JSON text of a PullResponse, or a reset when the
 * station's view cannot be continued.
 */
export async function pullChangesJson(db: Kysely<ServerDatabase>, siteId: string, epoch: string, q: PullQuery): Promise<string> {
  if (q.epoch !== undefined && q.epoch !== epoch) {
    return JSON.stringify(reset(epoch, 'the server was rebuilt (epoch changed); pull again from 0'));
  }
  const site = await db.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow();
  if (q.cursor > site.change_seq) {
    return JSON.stringify(reset(epoch, `cursor ${q.cursor} is ahead of the server (${site.change_seq}); pull again from 0`));
  }
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', sql<string | null>`record::text`.as('record')])
    .where('site_id', '=', siteId)
    .where('seq', '>', q.cursor)
    .orderBy('seq')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
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
  const changes = page.map(
    (r) =>
      `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"op":${JSON.stringify(r.op)},"id":${JSON.stringify(r.entity_id)}${r.record === null ? '' : `,"record":${r.record}`}}`,
  );
  const cursor = page.at(-1)?.seq ?? q.cursor;
  return `{"reset":false,"epoch":${JSON.stringify(epoch)},"changes":[${changes.join(',')}],"cursor":${cursor},"hasMore":${rows.length > q.limit}${total === undefined ? '' : `,"total":${total}`}}`;
}
