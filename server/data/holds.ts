import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { Hold, HoldKind } from '../../shared/domain/master-data';
import { type HoldScope, holdCovers } from '../../shared/rules/holds';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import { writeChanges } from './changes';
import { appendLedger, type LedgerEntry, move } from './ledger';
import { assertSite } from './master-data';

export const HoldRequest = z
  .object({
    id: Hold.shape.id,
    kind: HoldKind,
    itemId: Hold.shape.itemId,
    lot: Hold.shape.lot,
    location: Hold.shape.location,
    reason: Hold.shape.reason,
    recall: Hold.shape.recall,
  })
  .superRefine((h, ctx) => {
    if (h.kind === 'item' && !h.itemId) ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'an item hold names the item' });
    if (h.kind === 'lot' && !h.lot) ctx.addIssue({ code: 'custom', path: ['lot'], message: 'a lot hold names the lot' });
    if (h.kind === 'location' && !h.location)
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'a location hold names the location' });
  });
export type HoldRequest = z.infer<typeof HoldRequest>;

/** The active holds of a site, as the shared rule reads them. */
export async function activeHolds(trx: Kysely<ServerDatabase>, siteId: string): Promise<HoldScope[]> {
  const rows = await trx
    .selectFrom('holds')
    .select(['kind', 'item_id', 'lot', 'location'])
    .where('site_id', '=', siteId)
    .where('active', '=', true)
    .execute();
  return rows.map(holdScope);
}

function holdScope(row: { kind: string; item_id: string | null; lot: string | null; location: string | null }): HoldScope {
  return { kind: HoldKind.parse(row.kind), itemId: row.item_id, lot: row.lot, location: row.location };
}

async function stockCoveredBy(trx: Kysely<ServerDatabase>, siteId: string, hold: HoldScope, held: boolean) {
  let query = trx
    .selectFrom('inventory_ledger')
    .select(['item_id', 'lot', 'location', 'lpn', sql<number>`sum(qty)::int8`.as('qty')])
    .where('site_id', '=', siteId)
    .where('held', '=', held)
    .groupBy(['item_id', 'lot', 'location', 'lpn'])
    .having(sql<number>`sum(qty)`, '>', 0);
  if (hold.kind === 'item' && hold.itemId) query = query.where('item_id', '=', hold.itemId);
  if (hold.kind === 'lot' && hold.lot) {
    query = query.where('lot', '=', hold.lot);
    if (hold.itemId) query = query.where('item_id', '=', hold.itemId);
  }
  if (hold.kind === 'location' && hold.location) query = query.where('location', '=', hold.location);
  return query.execute();
}

/** Creates a hold (idempotent by id), moves the stock it covers to held in the ledger, tells stations. */
export async function createHold(
  db: Kysely<ServerDatabase>,
  siteId: string,
  request: HoldRequest,
  by: string,
): Promise<{ hold: Hold; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    await assertSite(trx, siteId);
    const hold: Hold = Hold.parse({ ...request, active: true, createdAt: new Date().toISOString() });
    const inserted = await trx
      .insertInto('holds')
      .values({
        site_id: siteId,
        id: hold.id,
        kind: hold.kind,
        item_id: hold.itemId,
        lot: hold.lot,
        location: hold.location,
        active: true,
        doc: JSON.stringify(hold),
      })
      .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('holds')
        .select('doc')
        .where('site_id', '=', siteId)
        .where('id', '=', hold.id)
        .executeTakeFirstOrThrow();
      return { hold: Hold.parse(existing.doc), created: false };
    }
    const stock = await stockCoveredBy(trx, siteId, hold, false);
    const at = new Date();
    const entries: LedgerEntry[] = stock.flatMap((s) =>
      move(
        { kind: 'hold', itemId: s.item_id, lot: s.lot, operatorId: by, stationId: null, opId: null, ref: hold.id, at },
        s.qty,
        { location: s.location, lpn: s.lpn, held: false },
        { location: s.location, lpn: s.lpn, held: true },
      ),
    );
    await appendLedger(trx, siteId, entries);
    await writeChanges(trx, siteId, [{ entity: 'hold', id: hold.id, op: 'upsert', record: hold }]);
    return { hold, created: true };
  });
}

/** Releases a hold; stock it held goes back to available unless another active hold still covers it. */
export async function releaseHold(db: Kysely<ServerDatabase>, siteId: string, holdId: string, by: string): Promise<Hold> {
  return db.transaction().execute(async (trx) => {
    await assertSite(trx, siteId);
    const row = await trx
      .selectFrom('holds')
      .select(['kind', 'item_id', 'lot', 'location', 'active', 'doc'])
      .where('site_id', '=', siteId)
      .where('id', '=', holdId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'not_found', `hold "${holdId}" not found`);
    if (!row.active) return Hold.parse(row.doc);
    const hold: Hold = Hold.parse({ ...(row.doc as object), active: false });
    await trx
      .updateTable('holds')
      .set({ active: false, released_at: new Date(), doc: JSON.stringify(hold) })
      .where('site_id', '=', siteId)
      .where('id', '=', holdId)
      .execute();
    const others = await activeHolds(trx, siteId);
    const stock = await stockCoveredBy(trx, siteId, holdScope(row), true);
    const at = new Date();
    const entries = stock
      .filter((s) => !others.some((other) => holdCovers(other, { itemId: s.item_id, lot: s.lot, location: s.location })))
      .flatMap((s) =>
        move(
          { kind: 'release', itemId: s.item_id, lot: s.lot, operatorId: by, stationId: null, opId: null, ref: holdId, at },
          s.qty,
          { location: s.location, lpn: s.lpn, held: true },
          { location: s.location, lpn: s.lpn, held: false },
        ),
      );
    await appendLedger(trx, siteId, entries);
    await writeChanges(trx, siteId, [{ entity: 'hold', id: holdId, op: 'upsert', record: hold }]);
    return hold;
  });
}
