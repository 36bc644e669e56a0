import type { SupervisorApproval } from '../../../shared/contract/station';
import type { WeightReading } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import type { PackedLine } from '../../../shared/sync-protocol';
import { toGrams } from '../devices';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import { approvingSupervisor } from '../session';
import type { StationNumber } from '../storage/sscc-counter';
import { syncOp } from '../storage/sync-op';
import type { Bench } from './bench';
import { stationCode } from './carriers/house';
import type { CartonRow, UnitRow } from './repo';
import { progressOf } from './units';
import { checkWeight, describeVerdict, expectedWeightG } from './weight-check';

/** How long the bench waits for the pack scale to settle. */
export const WEIGH_TIMEOUT_MS = 8_000;

function openCartonWithUnits(bench: Bench, orderId: string): { carton: CartonRow; units: UnitRow[] } {
  const carton = bench.repo.openCarton(orderId);
  const units = carton ? bench.repo.units(carton.id) : [];
  if (!carton || units.length === 0) throw ruleError('packing.cartonEmpty');
  return { carton, units };
}

/** Expected gross weight: every unit's weight plus the carton's tare. */
export function expectedOf(bench: Bench, orderId: string, carton: CartonRow, units: readonly UnitRow[]): number {
  const weights = new Map(bench.repo.orderLines(orderId).map((l) => [l.lineNo, l.unitWeightG]));
  return expectedWeightG(
    units.map((u) => ({ unitWeightG: weights.get(u.line_no) ?? 0, qty: u.qty })),
    carton.tare_g,
  );
}

/** The packer's carton type instead of the recommended one: for the open carton, or for the next one when none is open. */
export function chooseCarton(bench: Bench, operator: Operator, code: string): void {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const type = repo.cartonTypes().find((t) => t.code === code);
  if (!type) throw notFound('errors.notFound', { document: code });
  const carton = repo.openCarton(order.id);
  if (carton) {
    if (carton.label_state === 'printed') throw conflict('packing.cartonLabelledVoidFirst', { carton: carton.seq });
    const units = repo.units(carton.id);
    const goodsG = expectedOf(bench, order.id, { ...carton, tare_g: 0 }, units);
    if (goodsG + type.tareG > type.maxWeightG)
      throw ruleError('packing.cartonTooHeavy', { type: type.code, maxG: type.maxWeightG, holdsG: Math.round(goodsG + type.tareG) });
    ctx.record(
      operator,
      { kind: 'packing.carton.type', payload: { orderId: order.id, cartonId: carton.id, from: carton.carton_type, to: type.code } },
      () => {
        repo.setCartonType(carton.id, type.code, type.tareG);
      },
    );
  } else {
    ctx.record(operator, { kind: 'packing.carton.type', payload: { orderId: order.id, cartonId: null, to: type.code } }, () => {
      repo.setNextCartonType(order.id, type.code);
    });
  }
  bench.changed('carton.type');
}

/** Weighs the open carton (stable reading from the pack scale) and checks it against the expected weight. */
export async function weighCarton(bench: Bench, operator: Operator): Promise<{ ok: boolean; message: Message }> {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const { carton, units } = openCartonWithUnits(bench, order.id);
  if (carton.label_state === 'printed') throw conflict('packing.labelledNoReweigh');
  let reading: WeightReading;
  try {
    reading = await ctx.devices.readStable('pack-scale', WEIGH_TIMEOUT_MS);
  } catch {
    throw new StationError('device', message('packing.scaleNoStableWeight'));
  }
  if (reading.status !== 'ok' || !reading.stable)
    throw new StationError('device', message('packing.scaleStatus', { status: message(`scaleStatus.${reading.status}`) }));
  const after = repo.openCarton(order.id);
  const unitsAfter = after ? repo.units(after.id) : [];
  if (!after || after.id !== carton.id || unitsAfter.length !== units.length || after.carton_type !== carton.carton_type) {
    throw conflict('packing.cartonChangedWeigh');
  }
  const actualG = toGrams(reading.value, reading.unit);
  if (actualG <= 0) throw ruleError('packing.scaleNoWeight');
  const verdict = checkWeight(actualG, expectedOf(bench, order.id, carton, units), ctx.site());
  const payload = {
    orderId: order.id,
    cartonId: carton.id,
    actualG,
    expectedG: verdict.expectedG,
    toleranceG: verdict.toleranceG,
    diffG: verdict.diffG,
  };
  ctx.record(operator, { kind: verdict.ok ? 'packing.weight.ok' : 'packing.weight.out', payload }, () => {
    repo.setWeighing(carton.id, {
      status: verdict.ok ? 'ok' : 'out',
      weightG: actualG,
      expectedG: verdict.expectedG,
      toleranceG: verdict.toleranceG,
      at: bench.now(),
    });
  });
  bench.changed('carton.weighed');
  return { ok: verdict.ok, message: describeVerdict(verdict) };
}

/** A supervisor (by badge) accepts a weight outside the tolerance, with a reason. */
export function overrideWeight(bench: Bench, operator: Operator, approval: SupervisorApproval | undefined, reason: string): void {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const { carton } = openCartonWithUnits(bench, order.id);
  if (carton.weight_status !== 'out') throw ruleError(carton.weight_status ? 'packing.weightWithinTolerance' : 'packing.weighFirst');
  const supervisor = approvingSupervisor(ctx, 'packing.overrideWeight', approval);
  const payload = {
    orderId: order.id,
    cartonId: carton.id,
    supervisorId: supervisor.id,
    reason,
    actualG: carton.weight_g,
    expectedG: carton.expected_g,
  };
  ctx.record(operator, { kind: 'packing.weight.override', payload }, () => repo.overrideWeight(carton.id, supervisor.id, reason));
  bench.changed('weight.override');
}

/** Units of a carton as the server's ledger takes them: one line per order line, lot and serial. */
export function packedLines(units: readonly UnitRow[]): PackedLine[] {
  const byKey = new Map<string, PackedLine>();
  for (const u of units) {
    const key = JSON.stringify([u.line_no, u.item_id, u.lot, u.serial]);
    const line = byKey.get(key);
    if (line) line.qty += u.qty;
    else byKey.set(key, { lineNo: u.line_no, itemId: u.item_id, lot: u.lot, serial: u.serial, qty: u.qty });
  }
  return [...byKey.values()];
}

/** Closes the open carton once weighed (or overridden) and labelled; sends `pack.carton.close`. */
export function closeCarton(bench: Bench, operator: Operator): { message: Message } {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const { carton, units } = openCartonWithUnits(bench, order.id);
  if (!carton.weight_status) throw ruleError('packing.weighBeforeClose');
  if (carton.weight_status === 'out') throw conflict('packing.weightOut');
  if (carton.label_state !== 'printed' || !carton.tracking) throw ruleError('packing.printBeforeClose');
  if (carton.label_print_state === 'failed') throw ruleError('packing.labelNotPrinted');
  const op = syncOp('pack.carton.close', {
    orderId: order.id,
    cartonId: carton.id,
    sscc: carton.sscc,
    cartonType: carton.carton_type,
    items: packedLines(units),
    weightG: carton.weight_g ?? 0,
    expectedG: carton.expected_g ?? 0,
    overrideBy: carton.override_by,
    overrideReason: carton.override_reason,
    carrier: carton.carrier,
    service: carton.service,
    tracking: carton.tracking,
  });
  ctx.record(
    operator,
    { kind: 'packing.carton.closed', payload: { orderId: order.id, cartonId: carton.id, sscc: carton.sscc }, op },
    () => {
      repo.closeCarton(carton.id, operator.id, bench.now());
    },
  );
  bench.memory.lastScanned = null;
  bench.changed('carton.closed');
  const left = progressOf(bench, order.id).remaining;
  return {
    message:
      left === 0
        ? message('packing.cartonClosedAllPacked', { carton: carton.seq })
        : message('packing.cartonClosed', { carton: carton.seq, count: left }),
  };
}

/**
 * A manifest id: MF-<carrier>-<date>-<leased number> once the server leases this station numbers (unique across the
 * site), else MF-<carrier>-<date>-<station code>-<n-th of the day>.
 */
export function manifestIdFor(stationId: string, carrier: string, date: string, n: StationNumber): string {
  const c =
    carrier
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 20) || 'CARRIER';
  const day = date.replaceAll('-', '');
  return n.source === 'leased'
    ? `MF-${c}-${day}-${String(n.value).padStart(6, '0')}`
    : `MF-${c}-${day}-${stationCode(stationId)}-${n.value}`;
}

/** Closes the shipment once every unit is in a closed carton; sends `shipment.close`; the cartons join the carrier's open manifest. */
export function closeShipment(bench: Bench, operator: Operator): { message: Message } {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const left = progressOf(bench, order.id).remaining;
  if (left > 0) throw ruleError('packing.unitsLeft', { count: left });
  const open = repo.openCarton(order.id);
  if (open && repo.units(open.id).length > 0) throw ruleError('packing.cartonStillOpen', { carton: open.seq });
  const closed = repo.cartons(order.id).filter((c) => c.state === 'closed');
  if (closed.length === 0) throw ruleError('packing.noClosedCarton');
  const date = bench.today();
  const at = bench.now();
  const existing = repo.openManifest(order.carrier, date);
  const op = syncOp('shipment.close', { orderId: order.id, cartonIds: closed.map((c) => c.id) });
  // The manifest number is taken in the transaction that opens the manifest: a refused close gives it back.
  ctx.transaction(() => {
    const manifestId = existing?.id ?? manifestIdFor(ctx.stationId, order.carrier, date, repo.nextManifestNumber(order.carrier, date));
    ctx.record(
      operator,
      { kind: 'packing.shipment.closed', payload: { orderId: order.id, cartons: closed.length, manifestId }, op },
      () => {
        if (open) repo.discardCarton(open.id);
        if (!existing) repo.insertManifest({ id: manifestId, carrier: order.carrier, date, at });
        repo.markShipped(order.id, at, manifestId);
        repo.setPackOrderState(order.id, 'shipped', operator.id, at);
        repo.setOrderStatus(order.id, 'shipped');
      },
    );
  });
  bench.forget();
  bench.changed('shipment.closed');
  return {
    message: message('packing.shipped', { document: order.number, count: closed.length, carrier: order.carrier }),
  };
}
