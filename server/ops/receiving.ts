import { type Insertable, type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { Hold } from '../../shared/domain/master-data';
import { type HoldScope, holdCovers } from '../../shared/rules/holds';
import { allowedQty } from '../../shared/rules/receiving';
import type { ReceiptLinePayload, StockLine } from '../../shared/sync-protocol';
import { activeHolds } from '../data/holds';
import { appendLedger, type LedgerEntry, move, RECEIVING_DOCK } from '../data/ledger';
import { setPoStatus } from '../data/master-data';
import type { ReceiptLinesTable, ReceiptsTable, ServerDatabase } from '../db/schema';
import { requireApprover } from './approvals';
import { requireItem } from './lookups';
import { ledgerBase, type OpHandler, Rejection } from './rejection';

/** The PO, share-locked so a concurrent receipt.close waits for this op (and this op sees a close that won). */
async function requireOpenPo(trx: Kysely<ServerDatabase>, siteId: string, poId: string) {
  const po = await trx
    .selectFrom('purchase_orders')
    .select(['id', 'status', 'over_receipt_tolerance_pct'])
    .where('site_id', '=', siteId)
    .where('id', '=', poId)
    .forShare()
    .executeTakeFirst();
  if (!po) throw new Rejection('unknown_po', `purchase order "${poId}" is not known to the server`);
  if (po.status !== 'open') throw new Rejection('po_closed', `purchase order "${poId}" is ${po.status}`);
  return po;
}

interface ReceiptLineFacts {
  po_status: string;
  po_pct: number;
  line_item: string;
  qty_ordered: number;
  qty_received: number;
  item_exists: boolean;
  item_pct: number | null;
  site_pct: number | null;
  /** Active holds naming the item or the lot: the candidates the shared rule judges. */
  holds: unknown;
}

const HoldScopes = z.array(Hold.pick({ kind: true, itemId: true, lot: true, location: true }));

/**
 * Everything a receipt line is judged on, in one round trip: the PO line locked FOR UPDATE (receipts of
 * one line from any station are judged one after the other), the PO share-locked (a concurrent
 * receipt.close waits), the item's and site's tolerance, and the active holds that may cover the stock.
 */
async function receiptLineFacts(trx: Kysely<ServerDatabase>, siteId: string, p: ReceiptLinePayload): Promise<ReceiptLineFacts | undefined> {
  const { rows } = await sql<ReceiptLineFacts>`
    SELECT po.status AS po_status, po.over_receipt_tolerance_pct AS po_pct, pl.item_id AS line_item, pl.qty_ordered, pl.qty_received,
      EXISTS (SELECT 1 FROM items i WHERE i.site_id = ${siteId} AND i.id = ${p.itemId}) AS item_exists,
      (SELECT i.over_receipt_tolerance_pct FROM items i WHERE i.site_id = ${siteId} AND i.id = ${p.itemId}) AS item_pct,
      (SELECT (s.settings->>'defaultOverReceiptTolerancePct')::float8 FROM sites s WHERE s.id = ${siteId}) AS site_pct,
      (SELECT coalesce(json_agg(json_build_object('kind', h.kind, 'itemId', h.item_id, 'lot', h.lot, 'location', h.location)), '[]'::json)
        FROM holds h WHERE h.site_id = ${siteId} AND h.active AND (h.item_id = ${p.itemId} OR h.lot = ${p.lot})) AS holds
    FROM po_lines pl JOIN purchase_orders po ON po.site_id = pl.site_id AND po.id = pl.po_id
    WHERE pl.site_id = ${siteId} AND pl.po_id = ${p.poId} AND pl.line_no = ${p.poLineNo}
    FOR UPDATE OF pl FOR SHARE OF po`.execute(trx);
  return rows[0];
}

/** The over-receipt refusal, named the same way by the one-op and the batched path. */
export function overReceipt(p: ReceiptLinePayload, received: number, allowed: number, ordered: number): Rejection {
  return new Rejection(
    'over_receipt',
    `line ${p.poLineNo} of "${p.poId}": ${received} received + ${p.qty} would pass the ${allowed} allowed (ordered ${ordered})`,
  );
}

export const duplicateSerial = (p: ReceiptLinePayload): Rejection =>
  new Rejection('duplicate_serial', `serial "${p.serial}" of item "${p.itemId}" was already received`);

/** Whether a received unit goes straight to hold: flagged by the station, quarantined, or covered by an active hold. */
export const receivedHeld = (
  p: Pick<ReceiptLinePayload, 'onHold' | 'condition' | 'itemId' | 'lot'>,
  holds: readonly HoldScope[],
): boolean => p.onHold || p.condition === 'quarantine' || holds.some((h) => holdCovers(h, { itemId: p.itemId, lot: p.lot }));

/** The ledger entry of one received line: onto the receiving dock, held or not. */
export const receiptLedgerEntry = (
  source: Parameters<typeof ledgerBase>[0],
  p: Pick<ReceiptLinePayload, 'receiptId' | 'itemId' | 'lot' | 'serial' | 'lpn' | 'qty'>,
  held: boolean,
): LedgerEntry => ({
  ...ledgerBase(source, p.receiptId),
  kind: 'receipt',
  itemId: p.itemId,
  lot: p.lot,
  serial: p.serial,
  location: RECEIVING_DOCK,
  lpn: p.lpn,
  qty: p.qty,
  held,
});

/** The receipt_lines row of one receipt.line op. */
export function receiptLineRow(
  op: { opId: string; operatorId: string; at: string; payload: ReceiptLinePayload },
  siteId: string,
  stationId: string,
  held: boolean,
): Insertable<ReceiptLinesTable> {
  const p = op.payload;
  return {
    op_id: op.opId,
    site_id: siteId,
    receipt_id: p.receiptId,
    po_id: p.poId,
    asn_id: p.asnId,
    po_line_no: p.poLineNo,
    item_id: p.itemId,
    qty: p.qty,
    lot: p.lot,
    expiry: p.expiry,
    serial: p.serial,
    condition: p.condition,
    reason: p.reason,
    lpn: p.lpn,
    held,
    station_id: stationId,
    operator_id: op.operatorId,
    at: op.at,
  };
}

export const receiptLine: OpHandler<'receipt.line'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const lineNo = p.poLineNo;
  const facts = lineNo === null ? undefined : await receiptLineFacts(trx, siteId, p);
  let held: boolean;
  if (lineNo !== null && facts && facts.po_status === 'open' && facts.item_exists && facts.line_item === p.itemId) {
    // The common case, judged from the one query above.
    const allowed = allowedQty(facts.qty_ordered, facts.item_pct, facts.po_pct, facts.site_pct ?? 0);
    if (facts.qty_received + p.qty > allowed) {
      throw overReceipt(p, facts.qty_received, allowed, facts.qty_ordered);
    }
    await trx
      .updateTable('po_lines')
      .set({ qty_received: facts.qty_received + p.qty })
      .where('site_id', '=', siteId)
      .where('po_id', '=', p.poId)
      .where('line_no', '=', lineNo)
      .execute();
    held = receivedHeld(p, HoldScopes.parse(facts.holds));
  } else {
    // Unexpected items, and every refusal, take the step-by-step path that names what is wrong.
    await requireOpenPo(trx, siteId, p.poId);
    await requireItem(trx, siteId, p.itemId);
    if (p.poLineNo !== null) {
      if (!facts) throw new Rejection('invalid_op', `purchase order "${p.poId}" has no line ${p.poLineNo}`);
      throw new Rejection('invalid_op', `line ${p.poLineNo} of "${p.poId}" is for item "${facts.line_item}", not "${p.itemId}"`);
    }
    const holds = await activeHolds(trx, siteId);
    held = receivedHeld(p, holds);
  }

  if (p.serial !== null) {
    const fresh = await trx
      .insertInto('received_serials')
      .values({ site_id: siteId, item_id: p.itemId, serial: p.serial, op_id: op.opId })
      .onConflict((oc) => oc.columns(['site_id', 'item_id', 'serial']).doNothing())
      .returning('serial')
      .executeTakeFirst();
    if (!fresh) throw duplicateSerial(p);
  }

  await trx
    .insertInto('receipt_lines')
    .values(receiptLineRow(op, siteId, ctx.stationId, held))
    .execute();
  await appendLedger(trx, siteId, [receiptLedgerEntry(ctx, p, held)]);
};

export const receiptUndo: OpHandler<'receipt.undo'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const line = await trx
    .selectFrom('receipt_lines')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('station_id', '=', ctx.stationId)
    .where('op_id', '=', p.undoesOpId)
    .forUpdate()
    .executeTakeFirst();
  if (!line) throw new Rejection('unknown_op', `this station has no applied receipt line with op id ${p.undoesOpId} to undo`);
  if (line.receipt_id !== p.receiptId)
    throw new Rejection('invalid_op', `op ${p.undoesOpId} belongs to receipt "${line.receipt_id}", not "${p.receiptId}"`);
  if (line.undone_by) throw new Rejection('invalid_op', `receipt line ${p.undoesOpId} was already undone by op ${line.undone_by}`);
  if (line.po_id === null) throw new Rejection('invalid_op', `receipt line ${p.undoesOpId} is of an unplanned receipt, closed already`);
  await requireOpenPo(trx, siteId, line.po_id);
  if (line.po_line_no !== null) {
    const poLine = await trx
      .selectFrom('po_lines')
      .select('qty_received')
      .where('site_id', '=', siteId)
      .where('po_id', '=', line.po_id)
      .where('line_no', '=', line.po_line_no)
      .forUpdate()
      .executeTakeFirst();
    if (poLine) {
      await trx
        .updateTable('po_lines')
        .set({ qty_received: Math.max(0, poLine.qty_received - line.qty) })
        .where('site_id', '=', siteId)
        .where('po_id', '=', line.po_id)
        .where('line_no', '=', line.po_line_no)
        .execute();
    }
  }
  if (line.serial !== null) {
    await trx
      .deleteFrom('received_serials')
      .where('site_id', '=', siteId)
      .where('item_id', '=', line.item_id)
      .where('serial', '=', line.serial)
      .execute();
  }
  await trx
    .updateTable('receipt_lines')
    .set({ undone_by: op.opId })
    .where('station_id', '=', line.station_id)
    .where('op_id', '=', line.op_id)
    .execute();
  await appendLedger(trx, siteId, [
    {
      ...ledgerBase(ctx, p.receiptId),
      kind: 'receipt',
      itemId: line.item_id,
      lot: line.lot,
      serial: line.serial,
      location: RECEIVING_DOCK,
      lpn: line.lpn,
      qty: -line.qty,
      held: line.held,
    },
  ]);
};

export const receiptClose: OpHandler<'receipt.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const po = await trx
    .selectFrom('purchase_orders')
    .select('status')
    .where('site_id', '=', siteId)
    .where('id', '=', p.poId)
    .forUpdate()
    .executeTakeFirst();
  if (!po) throw new Rejection('unknown_po', `purchase order "${p.poId}" is not known to the server`);
  if (po.status !== 'open') throw new Rejection('po_closed', `purchase order "${p.poId}" is already ${po.status}`);
  if (p.approvedBy !== null) await requireApprover(ctx, p.approvedBy);
  await insertClosedReceipt(trx, {
    site_id: siteId,
    id: p.receiptId,
    po_id: p.poId,
    closed_at: op.at,
    closed_by: op.operatorId,
    approved_by: p.approvedBy,
    summary: JSON.stringify(p.lines),
    op_id: op.opId,
  });
  await setPoStatus(trx, siteId, p.poId, 'closed');
};

/** A receipt's row as the station closed it; a receipt closes once, a second close of it is refused. */
export async function insertClosedReceipt(trx: Kysely<ServerDatabase>, receipt: Insertable<ReceiptsTable>): Promise<void> {
  const inserted = await trx
    .insertInto('receipts')
    .values(receipt)
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `receipt "${receipt.id}" was already closed`);
}

/** Where an LPN's stock of an item (and lot) is now: the newest place with stock, else the receiving dock. */
async function whereLpnStockIs(trx: Kysely<ServerDatabase>, siteId: string, lpn: string, line: StockLine) {
  let query = trx
    .selectFrom('inventory_ledger')
    .select(['location', 'held'])
    .where('site_id', '=', siteId)
    .where('lpn', '=', lpn)
    .where('item_id', '=', line.itemId)
    .groupBy(['location', 'held'])
    .having((eb) => eb.fn.sum('qty'), '>', 0)
    .orderBy((eb) => eb.fn.max('id'), 'desc')
    .limit(1);
  query = line.lot === null ? query.where('lot', 'is', null) : query.where('lot', '=', line.lot);
  return (await query.executeTakeFirst()) ?? { location: RECEIVING_DOCK, held: false };
}

/** Units moved off one license plate onto another where they stand (same place, same hold status): two ledger entries each. */
export const lpnSplit: OpHandler<'lpn.split'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  if (p.fromLpn === p.toLpn) throw new Rejection('invalid_op', `license plate "${p.fromLpn}" cannot be split onto itself`);
  const entries = [];
  for (const line of p.items) {
    await requireItem(trx, siteId, line.itemId);
    const from = await whereLpnStockIs(trx, siteId, p.fromLpn, line);
    entries.push(
      ...move(
        { ...ledgerBase(ctx, p.toLpn), kind: 'adjust', itemId: line.itemId, lot: line.lot, serial: line.serial },
        line.qty,
        { location: from.location, lpn: p.fromLpn, held: from.held },
        { location: from.location, lpn: p.toLpn, held: from.held },
      ),
    );
  }
  await appendLedger(trx, siteId, entries);
};

/** A putaway taken back at the station: the plate's units go from where they were put back to the receiving dock. */
export const lpnPutawayUndo: OpHandler<'lpn.putaway.undo'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const entries = [];
  for (const line of p.items) {
    await requireItem(trx, siteId, line.itemId);
    const at = await whereLpnStockIs(trx, siteId, p.lpn, line);
    if (at.location !== p.location)
      throw new Rejection('invalid_op', `item "${line.itemId}" of license plate "${p.lpn}" is at ${at.location}, not at ${p.location}`);
    entries.push(
      ...move(
        { ...ledgerBase(ctx, p.lpn), kind: 'putaway', itemId: line.itemId, lot: line.lot, serial: line.serial },
        line.qty,
        { location: p.location, lpn: p.lpn, held: at.held },
        { location: RECEIVING_DOCK, lpn: p.lpn, held: at.held },
      ),
    );
  }
  await appendLedger(trx, siteId, entries);
};

export const lpnPutaway: OpHandler<'lpn.putaway'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const location = await trx
    .selectFrom('locations')
    .select(['code', 'status'])
    .where('site_id', '=', siteId)
    .where('code', '=', p.location)
    .executeTakeFirst();
  if (!location) throw new Rejection('invalid_op', `location "${p.location}" is not in this site's master data`);
  if (location.status === 'blocked') throw new Rejection('invalid_op', `location "${p.location}" is blocked`);
  const entries = [];
  for (const line of p.items) {
    await requireItem(trx, siteId, line.itemId);
    const from = await whereLpnStockIs(trx, siteId, p.lpn, line);
    entries.push(
      ...move(
        { ...ledgerBase(ctx, p.lpn), kind: 'putaway', itemId: line.itemId, lot: line.lot, serial: line.serial },
        line.qty,
        { location: from.location, lpn: p.lpn, held: from.held },
        { location: p.location, lpn: p.lpn, held: from.held || location.status === 'hold' },
      ),
    );
  }
  await appendLedger(trx, siteId, entries);
};
