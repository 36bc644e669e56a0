import type { Operator } from '../../../shared/domain/master-data';
import { conflict, notFound, ruleError } from '../kernel/errors';
import type { Bench } from './bench';
import { holdCovering, verifyQuantityKey } from './rules';
import { countUnits, progressOf } from './units';

/** A typed quantity for a multi-unit line: the verifying scan came first and gave the lot; the rest is counted by key. */
export function typedQuantity(bench: Bench, operator: Operator, lineNo: number, qty: number): { message: string } {
  const { repo, ctx, memory } = bench;
  const { order } = bench.requireActive();
  const line = progressOf(bench, order.id).lines.find((l) => l.lineNo === lineNo);
  if (!line) throw notFound(`Order ${order.number} has no line ${lineNo}.`);
  const lastScannedLineNo = memory.lastScanned?.orderId === order.id ? memory.lastScanned.lineNo : null;
  const decision = verifyQuantityKey(line, qty, {
    allowed: ctx.site().allowQuantityKeys,
    lastScannedLineNo,
    serialTracked: line.serialTracked,
    description: line.description,
  });
  if (!decision.ok) throw ruleError(decision.message);
  const open = repo.openCarton(order.id);
  const verifying = open ? repo.lastUnitOfLine(open.id, lineNo) : undefined;
  if (!open || !verifying) throw ruleError(`Scan one ${line.description} first; then type how many more.`);
  if (open.label_state === 'printed') throw conflict(`Carton ${open.seq} is labelled already: close it first.`);
  const hold = holdCovering(repo.holdsFor(line.itemId), line.itemId, verifying.lot);
  if (hold) throw conflict(`Quality hold: ${line.description}${verifying.lot ? ` lot ${verifying.lot}` : ''} is on hold (${hold.reason}).`);
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
  return { message: `+${qty} ${line.description}: ${line.packed + qty} of ${line.qty}.` };
}
