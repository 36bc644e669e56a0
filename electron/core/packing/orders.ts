import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import type { Bench } from './bench';
import type { OrderRecord } from './repo';

/** Why an order may not be packed (now), or null. */
export function refusalOf(bench: Bench, order: OrderRecord): Message | null {
  const pack = bench.repo.packOrder(order.id);
  const document = order.number;
  switch (order.status) {
    case 'packed':
      return message('packing.orderPacked', { document });
    case 'shipped':
      return message('packing.orderShipped', { document });
    case 'cancelled':
      return message('packing.orderCancelledDoNotPack', { document });
    case 'problem':
      return message('packing.orderOnProblemShelf', { document });
    default:
      break;
  }
  if (pack?.state === 'shipped') return message('packing.orderShippedHere', { document });
  return null;
}

/** Resolves an order number, tote or pick-list code to exactly one order. */
export function resolveOrder(bench: Bench, code: string): OrderRecord {
  const found = bench.repo.findOrders(code.trim());
  const [first] = found;
  if (!first) throw notFound('errors.notFound', { document: code.trim().slice(0, 64) });
  if (found.length > 1)
    throw ruleError('packing.toteHoldsOrders', { tote: code.trim(), count: found.length, orders: found.map((o) => o.number).join(', ') });
  return first;
}

/** Puts the order on the bench. Another order can be put down only while its open carton is empty. */
export function openOrder(bench: Bench, operator: Operator, order: OrderRecord): { message: Message; already: boolean } {
  const { repo, ctx } = bench;
  const refusal = refusalOf(bench, order);
  if (refusal) throw new StationError('conflict', refusal);
  const current = repo.activePackOrder();
  if (current?.order_id === order.id) return { message: message('packing.orderAlreadyOpen', { document: order.number }), already: true };
  let put: { orderId: string; cartonId: string | null } | null = null;
  if (current) {
    const open = repo.openCarton(current.order_id);
    if (open && repo.units(open.id).length > 0) {
      const number = repo.order(current.order_id)?.number ?? current.order_id;
      throw conflict('packing.orderHasOpenCarton', { document: number, next: order.number });
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
  // Fragile and gift are the ERP's flags, shown as the packers know them from the tote label.
  const notes = [order.fragile ? 'FRAGILE' : '', order.gift ? 'GIFT' : '', order.notes].filter(Boolean).join(' · ');
  return {
    message: message('packing.orderOpened', {
      document: order.number,
      shipTo: order.shipTo.name,
      carrier: `${order.carrier} ${order.service}`,
      notes: notes ? ` — ${notes}` : '',
    }),
    already: false,
  };
}

/** Puts the order down. Units in its open carton go back to the tote; closed cartons stay closed. */
export function leaveOrder(bench: Bench, operator: Operator): void {
  const { repo, ctx } = bench;
  const pack = repo.activePackOrder();
  if (!pack) throw ruleError('packing.noOrderOpen');
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
