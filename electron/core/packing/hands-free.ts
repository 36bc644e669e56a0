import type { ScanFeedback } from '../../../shared/contract/station';
import type { WeightReading } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import type { EventPayload } from '../../../shared/events';
import { message } from '../../../shared/messages';
import type { ParsedScan } from '../../../shared/scan';
import type { ScanCommand } from '../../../shared/scan/command';
import { toGrams } from '../devices';
import { StationError } from '../kernel/errors';
import { feedback } from '../session';
import type { Bench } from './bench';
import { chooseCarton, closeCarton, closeShipment, WEIGH_TIMEOUT_MS, weighCarton } from './cartons';
import { printLabel, reprintLabel } from './labels';
import { leaveOrder } from './orders';
import type { CartonRow } from './repo';

const W = 'packing';

/** The reason a reprint by command barcode carries in the journal and the print queue. */
export const COMMAND_REPRINT_REASON = 'reprint scanned from the command sheet';

/** Whether the bench runs the hands-free loop: the station's own setting, else the site's; off when neither says. */
export function handsFreeOn(bench: Bench): boolean {
  return bench.ctx.config.handsFreePacking ?? bench.ctx.site().handsFreePacking ?? false;
}

/** An answer the station gives on its own (no scan caused it): pushed like a scan's answer, with its colour and sound. */
export function announce(bench: Bench, answer: ScanFeedback): void {
  bench.ctx.bus.emit('scan.result', { ...answer, data: '' });
}

/**
 * Waits until the pack scale carries a load (the packer puts the carton on it after its last unit), at most as long
 * as a weighing waits for a stable reading. A station without a pack scale does not wait: the weighing says why.
 */
export function loadOnScale(bench: Bench): Promise<void> {
  const grams = (r: WeightReading | null) => (r && r.status === 'ok' ? toGrams(r.value, r.unit) : 0);
  const now = bench.ctx.devices.currentWeight('pack-scale');
  if (now === null || grams(now) > 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, WEIGH_TIMEOUT_MS);
    timer.unref?.();
    const stop = bench.ctx.bus.subscribe((event, payload) => {
      const reading = payload as EventPayload<'scale.reading'>;
      if (event === 'scale.reading' && reading.role === 'pack-scale' && grams(reading) > 0) done();
    });
  });
}

/** A StationError from a pack step as the packer's answer: amber (the loop stopped, nothing lost) with its reason. */
function stoppedStep(error: unknown, reason: string): ScanFeedback {
  if (error instanceof StationError) return feedback.warning(W, reason, error.operatorMessage);
  throw error;
}

/**
 * Finishes the open carton: weighs it (stable reading) unless its weight is accepted already, and prints its label
 * when the weight is within tolerance (or a supervisor accepted it). Out of tolerance stops with an amber answer
 * that says expected, measured and the tolerance; nothing is printed.
 */
export async function finishCarton(bench: Bench, operator: Operator): Promise<ScanFeedback> {
  const { repo } = bench;
  const active = bench.active();
  if (!active) return feedback.refused(W, 'no_order', message('packing.noOrderOpen'));
  const carton = repo.openCarton(active.order.id);
  if (!carton || repo.units(carton.id).length === 0) return feedback.refused(W, 'carton_empty', message('packing.cartonEmpty'));
  if (carton.label_state === 'printed') return feedback.accepted(W, message('packing.scanLabelToClose', { carton: carton.seq }));
  if (carton.weight_status !== 'ok' && carton.weight_status !== 'overridden') {
    let weighed: Awaited<ReturnType<typeof weighCarton>>;
    try {
      weighed = await weighCarton(bench, operator);
    } catch (error) {
      return stoppedStep(error, 'hands_free_not_weighed');
    }
    if (!weighed.ok) return feedback.warning(W, 'weight_out', weighed.message);
  }
  try {
    const printed = await printLabel(bench, operator);
    const after = repo.carton(carton.id);
    // A failed print, or a house label because the carrier was out of reach: the packer reads why (amber).
    if (after?.label_print_state === 'failed' || after?.label_fallback === 1)
      return feedback.warning(W, 'label_attention', printed.message);
    return feedback.accepted(W, message('packing.autoLabelPrinted', { carton: carton.seq, tracking: after?.tracking ?? '' }));
  } catch (error) {
    return stoppedStep(error, 'hands_free_no_label');
  }
}

/** Whether a scan is the printed label of the carton: its tracking number or its SSCC. */
export function isLabelOf(carton: CartonRow, data: string, parsed: ParsedScan): boolean {
  if (carton.label_state !== 'printed') return false;
  if (carton.tracking && data === carton.tracking) return true;
  const sscc = parsed.ok ? (parsed.sscc ?? null) : null;
  return sscc === carton.sscc || data === carton.sscc;
}

/**
 * Closes the labelled open carton (its label was scanned, or CLOSE CARTON); in the hands-free loop, closing the
 * last carton closes the shipment and the bench waits for the next order.
 */
export function closeLabelled(bench: Bench, operator: Operator): ScanFeedback {
  let closed: { message: ReturnType<typeof message> };
  try {
    closed = closeCarton(bench, operator);
  } catch (error) {
    if (error instanceof StationError) return feedback.refused(W, error.code, error.operatorMessage);
    throw error;
  }
  const active = bench.active();
  if (!active || !handsFreeOn(bench) || bench.repo.unitsToPack(active.order.id) > 0) return feedback.accepted(W, closed.message);
  try {
    const shipped = closeShipment(bench, operator);
    return feedback.accepted(W, message('packing.autoShipped', { said: shipped.message }));
  } catch (error) {
    if (error instanceof StationError) return feedback.warning(W, 'shipment_not_closed', error.operatorMessage);
    throw error;
  }
}

/** What the bench keeps for a destructive command waiting for its second scan. */
export interface PendingConfirm {
  orderId: string;
  command: 'put-down' | 'cancel';
}

/** The packer's hands-free loop and command barcodes, over the bench. */
export interface HandsFreeLoop {
  /** After an accepted unit scan: the carton is complete (every unit packed), so it is weighed and labelled. */
  afterUnit(operator: Operator): void;
  command(command: ScanCommand, operator: Operator): Promise<ScanFeedback>;
  /** A scan that is no CONFIRM and no repeat of the waiting command drops the waiting confirm. */
  dropConfirm(): void;
  pending(): PendingConfirm | null;
  /** Resolves when no automatic step runs (tests and the bench wait on it). */
  idle(): Promise<void>;
  /** After a supervisor accepted the weight: the label follows at once in the hands-free loop. */
  afterOverride(operator: Operator): void;
}

export function createHandsFreeLoop(bench: Bench): HandsFreeLoop {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let pending: PendingConfirm | null = null;

  /** Runs one automatic step after the current scan's answer went out, and announces its outcome. */
  const runAutomatic = (operator: Operator): void => {
    if (busy) return;
    busy = true;
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        announce(bench, feedback.accepted(W, message('packing.autoWeighing')));
        await loadOnScale(bench);
        announce(bench, await finishCarton(bench, operator));
      })
      .catch((error: unknown) => {
        bench.ctx.log.error({ err: error }, 'hands-free step failed');
        announce(bench, feedback.refused(W, 'internal', message('errors.internal')));
      })
      .finally(() => {
        busy = false;
      });
  };

  const confirmFirst = (command: PendingConfirm['command'], operator: Operator): ScanFeedback => {
    const active = bench.requireActive();
    pending = { orderId: active.order.id, command };
    const open = bench.repo.openCarton(active.order.id);
    const units = open ? bench.repo.units(open.id).reduce((s, u) => s + u.qty, 0) : 0;
    bench.ctx.record(operator, { kind: 'packing.command.confirmAsked', payload: { orderId: active.order.id, command } });
    const said =
      command === 'put-down'
        ? message('packing.confirmPutDown', { document: active.order.number, count: units })
        : message('packing.confirmCancelCarton', { carton: open?.seq ?? 0, count: units });
    return feedback.needsInput(W, 'confirm', said);
  };

  const carryOut = (command: PendingConfirm['command'], operator: Operator): ScanFeedback => {
    pending = null;
    if (command === 'put-down') {
      leaveOrder(bench, operator);
      return feedback.accepted(W, message('packing.orderPutDown'));
    }
    const { order } = bench.requireActive();
    const open = bench.repo.openCarton(order.id);
    if (!open || bench.repo.units(open.id).length === 0) return feedback.refused(W, 'carton_empty', message('packing.cartonEmpty'));
    const units = bench.repo.units(open.id).reduce((s, u) => s + u.qty, 0);
    bench.ctx.record(
      operator,
      { kind: 'packing.carton.cancelled', payload: { orderId: order.id, cartonId: open.id, units, tracking: open.tracking } },
      () => {
        bench.repo.discardCarton(open.id);
      },
    );
    bench.forget();
    bench.changed('carton.cancelled');
    return feedback.accepted(W, message('packing.cartonCancelled', { carton: open.seq, count: units }));
  };

  const loop: HandsFreeLoop = {
    afterUnit(operator) {
      const active = bench.active();
      if (!active || !handsFreeOn(bench) || bench.repo.unitsToPack(active.order.id) > 0) return;
      runAutomatic(operator);
    },
    afterOverride(operator) {
      if (handsFreeOn(bench)) runAutomatic(operator);
    },
    pending: () => pending,
    dropConfirm() {
      pending = null;
    },
    idle: async () => {
      for (;;) {
        const current = running;
        await current;
        if (current === running && !busy) return;
      }
    },
    async command(command, operator) {
      const waiting = pending;
      const active = bench.active();
      if (waiting && (!active || active.order.id !== waiting.orderId)) pending = null;
      if (command.name === 'confirm') {
        if (!pending) return feedback.refused(W, 'nothing_to_confirm', message('packing.nothingToConfirm'));
        return carryOut(pending.command, operator);
      }
      if (pending && command.name === 'cancel' && pending.command !== 'cancel') {
        pending = null;
        return feedback.accepted(W, message('packing.commandCancelled'));
      }
      if (command.name === 'put-down' || command.name === 'cancel') {
        if (pending?.command === command.name) return carryOut(command.name, operator);
        if (!active) return feedback.refused(W, 'no_order', message('packing.noOrderOpen'));
        if (command.name === 'cancel') {
          const open = bench.repo.openCarton(active.order.id);
          if (!open || bench.repo.units(open.id).length === 0) return feedback.refused(W, 'carton_empty', message('packing.cartonEmpty'));
        }
        return confirmFirst(command.name, operator);
      }
      pending = null;
      if (!active) return feedback.refused(W, 'no_order', message('packing.noOrderOpen'));
      if (busy) return feedback.refused(W, 'busy', message('packing.autoBusy'));
      switch (command.name) {
        case 'close-carton':
          return closeLabelled(bench, operator);
        case 'next-carton':
        case 'weigh': {
          const open = bench.repo.openCarton(active.order.id);
          if (command.name === 'next-carton' && open?.label_state === 'printed') return closeLabelled(bench, operator);
          busy = true;
          const step = finishCarton(bench, operator).finally(() => {
            busy = false;
          });
          running = step.then(() => undefined);
          return step;
        }
        case 'reprint':
          await reprintLabel(bench, operator, COMMAND_REPRINT_REASON);
          return feedback.accepted(W, message('packing.labelSentAgain'));
        case 'carton-type':
          chooseCarton(bench, operator, command.cartonType);
          return feedback.accepted(W, message('packing.cartonChosen', { type: command.cartonType }));
      }
    },
  };
  return loop;
}
