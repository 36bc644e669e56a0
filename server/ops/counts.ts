import { type Kysely, sql } from 'kysely';
import { type CountLine, type CountScope, CountSettings, CountTask, defaultCountSettings } from '../../shared/domain/counts';
import { judgeCount } from '../../shared/rules/counts';
import { writeChanges } from '../data/changes';
import { appendLedger, type LedgerEntry } from '../data/ledger';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import { requireApprover } from './approvals';
import { ledgerBase, type OpHandler, Rejection } from './rejection';

interface CountPlace {
  scope: CountScope;
  location: string;
  itemId: string | null;
  lpn: string | null;
}

/**
 * On-hand at a place by the ledger, as it stood at `asOf` (entries the stations dated after it are left out: a move
 * made while a count ran is not a variance of that count). Held stock is stock too.
 */
export async function ledgerOnHand(
  trx: Kysely<ServerDatabase>,
  siteId: string,
  place: CountPlace,
  asOf: string | Date,
): Promise<CountLine[]> {
  let query = trx
    .selectFrom('inventory_ledger')
    .select(['item_id', 'lot', (eb) => eb.fn.sum<number>('qty').as('qty')])
    .where('site_id', '=', siteId)
    .where('location', '=', place.location)
    .where('at', '<=', new Date(asOf))
    .groupBy(['item_id', 'lot'])
    .having((eb) => eb.fn.sum('qty'), '<>', 0)
    .orderBy('item_id')
    .orderBy('lot');
  if (place.scope === 'item' && place.itemId) query = query.where('item_id', '=', place.itemId);
  if (place.scope === 'lpn' && place.lpn) query = query.where('lpn', '=', place.lpn);
  const rows = await query.execute();
  return rows.map((r) => ({ itemId: r.item_id, lot: r.lot, qty: Math.max(0, Number(r.qty)) }));
}

export async function siteCountSettings(trx: Kysely<ServerDatabase>, siteId: string): Promise<CountSettings> {
  const site = await trx.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirst();
  const counts = (site?.settings as { counts?: unknown } | undefined)?.counts;
  const parsed = CountSettings.safeParse(counts);
  return parsed.success ? parsed.data : defaultCountSettings;
}

async function requireLocation(trx: Kysely<ServerDatabase>, siteId: string, code: string) {
  // Locked: two counts of one location post one after the other, each judged with the other's adjustments in the ledger.
  const location = await trx
    .selectFrom('locations')
    .select(['code'])
    .where('site_id', '=', siteId)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!location) throw new Rejection('invalid_op', `location "${code}" is not in this site's master data`);
}

export interface CountTaskRequest {
  id: string;
  scope: CountScope;
  location: string;
  itemId?: string | null | undefined;
  lpn?: string | null | undefined;
  blind?: boolean | null | undefined;
}

/** Issues count tasks: each with the ledger's on-hand of its place now, published to the site's stations; idempotent by id. */
export async function issueCountTasks(db: Kysely<ServerDatabase>, siteId: string, requests: CountTaskRequest[]): Promise<CountTask[]> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const tasks: CountTask[] = [];
    for (const r of requests) {
      const known = await trx
        .selectFrom('locations')
        .select('code')
        .where('site_id', '=', siteId)
        .where('code', '=', r.location)
        .executeTakeFirst();
      if (!known) throw new HttpError(400, 'unknown_location', `location "${r.location}" is not in this site's master data`);
      const place = { scope: r.scope, location: r.location, itemId: r.itemId ?? null, lpn: r.lpn ?? null };
      const expected = await ledgerOnHand(trx, siteId, place, now);
      tasks.push(CountTask.parse({ ...place, id: r.id, blind: r.blind ?? null, expected, status: 'open', createdAt: now.toISOString() }));
    }
    // Idempotent by id: a task sent again stays as it is (counted or not), and is answered as it is.
    const answered: CountTask[] = [];
    const fresh: CountTask[] = [];
    for (const task of tasks) {
      const inserted = await trx
        .insertInto('count_tasks')
        .values({ site_id: siteId, id: task.id, status: task.status, doc: JSON.stringify(task) })
        .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        fresh.push(task);
        answered.push(task);
        continue;
      }
      const existing = await trx
        .selectFrom('count_tasks')
        .select('doc')
        .where('site_id', '=', siteId)
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow();
      answered.push(CountTask.parse(existing.doc));
    }
    await writeChanges(
      trx,
      siteId,
      fresh.map((t) => ({ entity: 'countTask', id: t.id, op: 'upsert', record: t })),
    );
    return answered;
  });
}

/**
 * A finished count: judged again against the ledger as it stood when the count started. Variances within the site's
 * tolerance, or approved by a supervisor after a recount, post as `adjust` entries; the task is done.
 */
export const countClose: OpHandler<'count.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  await requireLocation(trx, siteId, p.location);
  if (p.taskId !== null) {
    const task = await trx
      .selectFrom('count_tasks')
      .select(['status', 'doc'])
      .where('site_id', '=', siteId)
      .where('id', '=', p.taskId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw new Rejection('invalid_op', `count task "${p.taskId}" is not known to the server`);
    if (task.status !== 'open') throw new Rejection('invalid_op', `count task "${p.taskId}" is ${task.status}`);
  }
  const place = { scope: p.scope, location: p.location, itemId: p.itemId, lpn: p.lpn };
  const expected = await ledgerOnHand(trx, siteId, place, p.startedAt);
  const counted = p.scope === 'item' && p.itemId ? p.lines.filter((l) => l.itemId === p.itemId) : p.lines;
  const settings = await siteCountSettings(trx, siteId);
  const judged = judgeCount(expected, counted, settings);
  if (p.approvedBy !== null) await requireApprover(ctx, p.approvedBy);
  if (judged.outside.length > 0 && (p.approvedBy === null || p.recountedBy === null))
    throw new Rejection(
      'count_needs_approval',
      `count of "${p.location}": ${judged.outside.length} variance(s) beyond the site's tolerance without a recount and a supervisor's approval`,
    );
  const inserted = await trx
    .insertInto('counts')
    .values({
      site_id: siteId,
      id: p.countId,
      task_id: p.taskId,
      location: p.location,
      started_at: p.startedAt,
      lines: JSON.stringify(counted),
      variances: JSON.stringify(judged.variances),
      counted_by: p.countedBy,
      recounted_by: p.recountedBy,
      approved_by: p.approvedBy,
      station_id: ctx.stationId,
      op_id: op.opId,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `count "${p.countId}" was already posted`);
  const entries: LedgerEntry[] = judged.variances.map((v) => ({
    ...ledgerBase(ctx, p.countId),
    kind: 'adjust',
    itemId: v.itemId,
    lot: v.lot,
    location: p.location,
    lpn: p.scope === 'lpn' ? p.lpn : null,
    qty: v.delta,
  }));
  await appendLedger(trx, siteId, entries);
  if (p.taskId !== null) {
    const row = await trx
      .updateTable('count_tasks')
      .set({ status: 'done', doc: sql`jsonb_set(doc, '{status}', '"done"')` })
      .where('site_id', '=', siteId)
      .where('id', '=', p.taskId)
      .returning('doc')
      .executeTakeFirstOrThrow();
    await writeChanges(trx, siteId, [{ entity: 'countTask', id: p.taskId, op: 'upsert', record: row.doc }]);
  }
};
