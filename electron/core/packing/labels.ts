import type { Operator } from '../../../shared/domain/master-data';
import type { PrintJob } from '../../../shared/domain/packing';
import { type Message, message } from '../../../shared/messages';
import { buildPackingSlip } from '../devices';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import type { Bench } from './bench';
import { CarrierRefusal, type IssuedLabel, type ShipmentLabelInput } from './carriers/carrier';
import { labelAddress } from './carriers/shipping-label';
import type { CartonRow } from './repo';
import { progressOf } from './units';

const labelKey = (cartonId: string, seq: number): string => `carton:${cartonId}:label:${seq}`;

async function sendLabel(
  bench: Bench,
  carton: CartonRow,
  orderNumber: string,
  zpl: string,
  seq: number,
  reprintReason?: string,
): Promise<void> {
  const { ctx, repo } = bench;
  try {
    const job = await ctx.devices.print({
      role: 'label-printer',
      kind: 'zpl',
      data: zpl,
      idempotencyKey: labelKey(carton.id, seq),
      ...(reprintReason ? { reprintReason } : {}),
      description: `Shipping label ${orderNumber} carton ${carton.seq}${reprintReason ? ' (reprint)' : ''}`,
    });
    repo.setLabelJob(carton.id, { id: job.id, state: job.state, error: job.error ?? null }, true);
  } catch (error) {
    repo.setLabelJob(
      carton.id,
      { id: labelKey(carton.id, seq), state: 'failed', error: error instanceof Error ? error.message : String(error) },
      false,
    );
  }
}

/** Gets the tracking number from the order's carrier (house label when it cannot be reached) and prints the shipping label. */
export async function printLabel(bench: Bench, operator: Operator): Promise<{ message: Message }> {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const carton = repo.openCarton(order.id);
  if (!carton || repo.units(carton.id).length === 0) throw ruleError('packing.cartonEmpty');
  if (!carton.weight_status) throw ruleError('packing.weighBeforeLabel');
  if (carton.weight_status === 'out') throw conflict('packing.weightOutLabel');
  if (carton.label_state === 'printed') throw conflict('packing.labelPrintedAlready');
  const remaining = progressOf(bench, order.id).remaining;
  const site = ctx.site();
  const input: ShipmentLabelInput = {
    orderId: order.id,
    orderNumber: order.number,
    cartonId: carton.id,
    cartonNumber: carton.seq,
    cartonCount: carton.seq + (remaining > 0 ? 1 : 0),
    sscc: carton.sscc,
    carrier: carton.carrier,
    service: carton.service,
    weightG: carton.weight_g ?? 0,
    shipTo: order.shipTo,
    shipFrom: site.shipFrom,
  };
  let issued: IssuedLabel;
  try {
    issued = await bench.carriers().issue(input);
  } catch (error) {
    if (error instanceof CarrierRefusal) {
      if (error.code === 'order_cancelled') bench.noticeCancellation();
      throw conflict('packing.carrierRefused');
    }
    throw new StationError('offline', message('packing.noLabel'));
  }
  const now = repo.openCarton(order.id);
  if (!now || now.id !== carton.id || now.label_state === 'printed' || now.weight_status !== carton.weight_status)
    throw conflict('packing.cartonChangedLabel');
  const seq = carton.label_seq + 1;
  const zpl = issued.zpl ?? '';
  ctx.record(
    operator,
    {
      kind: 'packing.label.issued',
      payload: {
        orderId: order.id,
        cartonId: carton.id,
        tracking: issued.tracking,
        adapter: issued.adapter,
        fallback: issued.fallback,
        fallbackReason: issued.fallbackReason ?? null,
      },
    },
    () => repo.setLabel(carton.id, { tracking: issued.tracking, adapter: issued.adapter, fallback: issued.fallback, zpl, seq }),
  );
  await sendLabel(bench, carton, order.number, zpl, seq);
  bench.changed('label.printed');
  const after = repo.carton(carton.id);
  const state = after?.label_print_state ?? 'failed';
  if (state === 'failed')
    return {
      message: message('packing.labelPrintFailed', { tracking: issued.tracking }),
    };
  return {
    message: message(issued.fallback ? 'packing.houseLabelPrinted' : 'packing.labelPrinted', { tracking: issued.tracking }),
  };
}

function labelledCarton(bench: Bench, orderId: string, cartonId: string | undefined): CartonRow {
  const { repo } = bench;
  const carton = cartonId
    ? repo.carton(cartonId)
    : (repo.openCarton(orderId) ??
      repo
        .cartons(orderId)
        .filter((c) => c.state === 'closed')
        .at(-1));
  if (!carton || carton.order_id !== orderId) throw notFound('packing.noSuchCarton');
  if (carton.label_state !== 'printed' || !carton.label_zpl) throw ruleError('packing.noLabelToReprint', { carton: carton.seq });
  return carton;
}

/** The same label again (same idempotency key, with the reason): for a label that came out torn or smudged. */
export async function reprintLabel(bench: Bench, operator: Operator, reason: string, cartonId?: string): Promise<void> {
  const { ctx } = bench;
  const { order } = bench.requireActive();
  const carton = labelledCarton(bench, order.id, cartonId);
  ctx.record(operator, {
    kind: 'packing.label.reprinted',
    payload: { orderId: order.id, cartonId: carton.id, tracking: carton.tracking, reason },
  });
  await sendLabel(bench, carton, order.number, carton.label_zpl ?? '', carton.label_seq, reason);
  bench.changed('label.reprinted');
}

/** Voids the label of the open carton; the next label gets a new tracking number. */
export function voidLabel(bench: Bench, operator: Operator, reason: string): void {
  const { repo, ctx } = bench;
  const { order } = bench.requireActive();
  const carton = repo.openCarton(order.id);
  if (carton?.label_state !== 'printed') throw ruleError('packing.noLabelToVoid');
  ctx.record(
    operator,
    { kind: 'packing.label.voided', payload: { orderId: order.id, cartonId: carton.id, tracking: carton.tracking, reason } },
    () => repo.voidLabel(carton.id),
  );
  bench.changed('label.voided');
}

/** Packing slip (PDF) of the order as packed so far. */
export async function printSlip(bench: Bench, operator: Operator): Promise<PrintJob> {
  const { ctx, repo } = bench;
  const { order } = bench.requireActive();
  const progress = progressOf(bench, order.id);
  const closed = repo.cartons(order.id).filter((c) => c.state === 'closed').length;
  const site = ctx.site();
  const pdf = await buildPackingSlip(
    {
      orderNumber: order.number,
      shipFrom: labelAddress(site.shipFrom),
      shipTo: labelAddress(order.shipTo),
      carrier: `${order.carrier} ${order.service}`.slice(0, 40),
      ...(closed > 0 ? { cartons: closed } : {}),
      lines: progress.lines.map((l) => ({
        sku: l.sku.slice(0, 30),
        description: l.description.slice(0, 120),
        ordered: l.qty,
        shipped: l.packed,
      })),
      ...(order.notes ? { notes: order.notes.slice(0, 1000) } : {}),
    },
    { createdAt: ctx.clock.now() },
  );
  const shipped = progress.lines.map((l) => l.packed).join('.');
  ctx.record(operator, { kind: 'packing.slip.printed', payload: { orderId: order.id } });
  const job = await ctx.devices.print({
    role: 'document-printer',
    kind: 'pdf',
    data: new Uint8Array(pdf),
    idempotencyKey: `order:${order.id}:slip:${closed}:${shipped}`,
    description: `Packing slip ${order.number}`,
  });
  return { id: job.id, state: job.state, description: job.description, ...(job.error ? { error: job.error } : {}) };
}
