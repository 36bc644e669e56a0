import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import type { StationContext } from '../context';
import { notFound, ruleError, StationError } from '../kernel/errors';
import type { CarrierRegistry } from './carriers/carrier';
import type { OrderRecord, PackingRepo, PackOrderRow } from './repo';

/** A serial-tracked unit that was verified and waits for its serial scan before it counts. */
export interface AwaitingSerial {
  orderId: string;
  lineNo: number;
  itemId: string;
  description: string;
  lot: string | null;
  expiry: string | null;
}

/** What the pack bench keeps between scans (in memory: it is the packer's hands, not the record). */
export interface BenchMemory {
  awaitingSerial: AwaitingSerial | null;
  lastScanned: { orderId: string; lineNo: number } | null;
}

export interface ActiveOrder {
  pack: PackOrderRow;
  order: OrderRecord;
}

/** The pack bench's parts, shared by its command and scan handlers. */
export interface Bench {
  ctx: StationContext;
  repo: PackingRepo;
  memory: BenchMemory;
  carriers: () => CarrierRegistry;
  now(): string;
  /** The station's calendar day (local time), for expiry and manifests. */
  today(): string;
  changed(reason?: string): void;
  /**
   * The order on the bench, refused (with a stop alert the first time) when it was cancelled meanwhile. `pack`: the
   * active pack order as the caller has just read it.
   */
  requireActive(pack?: PackOrderRow): ActiveOrder;
  /** The order on the bench, whatever its status, or null. */
  active(): ActiveOrder | null;
  /** Checks the order on the bench for a cancellation that came in by sync; raises the stop alert once. */
  noticeCancellation(): boolean;
  forget(): void;
}

export const PACKING_ROLES = ['packer', 'supervisor', 'admin'] as const;

export function mayPack(operator: Operator): boolean {
  return operator.roles.some((r) => (PACKING_ROLES as readonly string[]).includes(r));
}

export const localDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function cancelledMessage(order: OrderRecord): Message {
  return message('packing.orderCancelled', { document: order.number });
}

export function createBench(ctx: StationContext, repo: PackingRepo, carriers: () => CarrierRegistry): Bench {
  const memory: BenchMemory = { awaitingSerial: null, lastScanned: null };

  const active = (): ActiveOrder | null => {
    const pack = repo.activePackOrder();
    if (!pack) return null;
    const order = repo.order(pack.order_id);
    if (!order) return null;
    return { pack, order };
  };

  const bench: Bench = {
    ctx,
    repo,
    memory,
    carriers,
    now: () => ctx.clock.now().toISOString(),
    today: () => localDate(ctx.clock.now()),
    changed(reason) {
      ctx.bus.emit('workflow.changed', reason ? { workflow: 'packing', reason } : { workflow: 'packing' });
    },
    active,
    noticeCancellation() {
      const pack = repo.activePackOrder();
      if (!pack) return false;
      const order = repo.order(pack.order_id);
      const cancelled = !order || order.status === 'cancelled';
      if (!cancelled) return false;
      if (!pack.cancel_seen_at) {
        const at = bench.now();
        ctx.transaction(() => {
          repo.markCancelSeen(pack.order_id, at);
          ctx.journal.append('packing.order.cancelled', { orderId: pack.order_id }, null, at);
        });
        memory.awaitingSerial = null;
        const said = order ? cancelledMessage(order) : message('packing.orderWithdrawn', { document: pack.order_id });
        ctx.bus.emit('alert', { level: 'stop', message: said, workflow: 'packing' });
        bench.changed('order.cancelled');
      }
      return true;
    },
    requireActive(known) {
      const pack = known ?? repo.activePackOrder();
      if (!pack) throw ruleError('packing.noOrderOpen');
      const current = repo.order(pack.order_id);
      // The order is there and not cancelled: there is no cancellation to notice (the order is read once per scan).
      if (current && current.status !== 'cancelled') return { pack, order: current };
      if (bench.noticeCancellation()) {
        const order = repo.order(pack.order_id);
        throw new StationError(
          'conflict',
          order ? cancelledMessage(order) : message('packing.orderWithdrawn', { document: pack.order_id }),
        );
      }
      const order = repo.order(pack.order_id);
      if (!order) throw notFound('errors.notFound', { document: pack.order_id });
      return { pack, order };
    },
    forget() {
      memory.awaitingSerial = null;
      memory.lastScanned = null;
    },
  };
  return bench;
}
