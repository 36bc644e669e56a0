import { uuidv7 } from 'uuidv7';
import type { Operator } from '../../../shared/domain/master-data';
import { conflict, ruleError } from '../kernel/errors';
import type { Bench } from './bench';
import { type PackItem, recommendCarton } from './carton-rules';
import type { CartonRow, OrderRecord } from './repo';
import { type LineProgress, remainingOf } from './rules';

/** SSCC extension digit of cartons made at a pack bench. */
export const CARTON_SSCC_EXTENSION = 0;

export interface Progress {
  lines: (LineProgress & PackItem & { sku: string; description: string; lotTracked: boolean; serialTracked: boolean })[];
  remaining: number;
}

export function progressOf(bench: Bench, orderId: string): Progress {
  const packed = bench.repo.packedByLine(orderId);
  const lines = bench.repo.orderLines(orderId).map((l) => ({ ...l, packed: packed.get(l.lineNo) ?? 0 }));
  return { lines, remaining: lines.reduce((s, l) => s + remainingOf(l), 0) };
}

/** What still has to go into cartons: the open carton's content plus every unit not packed yet. */
export function goodsToPlace(bench: Bench, orderId: string, progress: Progress = progressOf(bench, orderId)): PackItem[] {
  const open = bench.repo.openCarton(orderId);
  const inOpen = new Map<number, number>();
  if (open) for (const u of bench.repo.units(open.id)) inOpen.set(u.line_no, (inOpen.get(u.line_no) ?? 0) + u.qty);
  return progress.lines.map((l) => ({ ...l, qty: remainingOf(l) + (inOpen.get(l.lineNo) ?? 0) }));
}

/** The order's open carton, opened now (with an SSCC, of the chosen or recommended type) when there is none. */
export function ensureOpenCarton(bench: Bench, operator: Operator, order: OrderRecord): CartonRow {
  const { repo, ctx } = bench;
  const existing = repo.openCarton(order.id);
  if (existing) return existing;
  const pack = repo.packOrder(order.id);
  const types = repo.cartonTypes();
  if (types.length === 0) throw ruleError('packing.noCartonTypes');
  const chosen = pack?.next_carton_type ? types.find((t) => t.code === pack.next_carton_type) : undefined;
  const recommended = recommendCarton(goodsToPlace(bench, order.id), types).carton;
  const type = chosen ?? recommended ?? types.at(-1);
  if (!type) throw ruleError('packing.noCartonFits');
  const id = uuidv7();
  const at = bench.now();
  return ctx.transaction(() => {
    const sscc = repo.nextSscc(ctx.site().gs1CompanyPrefix, CARTON_SSCC_EXTENSION);
    const seq = repo.nextCartonSeq(order.id);
    ctx.record(
      operator,
      { kind: 'packing.carton.opened', payload: { orderId: order.id, cartonId: id, seq, sscc, cartonType: type.code } },
      () => {
        repo.insertCarton({
          id,
          orderId: order.id,
          seq,
          sscc,
          cartonType: type.code,
          tareG: type.tareG,
          carrier: order.carrier,
          service: order.service,
          by: operator.id,
          at,
        });
        repo.setNextCartonType(order.id, null);
      },
    );
    const carton = repo.carton(id);
    if (!carton) throw new Error('carton not written');
    return carton;
  });
}

export interface UnitToCount {
  order: OrderRecord;
  lineNo: number;
  itemId: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  via: 'scan' | 'case' | 'quantity';
}

/** Counts verified units into the open carton (opening one if needed). A carton that already has its label takes no more. */
export function countUnits(bench: Bench, operator: Operator, u: UnitToCount): { cartonId: string; unitId: number } {
  const { repo, ctx } = bench;
  const current = repo.openCarton(u.order.id);
  if (current?.label_state === 'printed') {
    throw conflict('packing.cartonLabelledClose', { carton: current.seq });
  }
  const carton = current ?? ensureOpenCarton(bench, operator, u.order);
  const at = bench.now();
  const payload = {
    orderId: u.order.id,
    cartonId: carton.id,
    lineNo: u.lineNo,
    itemId: u.itemId,
    qty: u.qty,
    lot: u.lot,
    expiry: u.expiry,
    serial: u.serial,
    via: u.via,
  };
  const record = () =>
    ctx.record(operator, { kind: 'packing.unit', payload }, () => {
      const id = repo.insertUnit({
        carton_id: carton.id,
        order_id: u.order.id,
        line_no: u.lineNo,
        item_id: u.itemId,
        qty: u.qty,
        lot: u.lot,
        expiry: u.expiry,
        serial: u.serial,
        via: u.via,
        operator_id: operator.id,
        at,
      });
      repo.clearWeighing(carton.id);
      return id;
    });
  const { value: unitId } = repo.keepTally(record, { orderId: u.order.id, lineNo: u.lineNo, qty: u.qty });
  bench.memory.lastScanned = { orderId: u.order.id, lineNo: u.lineNo };
  return { cartonId: carton.id, unitId };
}
