import type { Item } from '../../shared/domain/master-data';
import { holdCovers } from '../../shared/rules/holds';
import { needsCarrierRelabel } from '../../shared/rules/house-labels';
import type { PackedLine } from '../../shared/sync-protocol';
import { writeChanges } from '../data/changes';
import { activeHolds } from '../data/holds';
import { appendLedger, type LedgerEntry, move, PACK_BENCH, PICK_FACE } from '../data/ledger';
import { setOrderStatus } from '../data/master-data';
import { requireItem, requireOpenOrder } from './lookups';
import { ledgerBase, type OpHandler, Rejection } from './rejection';

export const packCartonClose: OpHandler<'pack.carton.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const order = await requireOpenOrder(trx, siteId, p.orderId);
  if (order.status === 'shipped') throw new Rejection('invalid_op', `order "${p.orderId}" was already shipped`);
  const holds = await activeHolds(trx, siteId);
  const entries: LedgerEntry[] = [];
  for (const line of p.items) {
    const item = await requireItem(trx, siteId, line.itemId);
    const hold = holds.find((h) => holdCovers(h, { itemId: line.itemId, lot: line.lot }));
    if (hold) {
      throw new Rejection(
        'item_on_hold',
        `item "${line.itemId}"${line.lot ? ` lot "${line.lot}"` : ''} is on a quality hold (${hold.kind})`,
      );
    }
    entries.push(
      ...move(
        { ...ledgerBase(ctx, p.cartonId), kind: 'pack', itemId: line.itemId, lot: line.lot, serial: line.serial },
        line.qty,
        { location: item.home_location ?? PICK_FACE, lpn: null, held: false },
        { location: PACK_BENCH, lpn: p.sscc, held: false },
      ),
    );
  }
  const inserted = await trx
    .insertInto('cartons')
    .values({
      site_id: siteId,
      id: p.cartonId,
      order_id: p.orderId,
      sscc: p.sscc,
      carton_type: p.cartonType,
      weight_g: p.weightG,
      expected_g: p.expectedG,
      override_by: p.overrideBy,
      override_reason: p.overrideReason,
      carrier: p.carrier,
      service: p.service,
      tracking: p.tracking,
      items: JSON.stringify(p.items),
      station_id: ctx.stationId,
      operator_id: op.operatorId,
      packed_at: op.at,
      op_id: op.opId,
      ...(needsCarrierRelabel(p.carrier, p.tracking) ? { needs_relabel: true, house_tracking: p.tracking } : {}),
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `carton "${p.cartonId}" was already closed by another op`);
  await appendLedger(trx, siteId, entries);
  if (order.status === 'open') await setOrderStatus(trx, siteId, p.orderId, 'packing');
};

export const shipmentClose: OpHandler<'shipment.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  await requireOpenOrder(trx, siteId, p.orderId);
  const cartons = await trx
    .selectFrom('cartons')
    .select(['id', 'sscc', 'items', 'shipped_at', 'order_id'])
    .where('site_id', '=', siteId)
    .where('id', 'in', p.cartonIds)
    .forUpdate()
    .execute();
  const missing = p.cartonIds.filter((id) => !cartons.some((c) => c.id === id));
  if (missing.length > 0) throw new Rejection('invalid_op', `cartons not known to the server: ${missing.join(', ')}`);
  const foreign = cartons.filter((c) => c.order_id !== p.orderId);
  if (foreign.length > 0) throw new Rejection('invalid_op', `cartons of another order: ${foreign.map((c) => c.id).join(', ')}`);
  const entries: LedgerEntry[] = [];
  for (const carton of cartons) {
    if (carton.shipped_at) continue;
    for (const line of carton.items as PackedLine[]) {
      entries.push({
        ...ledgerBase(ctx, carton.id),
        kind: 'ship',
        itemId: line.itemId,
        lot: line.lot,
        serial: line.serial,
        location: PACK_BENCH,
        lpn: carton.sscc,
        qty: -line.qty,
      });
    }
  }
  await trx
    .updateTable('cartons')
    .set({ shipped_at: op.at, ship_op_id: op.opId })
    .where('site_id', '=', siteId)
    .where('id', 'in', p.cartonIds)
    .where('shipped_at', 'is', null)
    .execute();
  await appendLedger(trx, siteId, entries);
  await setOrderStatus(trx, siteId, p.orderId, 'shipped');
};

export const orderProblem: OpHandler<'order.problem'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  await requireOpenOrder(trx, siteId, op.payload.orderId);
  await setOrderStatus(trx, siteId, op.payload.orderId, 'problem');
};

export const manifestClose: OpHandler<'manifest.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  // Locked: a relabel of one of these cartons waits for the manifest, and the manifest sees a relabel that won.
  const known = await trx
    .selectFrom('cartons')
    .select(['id', 'needs_relabel', 'tracking'])
    .where('site_id', '=', siteId)
    .where('id', 'in', p.cartonIds)
    .forUpdate()
    .execute();
  const knownIds = new Set(known.map((c) => c.id));
  const missing = p.cartonIds.filter((id) => !knownIds.has(id));
  if (missing.length > 0) throw new Rejection('invalid_op', `cartons not known to the server: ${missing.slice(0, 20).join(', ')}`);
  const houseLabelled = known.filter((c) => c.needs_relabel);
  if (houseLabelled.length > 0) {
    throw new Rejection(
      'invalid_op',
      `the ${p.carrier} manifest holds cartons with a house label that need the carrier's label first: ${houseLabelled
        .slice(0, 20)
        .map((c) => `${c.id} (${c.tracking})`)
        .join(', ')}`,
    );
  }
  const inserted = await trx
    .insertInto('manifests')
    .values({
      site_id: siteId,
      id: p.manifestId,
      carrier: p.carrier,
      date: p.date,
      carton_ids: JSON.stringify(p.cartonIds),
      op_id: op.opId,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `manifest "${p.manifestId}" was already closed`);
  await trx
    .updateTable('cartons')
    .set({ manifest_id: p.manifestId })
    .where('site_id', '=', siteId)
    .where('id', 'in', p.cartonIds)
    .execute();
};

export const itemBarcodeLink: OpHandler<'item.barcode.link'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  await requireItem(trx, siteId, p.itemId);
  const taken = await trx
    .selectFrom('item_barcodes')
    .select('item_id')
    .where('site_id', '=', siteId)
    .where('code', '=', p.code)
    .where('item_id', '!=', p.itemId)
    .executeTakeFirst();
  if (taken) throw new Rejection('invalid_op', `barcode "${p.code}" already belongs to item "${taken.item_id}"`);
  await trx
    .insertInto('item_barcodes')
    .values({ site_id: siteId, item_id: p.itemId, code: p.code, pack_qty: p.packQty })
    .onConflict((oc) => oc.columns(['site_id', 'item_id', 'code']).doUpdateSet({ pack_qty: p.packQty }))
    .execute();
  const row = await trx
    .selectFrom('items')
    .select('doc')
    .where('site_id', '=', siteId)
    .where('id', '=', p.itemId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const item = row.doc as Item;
  const record: Item = { ...item, barcodes: [...item.barcodes.filter((b) => b.code !== p.code), { code: p.code, packQty: p.packQty }] };
  await trx
    .updateTable('items')
    .set({ doc: JSON.stringify(record) })
    .where('site_id', '=', siteId)
    .where('id', '=', p.itemId)
    .execute();
  await writeChanges(trx, siteId, [{ entity: 'item', id: p.itemId, op: 'upsert', record }]);
};
