import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import type { Bench } from './bench';
import { holdCovering, verifyQuantityKey } from './rules';
import { countUnits, progressOf } from './units';

/** A typed quantity for a multi-unit line: the verifying scan came first and gave the lot; the rest is counted by key. */
export function typedQuantity(bench: Bench, operator: Operator, lineNo: number, qty: number): { message: Message } {
  const { repo, ctx, memory } = bench;
  const { order } = bench.requireActive();
  const line = progressOf(bench, order.id).lines.find((l) => l.lineNo === lineNo);
  if (!line) throw notFound('packing.noLine', { document: order.number, lineNo });
  const lastScannedLineNo = memory.lastScanned?.orderId === order.id ? memory.lastScanned.lineNo : null;
  const decision = verifyQuantityKey(line, qty, {
    allowed: ctx.site().allowQuantityKeys,
    lastScannedLineNo,
    serialTracked: line.serialTracked,
    description: line.description,
  });
  if (!decision.ok) throw new StationError('rule', decision.message);
  const open = repo.openCarton(order.id);
  const verifying = open ? repo.lastUnitOfLine(open.id, lineNo) : undefined;
  if (!open || !verifying) throw ruleError('packing.scanOneFirst', { item: line.description });
  if (open.label_state === 'printed') throw conflict('packing.cartonLabelledClose', { carton: open.seq });
  const hold = holdCovering(repo.holdsFor(line.itemId), line.itemId, verifying.lot);
  if (hold)
    throw conflict(verifying.lot ? 'packing.lotOnHold' : 'packing.onHold', {
      item: line.description,
      lot: verifying.lot ?? '',
      why: hold.reason,
    });
  countUnits(bench, operator, {
    order,
    lineNo,
    itemId: line.itemId,
    qty,
    lot: verifying.lot,
    expiry: verifying.expiry,
    serial: null,
    via: 'quantity',
  });
  bench.changed('unit.packed');
  return { message: message('packing.typedQuantity', { qty, item: line.description, packed: line.packed + qty, ordered: line.qty }) };
}
