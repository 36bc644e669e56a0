import { type Kysely, sql, type Transaction } from 'kysely';
import type { Asn, CartonType, Item, Location, OperatorRecord, Order, PurchaseOrder, SiteSettings } from '../../shared/domain/master-data';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import { type ChangeInput, writeChanges } from './changes';

/**
 * ERP upserts by external id. Idempotent: a record equal to the stored one changes nothing and writes
 * no change-log row, so a repeated import does not make every station pull again.
 */

export interface UpsertResult {
  received: number;
  changed: number;
}

type Trx = Transaction<ServerDatabase>;
const CHUNK = 500;

function lastById<T>(records: T[], key: (r: T) => string): T[] {
  const map = new Map<string, T>();
  for (const record of records) map.set(key(record), record);
  return [...map.values()];
}

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function assertSite(trx: Kysely<ServerDatabase>, siteId: string): Promise<SiteSettings> {
  const site = await trx.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new HttpError(404, 'unknown_site', `site "${siteId}" does not exist; create it with PUT /api/v1/sites/${siteId}`);
  return site.settings as SiteSettings;
}

export async function upsertSite(db: Kysely<ServerDatabase>, settings: SiteSettings): Promise<{ created: boolean; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const doc = JSON.stringify(settings);
    const existing = await trx.selectFrom('sites').select('id').where('id', '=', settings.siteId).executeTakeFirst();
    const changed = await trx
      .insertInto('sites')
      .values({ id: settings.siteId, settings: doc })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ settings: doc }).where(sql<boolean>`sites.settings IS DISTINCT FROM excluded.settings`),
      )
      .returning('id')
      .executeTakeFirst();
    if (changed)
      await writeChanges(trx, settings.siteId, [{ entity: 'siteSettings', id: settings.siteId, op: 'upsert', record: settings }]);
    return { created: !existing, changed: Boolean(changed) };
  });
}

async function inSite<T extends { length: number }>(
  db: Kysely<ServerDatabase>,
  siteId: string,
  records: T,
  work: (trx: Trx) => Promise<ChangeInput[]>,
): Promise<UpsertResult> {
  return db.transaction().execute(async (trx) => {
    await assertSite(trx, siteId);
    const changes = await work(trx);
    await writeChanges(trx, siteId, changes);
    return { received: records.length, changed: changes.length };
  });
}

export function upsertItems(db: Kysely<ServerDatabase>, siteId: string, items: Item[]): Promise<UpsertResult> {
  return inSite(db, siteId, items, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(lastById(items, (i) => i.id))) {
      const changed = await trx
        .insertInto('items')
        .values(
          batch.map((item) => ({
            site_id: siteId,
            id: item.id,
            sku: item.sku,
            home_location: item.homeLocation,
            over_receipt_tolerance_pct: item.overReceiptTolerancePct,
            active: item.active,
            doc: JSON.stringify(item),
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({
              sku: eb.ref('excluded.sku'),
              home_location: eb.ref('excluded.home_location'),
              over_receipt_tolerance_pct: eb.ref('excluded.over_receipt_tolerance_pct'),
              active: eb.ref('excluded.active'),
              doc: eb.ref('excluded.doc'),
            }))
            .where(sql<boolean>`items.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .execute();
      const changedIds = new Set(changed.map((r) => r.id));
      const changedItems = batch.filter((item) => changedIds.has(item.id));
      if (changedItems.length === 0) continue;
      await trx
        .deleteFrom('item_barcodes')
        .where('site_id', '=', siteId)
        .where('item_id', 'in', [...changedIds])
        .execute();
      const barcodes = changedItems.flatMap((item) =>
        lastById(item.barcodes, (b) => b.code).map((b) => ({ site_id: siteId, item_id: item.id, code: b.code, pack_qty: b.packQty })),
      );
      for (const rows of chunks(barcodes, 1000)) await trx.insertInto('item_barcodes').values(rows).execute();
      for (const item of changedItems) changes.push({ entity: 'item', id: item.id, op: 'upsert', record: item });
    }
    return changes;
  });
}

export function upsertLocations(db: Kysely<ServerDatabase>, siteId: string, locations: Location[]): Promise<UpsertResult> {
  return inSite(db, siteId, locations, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(lastById(locations, (l) => l.code))) {
      const changed = await trx
        .insertInto('locations')
        .values(batch.map((l) => ({ site_id: siteId, code: l.code, status: l.status, doc: JSON.stringify(l) })))
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'code'])
            .doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), doc: eb.ref('excluded.doc') }))
            .where(sql<boolean>`locations.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('code')
        .execute();
      const ids = new Set(changed.map((r) => r.code));
      for (const l of batch) if (ids.has(l.code)) changes.push({ entity: 'location', id: l.code, op: 'upsert', record: l });
    }
    return changes;
  });
}

export function upsertCartonTypes(db: Kysely<ServerDatabase>, siteId: string, cartonTypes: CartonType[]): Promise<UpsertResult> {
  return inSite(db, siteId, cartonTypes, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(lastById(cartonTypes, (c) => c.code))) {
      const changed = await trx
        .insertInto('carton_types')
        .values(batch.map((c) => ({ site_id: siteId, code: c.code, doc: JSON.stringify(c) })))
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'code'])
            .doUpdateSet((eb) => ({ doc: eb.ref('excluded.doc') }))
            .where(sql<boolean>`carton_types.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('code')
        .execute();
      const ids = new Set(changed.map((r) => r.code));
      for (const c of batch) if (ids.has(c.code)) changes.push({ entity: 'cartonType', id: c.code, op: 'upsert', record: c });
    }
    return changes;
  });
}

export function upsertOperators(db: Kysely<ServerDatabase>, siteId: string, operators: OperatorRecord[]): Promise<UpsertResult> {
  return inSite(db, siteId, operators, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(lastById(operators, (o) => o.id))) {
      const changed = await trx
        .insertInto('operators')
        .values(batch.map((o) => ({ site_id: siteId, id: o.id, badge: o.badge, active: o.active, doc: JSON.stringify(o) })))
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({ badge: eb.ref('excluded.badge'), active: eb.ref('excluded.active'), doc: eb.ref('excluded.doc') }))
            .where(sql<boolean>`operators.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .execute();
      const ids = new Set(changed.map((r) => r.id));
      for (const o of batch) if (ids.has(o.id)) changes.push({ entity: 'operator', id: o.id, op: 'upsert', record: o });
    }
    return changes;
  });
}

export function upsertPurchaseOrders(db: Kysely<ServerDatabase>, siteId: string, pos: PurchaseOrder[]): Promise<UpsertResult> {
  return inSite(db, siteId, pos, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(
      lastById(pos, (p) => p.id),
      200,
    )) {
      const changed = await trx
        .insertInto('purchase_orders')
        .values(
          batch.map((po) => ({
            site_id: siteId,
            id: po.id,
            status: po.status,
            over_receipt_tolerance_pct: po.overReceiptTolerancePct,
            doc: JSON.stringify(po),
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              over_receipt_tolerance_pct: eb.ref('excluded.over_receipt_tolerance_pct'),
              doc: eb.ref('excluded.doc'),
            }))
            .where(sql<boolean>`purchase_orders.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .execute();
      const ids = new Set(changed.map((r) => r.id));
      for (const po of batch) {
        if (!ids.has(po.id)) continue;
        const lines = lastById(po.lines, (l) => String(l.lineNo));
        // Received quantities stay: they belong to the receipts, not to the ERP's copy of the PO.
        for (const rows of chunks(lines, 1000)) {
          await trx
            .insertInto('po_lines')
            .values(rows.map((l) => ({ site_id: siteId, po_id: po.id, line_no: l.lineNo, item_id: l.itemId, qty_ordered: l.qtyOrdered })))
            .onConflict((oc) =>
              oc
                .columns(['site_id', 'po_id', 'line_no'])
                .doUpdateSet((eb) => ({ item_id: eb.ref('excluded.item_id'), qty_ordered: eb.ref('excluded.qty_ordered') })),
            )
            .execute();
        }
        await trx
          .deleteFrom('po_lines')
          .where('site_id', '=', siteId)
          .where('po_id', '=', po.id)
          .where('qty_received', '=', 0)
          .where(
            'line_no',
            'not in',
            lines.map((l) => l.lineNo),
          )
          .execute();
        changes.push({ entity: 'purchaseOrder', id: po.id, op: 'upsert', record: po });
      }
    }
    return changes;
  });
}

export function upsertAsns(db: Kysely<ServerDatabase>, siteId: string, asns: Asn[]): Promise<UpsertResult> {
  return inSite(db, siteId, asns, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(
      lastById(asns, (a) => a.id),
      200,
    )) {
      const changed = await trx
        .insertInto('asns')
        .values(batch.map((a) => ({ site_id: siteId, id: a.id, po_id: a.poId, doc: JSON.stringify(a) })))
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({ po_id: eb.ref('excluded.po_id'), doc: eb.ref('excluded.doc') }))
            .where(sql<boolean>`asns.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .execute();
      const ids = new Set(changed.map((r) => r.id));
      for (const asn of batch) {
        if (!ids.has(asn.id)) continue;
        await trx.deleteFrom('asn_lines').where('site_id', '=', siteId).where('asn_id', '=', asn.id).execute();
        for (const rows of chunks(
          lastById(asn.lines, (l) => String(l.lineNo)),
          1000,
        )) {
          await trx
            .insertInto('asn_lines')
            .values(
              rows.map((l) => ({
                site_id: siteId,
                asn_id: asn.id,
                line_no: l.lineNo,
                po_line_no: l.poLineNo,
                item_id: l.itemId,
                qty: l.qty,
                lot: l.lot,
                expiry: l.expiry,
                sscc: l.sscc,
              })),
            )
            .execute();
        }
        changes.push({ entity: 'asn', id: asn.id, op: 'upsert', record: asn });
      }
    }
    return changes;
  });
}

export function upsertOrders(db: Kysely<ServerDatabase>, siteId: string, orders: Order[]): Promise<UpsertResult> {
  return inSite(db, siteId, orders, async (trx) => {
    const changes: ChangeInput[] = [];
    for (const batch of chunks(
      lastById(orders, (o) => o.id),
      200,
    )) {
      const changed = await trx
        .insertInto('orders')
        .values(batch.map((o) => ({ site_id: siteId, id: o.id, status: o.status, doc: JSON.stringify(o) })))
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'id'])
            .doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), doc: eb.ref('excluded.doc') }))
            .where(sql<boolean>`orders.doc IS DISTINCT FROM excluded.doc`),
        )
        .returning('id')
        .execute();
      const ids = new Set(changed.map((r) => r.id));
      for (const order of batch) {
        if (!ids.has(order.id)) continue;
        await trx.deleteFrom('order_lines').where('site_id', '=', siteId).where('order_id', '=', order.id).execute();
        for (const rows of chunks(
          lastById(order.lines, (l) => String(l.lineNo)),
          1000,
        )) {
          await trx
            .insertInto('order_lines')
            .values(rows.map((l) => ({ site_id: siteId, order_id: order.id, line_no: l.lineNo, item_id: l.itemId, qty: l.qty })))
            .execute();
        }
        changes.push({ entity: 'order', id: order.id, op: 'upsert', record: order });
      }
    }
    return changes;
  });
}

/** Sets an order's status in its table and its stored record; returns the record for the change log. */
export async function setOrderStatus(
  trx: Kysely<ServerDatabase>,
  siteId: string,
  orderId: string,
  status: Order['status'],
): Promise<Order | null> {
  const row = await trx
    .updateTable('orders')
    .set({ status, doc: sql`jsonb_set(doc, '{status}', to_jsonb(${status}::text))` })
    .where('site_id', '=', siteId)
    .where('id', '=', orderId)
    .returning('doc')
    .executeTakeFirst();
  if (!row) return null;
  const order = row.doc as Order;
  await writeChanges(trx, siteId, [{ entity: 'order', id: orderId, op: 'upsert', record: order }]);
  return order;
}

export async function setPoStatus(
  trx: Kysely<ServerDatabase>,
  siteId: string,
  poId: string,
  status: PurchaseOrder['status'],
): Promise<void> {
  const row = await trx
    .updateTable('purchase_orders')
    .set({ status, doc: sql`jsonb_set(doc, '{status}', to_jsonb(${status}::text))` })
    .where('site_id', '=', siteId)
    .where('id', '=', poId)
    .returning('doc')
    .executeTakeFirst();
  if (row) await writeChanges(trx, siteId, [{ entity: 'purchaseOrder', id: poId, op: 'upsert', record: row.doc }]);
}
