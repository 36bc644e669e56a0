import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { notFound, ruleError } from '../kernel/errors';
import { syncOp } from '../storage/sync-op';
import type { Bench } from './bench';
import { remainingOf } from './rules';
import { progressOf } from './units';

/**
 * The order goes to the problem shelf: units of its open carton go back to the tote, closed cartons stay
 * (they were reported); sends `order.problem`.
 */
export function sendToProblemShelf(
  bench: Bench,
  operator: Operator,
  reason: string,
  detail: Record<string, unknown>,
): { message: Message } {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const open = repo.openCarton(order.id);
  const op = syncOp('order.problem', { orderId: order.id, reason: reason.slice(0, 200) });
  ctx.record(operator, { kind: 'packing.order.problem', payload: { orderId: order.id, reason, ...detail }, op }, () => {
    if (open) repo.discardCarton(open.id);
    repo.setPackOrderState(order.id, 'problem', operator.id, bench.now(), reason.slice(0, 200));
    repo.setOrderStatus(order.id, 'problem');
  });
  bench.forget();
  bench.changed('order.problem');
  return {
    message: message(open ? 'packing.problemShelfWithCarton' : 'packing.problemShelf', { document: order.number }),
  };
}

/** An item cannot be found: the order cannot be completed here. */
export function reportShort(bench: Bench, operator: Operator, lineNo: number, reason: string): { message: Message } {
  const { order } = bench.requireActive();
  const line = progressOf(bench, order.id).lines.find((l) => l.lineNo === lineNo);
  if (!line) throw notFound('packing.noLine', { document: order.number, lineNo });
  const missing = remainingOf(line);
  if (missing === 0) throw ruleError('packing.linePackedComplete', { lineNo, item: line.description });
  return sendToProblemShelf(bench, operator, `Short ${missing} x ${line.sku} (line ${lineNo}): ${reason}`, {
    lineNo,
    itemId: line.itemId,
    missing,
  });
}

/**
 * A damaged unit: taken out of the open carton when it was scanned (`unitId`), then either replaced by a good unit
 * (scanned as usual) or the order goes to the problem shelf.
 */
export function reportDamaged(
  bench: Bench,
  operator: Operator,
  input: { lineNo: number; unitId?: number | undefined; reason: string; action: 'replace' | 'problem' },
): { message: Message } {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const line = progressOf(bench, order.id).lines.find((l) => l.lineNo === input.lineNo);
  if (!line) throw notFound('packing.noLine', { document: order.number, lineNo: input.lineNo });
  let unit = null;
  if (input.unitId !== undefined) {
    const open = repo.openCarton(order.id);
    unit = repo.unit(input.unitId) ?? null;
    if (!unit || !open || unit.carton_id !== open.id || unit.line_no !== input.lineNo)
      throw notFound('packing.unitNotInCarton', { lineNo: input.lineNo });
    if (open.label_state === 'printed') throw ruleError('packing.labelledNoTakeOut');
  }
  const taken = unit;
  ctx.record(
    operator,
    {
      kind: 'packing.damaged',
      payload: {
        orderId: order.id,
        lineNo: input.lineNo,
        itemId: line.itemId,
        unitId: taken?.id ?? null,
        qty: 1,
        lot: taken?.lot ?? null,
        serial: taken?.serial ?? null,
        reason: input.reason,
        action: input.action,
      },
    },
    () => {
      if (taken) {
        repo.takeOneUnit(taken.id);
        repo.clearWeighing(taken.carton_id);
      }
    },
  );
  bench.memory.awaitingSerial = null;
  if (bench.memory.lastScanned?.lineNo === input.lineNo) bench.memory.lastScanned = null;
  if (input.action === 'problem')
    return sendToProblemShelf(bench, operator, `Damaged ${line.sku} (line ${input.lineNo}): ${input.reason}`, {
      lineNo: input.lineNo,
      itemId: line.itemId,
      damaged: true,
    });
  bench.changed('unit.damaged');
  return { message: message(taken ? 'packing.damagedTakenOut' : 'packing.damagedAside', { item: line.description }) };
}
