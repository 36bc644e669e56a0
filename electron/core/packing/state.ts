import type { PackCarton, PackState, PackStep, WeightCheck } from '../../../shared/domain/packing';
import { type Message, message } from '../../../shared/messages';
import { type Bench, cancelledMessage } from './bench';
import { recommendCarton } from './carton-rules';
import { expectedOf } from './cartons';
import type { CartonRow, OrderRecord, UnitRow } from './repo';
import { remainingOf } from './rules';
import { goodsToPlace, progressOf } from './units';

function weightOf(c: CartonRow): WeightCheck | null {
  if (!c.weight_status || c.weight_g === null || c.expected_g === null) return null;
  const diff = Math.round((c.weight_g - c.expected_g) * 100) / 100;
  const tol = c.tolerance_g ?? 0;
  const grams = { actualG: Math.round(c.weight_g), expectedG: Math.round(c.expected_g), toleranceG: Math.round(tol) };
  const said =
    c.weight_status === 'ok'
      ? message('packing.weightOk', { ...grams, diffG: Math.round(diff) })
      : c.weight_status === 'out'
        ? message(diff < 0 ? 'packing.weightLight' : 'packing.weightHeavy', { ...grams, diffG: Math.abs(Math.round(diff)) })
        : message('packing.weightOverridden', { ...grams, reason: c.override_reason ?? '' });
  return {
    status: c.weight_status,
    actualG: c.weight_g,
    expectedG: c.expected_g,
    diffG: diff,
    toleranceG: tol,
    message: said,
    overrideBy: c.override_by,
    overrideReason: c.override_reason,
  };
}

function cartonView(
  bench: Bench,
  order: OrderRecord,
  c: CartonRow,
  skus: Map<number, string>,
  descriptions: Map<string, string>,
): PackCarton {
  const units: UnitRow[] = bench.repo.units(c.id);
  return {
    id: c.id,
    seq: c.seq,
    sscc: c.sscc,
    cartonType: c.carton_type,
    cartonDescription: descriptions.get(c.carton_type) ?? c.carton_type,
    state: c.state === 'closed' ? 'closed' : 'open',
    units: units.map((u) => ({
      id: u.id,
      lineNo: u.line_no,
      itemId: u.item_id,
      sku: skus.get(u.line_no) ?? u.item_id,
      qty: u.qty,
      lot: u.lot,
      serial: u.serial,
      expiry: u.expiry,
    })),
    unitCount: units.reduce((s, u) => s + u.qty, 0),
    expectedG: Math.round(expectedOf(bench, order.id, c, units) * 100) / 100,
    weight: weightOf(c),
    label:
      c.tracking && c.label_state
        ? {
            tracking: c.tracking,
            state: c.label_state,
            adapter: c.label_adapter ?? 'house',
            fallback: c.label_fallback === 1,
            printState: printState(c.label_print_state),
            printError: c.label_print_error,
            prints: c.label_prints,
            jobId: c.label_job_id,
          }
        : null,
    closedAt: c.closed_at,
  };
}

const printState = (s: string | null): 'queued' | 'sent' | 'done' | 'failed' | 'uncertain' =>
  s === 'sent' || s === 'done' || s === 'failed' || s === 'uncertain' ? s : 'queued';

function stepOf(state: Omit<PackState, 'step' | 'notice' | 'handsFree' | 'confirm'>): PackStep {
  if (!state.order) return 'scan-order';
  if (state.stop) return 'stopped';
  if (state.awaitingSerial) return 'scan-serial';
  const open = state.cartons.find((c) => c.id === state.openCartonId);
  if (open && open.unitCount > 0) {
    if (!open.weight) return state.remainingUnits > 0 ? 'scan-items' : 'weigh';
    if (open.weight.status === 'out') return 'resolve-weight';
    if (open.label?.state !== 'printed') return 'print-label';
    return 'close-carton';
  }
  return state.remainingUnits > 0 ? 'scan-items' : 'close-shipment';
}

/** Everything the pack screen shows, read fresh from the station database. */
/** What the hands-free loop adds to the pack screen. */
export interface HandsFreeView {
  handsFree: boolean;
  confirm: { command: 'put-down' | 'cancel' } | null;
}

export function packState(
  bench: Bench,
  notice: Message | null = null,
  loop: HandsFreeView = { handsFree: false, confirm: null },
): PackState {
  const { repo, ctx, memory } = bench;
  bench.noticeCancellation();
  const types = repo.cartonTypes();
  const cartonTypes = types.map(({ code, description, innerLengthMm, innerWidthMm, innerHeightMm, tareG, maxWeightG }) => ({
    code,
    description,
    innerLengthMm,
    innerWidthMm,
    innerHeightMm,
    tareG,
    maxWeightG,
  }));
  const allowQuantityKeys = ctx.site().allowQuantityKeys;
  const active = bench.active();
  if (!active) {
    const state = {
      order: null,
      stop: null,
      lines: [],
      cartons: [],
      openCartonId: null,
      nextCartonType: null,
      recommendation: null,
      cartonTypes,
      awaitingSerial: null,
      lastScannedLineNo: null,
      allowQuantityKeys,
      remainingUnits: 0,
      canCloseCarton: false,
      canCloseShipment: false,
    };
    return { ...state, step: stepOf(state), notice, handsFree: loop.handsFree, confirm: null };
  }
  const { order, pack } = active;
  const progress = progressOf(bench, order.id);
  const skus = new Map(progress.lines.map((l) => [l.lineNo, l.sku]));
  const descriptions = new Map(types.map((t) => [t.code, t.description]));
  const cartons = repo.cartons(order.id).map((c) => cartonView(bench, order, c, skus, descriptions));
  const open = cartons.find((c) => c.state === 'open') ?? null;
  const rec =
    progress.remaining > 0 || (open && open.unitCount > 0) ? recommendCarton(goodsToPlace(bench, order.id, progress), types) : null;
  const stop = order.status === 'cancelled' ? { reason: 'order_cancelled', message: cancelledMessage(order) } : null;
  const closedCount = cartons.filter((c) => c.state === 'closed').length;
  const awaiting = memory.awaitingSerial?.orderId === order.id ? memory.awaitingSerial : null;
  const state: Omit<PackState, 'step' | 'notice' | 'handsFree' | 'confirm'> = {
    order: {
      id: order.id,
      number: order.number,
      tote: order.tote,
      shipTo: order.shipTo,
      carrier: order.carrier,
      service: order.service,
      notes: order.notes,
      gift: order.gift,
      fragile: order.fragile,
      status: order.status,
    },
    stop,
    lines: progress.lines.map((l) => ({
      lineNo: l.lineNo,
      itemId: l.itemId,
      sku: l.sku,
      description: l.description,
      qty: l.qty,
      packed: l.packed,
      remaining: remainingOf(l),
      lotTracked: l.lotTracked,
      serialTracked: l.serialTracked,
      unitWeightG: l.unitWeightG,
    })),
    cartons,
    openCartonId: open?.id ?? null,
    nextCartonType: pack.next_carton_type,
    recommendation: rec ? { code: rec.carton?.code ?? null, fitsAll: rec.fitsAll, reason: rec.reason } : null,
    cartonTypes,
    awaitingSerial: awaiting ? { lineNo: awaiting.lineNo, itemId: awaiting.itemId, description: awaiting.description } : null,
    lastScannedLineNo: memory.lastScanned?.orderId === order.id ? memory.lastScanned.lineNo : null,
    allowQuantityKeys,
    remainingUnits: progress.remaining,
    canCloseCarton:
      !stop &&
      !!open &&
      open.unitCount > 0 &&
      (open.weight?.status === 'ok' || open.weight?.status === 'overridden') &&
      open.label?.state === 'printed' &&
      open.label.printState !== 'failed',
    canCloseShipment: !stop && progress.remaining === 0 && (!open || open.unitCount === 0) && closedCount > 0,
  };
  return {
    ...state,
    step: stepOf(state),
    notice,
    handsFree: loop.handsFree,
    confirm: loop.confirm ? { command: loop.confirm.command } : null,
  };
}
