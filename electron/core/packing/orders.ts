import type { Operator } from '../../../shared/domain/master-data';
import { conflict, notFound, ruleError } from '../kernel/errors';
import type { Bench } from './bench';
import type { OrderRecord } from './repo';

/** Why an order may not be packed (now), or null. */
export function refusalOf(bench: Bench, order: OrderRecord): string | null {
  const pack = bench.repo.packOrder(order.id);
  switch (order.status) {
    case 'packed':
      return `Order ${order.number} is packed already: do not pack it again.`;
    case 'shipped':
      return `Order ${order.number} has shipped already: do not pack it again.`;
    case 'cancelled':
      return `Order ${order.number} was cancelled: do not pack it. Put the tote on the problem shelf.`;
    case 'problem':
      return `Order ${order.number} is on the problem shelf${pack?.problem_reason ? ` (${pack.problem_reason})` : ''}: it can be packed once it is cleared.`;
    default:
      break;
  }
  if (pack?.state === 'shipped') return `Order ${order.number} was packed and shipped from this bench already.`;
  return null;
}

/** Resolves an order number, tote or pick-list code to exactly one order. */
export function resolveOrder(bench: Bench, code: string): OrderRecord {
  const found = bench.repo.findOrders(code.trim());
  const [first] = found;
  if (!first) throw notFound(`No order, tote or pick list "${code.trim()}" is known here.`);
  if (found.length > 1)
    throw ruleError(`Tote ${code.trim()} holds ${found.length} orders (${found.map((o) => o.number).join(', ')}): scan the order number.`);
  return first;
}

/** Puts the order on the bench. Another order can be put down only while its open carton is empty. */
export function openOrder(bench: Bench, operator: Operator, order: OrderRecord): { message: string; already: boolean } {
  const { repo, ctx } = bench;
  const refusal = refusalOf(bench, order);
  if (refusal) throw conflict(refusal);
  const current = repo.activePackOrder();
  if (current?.order_id === order.id) return { message: `Order ${order.number} is open.`, already: true };
  let put: { orderId: string; cartonId: string | null } | null = null;
  if (current) {
    const open = repo.openCarton(current.order_id);
    if (open && repo.units(open.id).length > 0) {
      const number = repo.order(current.order_id)?.number ?? current.order_id;
      throw conflict(`Order ${number} has units in an open carton: close that carton or leave the order before opening ${order.number}.`);
    }
    put = { orderId: current.order_id, cartonId: open?.id ?? null };
  }
  ctx.record(
    operator,
    { kind: 'packing.order.opened', payload: { orderId: order.id, via: 'scan-or-code', putDown: put?.orderId ?? null } },
    () => {
      if (put) {
        if (put.cartonId) repo.discardCarton(put.cartonId);
        const prev = repo.order(put.orderId);
        repo.setPackOrderState(put.orderId, prev?.status === 'cancelled' ? 'cancelled' : 'parked', null, null);
      }
      repo.activate(order.id, operator.id, bench.now());
      if (order.status === 'open') repo.setOrderStatus(order.id, 'packing');
    },
  );
  bench.forget();
  bench.changed('order.opened');
  const notes = [order.fragile ? 'FRAGILE' : '', order.gift ? 'GIFT' : '', order.notes].filter(Boolean).join(' · ');
  return {
    message: `Order ${order.number} for ${order.shipTo.name}, ${order.carrier} ${order.service}${notes ? ` — ${notes}` : ''}. Scan the items.`,
    already: false,
  };
}

/** Puts the order down. Units in its open carton go back to the tote; closed cartons stay closed. */
export function leaveOrder(bench: Bench, operator: Operator): void {
  const { repo, ctx } = bench;
  const pack = repo.activePackOrder();
  if (!pack) throw ruleError('No order is open.');
  const order = repo.order(pack.order_id);
  const open = repo.openCarton(pack.order_id);
  const units = open ? repo.units(open.id).reduce((s, u) => s + u.qty, 0) : 0;
  const cancelled = !order || order.status === 'cancelled';
  ctx.record(operator, { kind: 'packing.order.left', payload: { orderId: pack.order_id, unitsBackToTote: units, cancelled } }, () => {
    if (open) repo.discardCarton(open.id);
    repo.setPackOrderState(
      pack.order_id,
      cancelled ? 'cancelled' : 'parked',
      cancelled ? operator.id : null,
      cancelled ? bench.now() : null,
    );
  });
  bench.forget();
  bench.changed('order.left');
}
