import type { Kysely } from 'kysely';
import type { PullQuery, PullResponse, SyncEntity } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';

export async function readEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow();
  return row.value;
}

/** One page of a site's changes after `cursor`, or a reset when the station's view cannot be continued. */
export async function pullChanges(db: Kysely<ServerDatabase>, siteId: string, epoch: string, q: PullQuery): Promise<PullResponse> {
  if (q.epoch !== undefined && q.epoch !== epoch) {
    return { reset: true, epoch, reason: 'the server was rebuilt (epoch changed); pull again from 0' };
  }
  const site = await db.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow();
  if (q.cursor > site.change_seq) {
    return { reset: true, epoch, reason: `cursor ${q.cursor} is ahead of the server (${site.change_seq}); pull again from 0` };
  }
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', 'record'])
    .where('site_id', '=', siteId)
    .where('seq', '>', q.cursor)
    .orderBy('seq')
    .limit(q.limit + 1)
    .execute();
  const changes = rows.slice(0, q.limit).map((r) => ({
    seq: r.seq,
    entity: r.entity as SyncEntity,
    op: r.op as 'upsert' | 'delete',
    id: r.entity_id,
    ...(r.record === null ? {} : { record: r.record }),
  }));
  return { reset: false, epoch, changes, cursor: changes.at(-1)?.seq ?? q.cursor, hasMore: rows.length > q.limit };
}
