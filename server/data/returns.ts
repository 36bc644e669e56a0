import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Rma, ShippedUnit } from '../../shared/domain/returns';
import type { PackedLine } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { type ChangeInput, writeChanges } from './changes';
import { assertSite, type UpsertResult } from './master-data';

/** What the order of an RMA shipped from this site: its shipped cartons' units, SSCCs and tracking numbers. */
export async function shipmentOfOrder(
  trx: Kysely<ServerDatabase>,
  siteId: string,
  orderId: string,
): Promise<{ units: ShippedUnit[]; refs: string[] }> {
  const cartons = await trx
    .selectFrom('cartons')
    .select(['sscc', 'tracking', 'items'])
    .where('site_id', '=', siteId)
    .where('order_id', '=', orderId)
    .where('shipped_at', 'is not', null)
    .execute();
  const units = cartons.flatMap((c) =>
    (c.items as PackedLine[]).map((l) => ({ itemId: l.itemId, lot: l.lot, expiry: null, serial: l.serial, qty: l.qty })),
  );
  const refs = cartons.flatMap((c) => [c.sscc, ...(c.tracking ? [c.tracking] : [])]);
  return { units, refs };
}

/**
 * ERP upserts of RMAs by id. An RMA without the units its order shipped gets them from the server's shipments (and
 * their SSCCs and tracking numbers as codes that open it); an RMA a station already received keeps its status.
 */
export function upsertRmas(db: Kysely<ServerDatabase>, siteId: string, rmas: Rma[]): Promise<UpsertResult> {
  return db.transaction().execute(async (trx) => {
    await assertSite(trx, siteId);
    const changes: ChangeInput[] = [];
    const latest = [...new Map(rmas.map((r) => [r.id, r])).values()];
    for (const input of latest) {
      const existing = await trx
        .selectFrom('rmas')
        .select(['status', 'doc'])
        .where('site_id', '=', siteId)
        .where('id', '=', input.id)
        .forUpdate()
        .executeTakeFirst();
      let rma: Rma = existing?.status === 'received' ? { ...input, status: 'received' } : input;
      if (rma.shipped.length === 0) {
        const shipment = await shipmentOfOrder(trx, siteId, rma.orderId);
        rma = { ...rma, shipped: shipment.units, shipmentRefs: [...new Set([...rma.shipmentRefs, ...shipment.refs])].slice(0, 50) };
      }
      const doc = JSON.stringify(rma);
      const changed = await trx
        .insertInto('rmas')
        .values({ site_id: siteId, id: rma.id, number: rma.number, order_id: rma.orderId, status: rma.status, doc })
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({
              number: eb.ref('excluded.number'),
              order_id: eb.ref('excluded.order_id'),
              status: eb.ref('excluded.status'),
              doc: eb.ref('excluded.doc'),
            }))
            .where(sql<boolean>`rmas.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .executeTakeFirst();
      if (changed) changes.push({ entity: 'rma', id: rma.id, op: 'upsert', record: rma });
    }
    await writeChanges(trx, siteId, changes);
    return { received: rmas.length, changed: changes.length };
  });
}

export const ReturnsQuery = z.object({
  /** Returns recorded after this return id (keyset paging by id). */
  after: z.string().max(64).optional(),
  returnId: z.string().max(64).optional(),
  rmaId: z.string().max(64).optional(),
  orderId: z.string().max(64).optional(),
  limit: z.coerce.number().int().positive().max(1000).default(100),
});
export type ReturnsQuery = z.infer<typeof ReturnsQuery>;

export const ReturnRecord = z.object({
  returnId: z.string(),
  rmaId: z.string(),
  orderId: z.string(),
  stationId: z.string(),
  operatorId: z.string(),
  closedAt: z.string(),
  opId: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      itemId: z.string(),
      lot: z.string().nullable(),
      serial: z.string().nullable(),
      qty: z.number(),
      condition: z.string(),
      disposition: z.string(),
      location: z.string(),
      held: z.boolean(),
      onRma: z.boolean(),
      approvedBy: z.string().nullable(),
    }),
  ),
});
export type ReturnRecord = z.infer<typeof ReturnRecord>;

/** Returns closed at the site's stations, with their units, paged by return id. */
export async function readReturns(db: Kysely<ServerDatabase>, siteId: string, q: ReturnsQuery) {
  let query = db
    .selectFrom('returns')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .limit(q.limit + 1);
  if (q.after) query = query.where('id', '>', q.after);
  if (q.returnId) query = query.where('id', '=', q.returnId);
  if (q.rmaId) query = query.where('rma_id', '=', q.rmaId);
  if (q.orderId) query = query.where('order_id', '=', q.orderId);
  const rows = await query.execute();
  const pageRows = rows.slice(0, q.limit);
  const units =
    pageRows.length === 0
      ? []
      : await db
          .selectFrom('return_units')
          .selectAll()
          .where('site_id', '=', siteId)
          .where(
            'return_id',
            'in',
            pageRows.map((r) => r.id),
          )
          .orderBy('unit_id')
          .execute();
  const items: ReturnRecord[] = pageRows.map((r) => ({
    returnId: r.id,
    rmaId: r.rma_id,
    orderId: r.order_id,
    stationId: r.station_id,
    operatorId: r.operator_id,
    closedAt: new Date(r.closed_at).toISOString(),
    opId: r.op_id,
    units: units
      .filter((u) => u.return_id === r.id)
      .map((u) => ({
        unitId: u.unit_id,
        itemId: u.item_id,
        lot: u.lot,
        serial: u.serial,
        qty: u.qty,
        condition: u.condition,
        disposition: u.disposition,
        location: u.location,
        held: u.held,
        onRma: u.on_rma,
        approvedBy: u.approved_by,
      })),
  }));
  return { items, next: rows.length > q.limit ? (pageRows.at(-1)?.id ?? null) : null };
}
