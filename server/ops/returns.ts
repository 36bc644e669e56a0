import type { Hold } from '../../shared/domain/master-data';
import type { Rma } from '../../shared/domain/returns';
import { holdCovers } from '../../shared/rules/holds';
import { dispositionAllowed, dispositionHolds, lotExpired } from '../../shared/rules/returns';
import { writeChanges } from '../data/changes';
import { appendLedger, type LedgerEntry } from '../data/ledger';
import { shipmentOfOrder } from '../data/returns';
import { requireApprover } from './approvals';
import { requireItem } from './lookups';
import { ledgerBase, type OpHandler, Rejection } from './rejection';

/**
 * A return closed at a station: every unit back into stock at its disposition's location (held unless restocked, and
 * held whenever a hold covers it or its lot expired), the return and its units kept for the ERP, the RMA received.
 * A serial the order never shipped from this site, a disposition the site's rules rule out, or a unit the RMA does not
 * list without a supervisor's approval refuses the op.
 */
export const returnClose: OpHandler<'return.close'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const row = await trx
    .selectFrom('rmas')
    .select(['doc', 'status', 'order_id'])
    .where('site_id', '=', siteId)
    .where('id', '=', p.rmaId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new Rejection('unknown_rma', `RMA "${p.rmaId}" is not known to the server`);
  const rma = row.doc as Rma;
  const shipment = await shipmentOfOrder(trx, siteId, row.order_id);
  const shippedSerials = new Set([...rma.shipped, ...shipment.units].flatMap((s) => (s.serial ? [`${s.itemId}\u0000${s.serial}`] : [])));
  const holds = (await trx.selectFrom('holds').select('doc').where('site_id', '=', siteId).where('active', '=', true).execute()).map(
    (h) => h.doc as Hold,
  );
  const today = op.at.slice(0, 10);
  const entries: LedgerEntry[] = [];
  const units = [];
  for (const approver of new Set(p.units.flatMap((unit) => (unit.approvedBy === null ? [] : [unit.approvedBy]))))
    await requireApprover(ctx, approver);
  // Whether a unit is on the RMA is the server's own judgment: one it does not list needs a supervisor's approval.
  const listed = new Set(rma.lines.map((line) => line.itemId));
  for (const unit of p.units) {
    await requireItem(trx, siteId, unit.itemId);
    const onRma = listed.has(unit.itemId);
    if (!onRma && unit.approvedBy === null)
      throw new Rejection('approver_not_supervisor', `a unit of "${unit.itemId}" is not on RMA "${p.rmaId}" and no supervisor approved it`);
    if (unit.serial && !shippedSerials.has(`${unit.itemId}\u0000${unit.serial}`))
      throw new Rejection(
        'serial_not_shipped',
        `serial "${unit.serial}" of item "${unit.itemId}" was not shipped on order "${row.order_id}"`,
      );
    const covering = holds.filter((h) => holdCovers(h, { itemId: unit.itemId, lot: unit.lot }));
    const recalled = covering.some((h) => h.recall === true);
    // The rules of the unit's condition and of recalls are judged again; a hold or an expiry the station did not know of
    // holds the stock where it lands instead of refusing the whole return.
    if (!dispositionAllowed({ condition: unit.condition, expired: false, held: false, recalled }, unit.disposition))
      throw new Rejection(
        'disposition_refused',
        `a ${unit.condition} unit of "${unit.itemId}"${recalled ? ' (recalled)' : ''} may not go to ${unit.disposition}`,
      );
    const held = unit.held || dispositionHolds(unit.disposition) || lotExpired(unit.expiry, today) || covering.length > 0;
    entries.push({
      ...ledgerBase(ctx, p.returnId),
      kind: 'return',
      itemId: unit.itemId,
      lot: unit.lot,
      serial: unit.serial,
      location: unit.location,
      lpn: null,
      qty: unit.qty,
      held,
    });
    units.push({
      site_id: siteId,
      return_id: p.returnId,
      unit_id: unit.unitId,
      item_id: unit.itemId,
      lot: unit.lot,
      serial: unit.serial,
      qty: unit.qty,
      condition: unit.condition,
      disposition: unit.disposition,
      location: unit.location,
      held,
      on_rma: onRma,
      approved_by: unit.approvedBy,
    });
  }
  const inserted = await trx
    .insertInto('returns')
    .values({
      site_id: siteId,
      id: p.returnId,
      rma_id: p.rmaId,
      order_id: row.order_id,
      station_id: ctx.stationId,
      operator_id: op.operatorId,
      closed_at: op.at,
      op_id: op.opId,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `return "${p.returnId}" was already closed by another op`);
  await trx.insertInto('return_units').values(units).execute();
  await appendLedger(trx, siteId, entries);
  if (row.status !== 'received') {
    const received: Rma = { ...rma, status: 'received' };
    await trx
      .updateTable('rmas')
      .set({ status: 'received', doc: JSON.stringify(received) })
      .where('site_id', '=', siteId)
      .where('id', '=', p.rmaId)
      .execute();
    await writeChanges(trx, siteId, [{ entity: 'rma', id: p.rmaId, op: 'upsert', record: received }]);
  }
};
