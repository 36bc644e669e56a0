import { activeHolds } from '../data/holds';
import { appendLedger } from '../data/ledger';
import { requireApprover } from './approvals';
import { requireItem } from './lookups';
import { insertClosedReceipt, receiptLedgerEntry, receivedHeld } from './receiving';
import { type OpHandler, Rejection } from './rejection';

/**
 * A receipt without PO or ASN, closed at the station with a supervisor's badge: its receipt row, one unplanned
 * receipt line per station line (listed to the ERP), the serials it brought in, and its stock onto the receiving dock.
 */
export const receiptBlind: OpHandler<'receipt.blind'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  await requireApprover(ctx, p.approvedBy);
  await insertClosedReceipt(trx, {
    site_id: siteId,
    id: p.receiptId,
    po_id: null,
    unplanned: true,
    supplier_id: p.supplierId,
    supplier_name: p.supplierName,
    closed_at: op.at,
    closed_by: op.operatorId,
    approved_by: p.approvedBy,
    summary: JSON.stringify(p.lines),
    op_id: op.opId,
  });

  const holds = await activeHolds(trx, siteId);
  const ledger = [];
  for (const line of p.lines) {
    await requireItem(trx, siteId, line.itemId);
    const held = receivedHeld(line, holds);
    if (line.serial !== null) {
      const fresh = await trx
        .insertInto('received_serials')
        .values({ site_id: siteId, item_id: line.itemId, serial: line.serial, op_id: op.opId })
        .onConflict((oc) => oc.columns(['site_id', 'item_id', 'serial']).doNothing())
        .returning('serial')
        .executeTakeFirst();
      if (!fresh) throw new Rejection('duplicate_serial', `serial "${line.serial}" of item "${line.itemId}" was already received`);
    }
    await trx
      .insertInto('receipt_lines')
      .values({
        op_id: line.lineId,
        site_id: siteId,
        receipt_id: p.receiptId,
        po_id: null,
        asn_id: null,
        po_line_no: null,
        item_id: line.itemId,
        qty: line.qty,
        lot: line.lot,
        expiry: line.expiry,
        serial: line.serial,
        condition: line.condition,
        reason: line.reason,
        lpn: line.lpn,
        held,
        station_id: ctx.stationId,
        operator_id: op.operatorId,
        at: op.at,
        unplanned: true,
        supplier_id: p.supplierId,
      })
      .execute();
    ledger.push(receiptLedgerEntry(ctx, { ...line, receiptId: p.receiptId }, held));
  }
  await appendLedger(trx, siteId, ledger);
};
