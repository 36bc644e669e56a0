import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { StationError } from '../kernel/errors';
import { feedback, type ScanInput } from '../session';
import { type ActiveOrder, type Bench, mayPack } from './bench';
import { closeLabelled, isLabelOf } from './hands-free';
import { openOrder, resolveOrder } from './orders';
import type { OrderRecord } from './repo';
import { checkSerial, verifyUnit } from './rules';
import { countUnits } from './units';

const W = 'packing';
const MAX_SERIAL = 40;

/** Every scan on the pack screen: an order/tote opens the order; an item is verified and counted, or stopped. */
export function handlePackScan(bench: Bench, { event, parsed, badgeHolder: holderOfEvent }: ScanInput, operator: Operator): ScanFeedback {
  const { repo, ctx, memory } = bench;
  const data = event.data.trim();
  if (!mayPack(operator)) return feedback.refused(W, 'forbidden', message('packing.notPacker', { name: operator.name }));
  // A badge is a credential, never goods: it must not reach the journal or the outbox as an unknown barcode.
  // The session has looked the scan up as a badge already, as a rule (the lookup trims the text as `data` is trimmed).
  const plain = parsed.ok && parsed.kind === 'plain';
  const badgeHolder = !plain ? null : holderOfEvent !== undefined ? holderOfEvent : ctx.badges.holder(data);
  if (badgeHolder) return feedback.refused(W, 'badge', message('packing.badgeForOverride', { name: badgeHolder.name }));
  // Only part of the site is loaded: an order or item missing from it is not missing from the site.
  if (!ctx.sync.cacheComplete()) return feedback.refused(W, 'site_loading', message('errors.siteLoading'));

  const stopped = (orderId: string | null, reason: string, said: Message): ScanFeedback => {
    repo.keepTally(() => ctx.record(operator, { kind: 'packing.scan.stopped', payload: { orderId, reason, data: data.slice(0, 200) } }));
    return feedback.refused(W, reason, said);
  };
  const opened = (): ScanFeedback => {
    const order = resolveOrder(bench, data);
    const result = openOrder(bench, operator, order);
    return feedback.accepted(W, result.message);
  };

  const pack = repo.activePackOrder();
  if (!pack) {
    if (repo.findOrders(data).length > 0) return opened();
    const isItem = parsed.ok && repo.itemByCode(parsed.gtin ?? data) !== undefined;
    return stopped(
      null,
      'no_order',
      isItem ? message('packing.isItemScanOrder') : message('errors.notFound', { document: data.slice(0, 64) }),
    );
  }

  let active: ActiveOrder;
  try {
    active = bench.requireActive(pack);
  } catch (error) {
    if (error instanceof StationError && error.code === 'conflict') return feedback.refused(W, 'order_cancelled', error.operatorMessage);
    throw error;
  }
  const { order } = active;

  // The carton's printed label scanned back (tracking number or SSCC): it is on the carton, the carton closes.
  const open = repo.openCarton(order.id);
  if (open && isLabelOf(open, data, parsed)) return closeLabelled(bench, operator);

  const waiting = memory.awaitingSerial;
  if (waiting && waiting.orderId === order.id) {
    const itemBarcode = parsed.ok && parsed.gtin ? repo.itemByCode(parsed.gtin) : repo.itemByCode(data);
    const serial = parsed.ok && parsed.serial ? parsed.serial : itemBarcode ? null : data;
    if (itemBarcode && !(parsed.ok && parsed.serial && itemBarcode.itemId === waiting.itemId)) {
      return stopped(order.id, 'serial_expected', message('packing.serialExpected', { item: waiting.description }));
    }
    if (!serial || serial.length > MAX_SERIAL || /\s/.test(serial))
      return stopped(order.id, 'bad_serial', message('packing.badSerial', { text: data.slice(0, 60), item: waiting.description }));
    const dup = checkSerial(serial, repo.serialUsage(waiting.itemId, serial, order.id), waiting.description);
    if (dup && !dup.ok) return stopped(order.id, dup.reason, dup.message);
    memory.awaitingSerial = null;
    return counted(bench, operator, order, {
      lineNo: waiting.lineNo,
      itemId: waiting.itemId,
      qty: 1,
      lot: waiting.lot,
      expiry: waiting.expiry,
      serial,
      via: 'scan',
    });
  }

  const code = parsed.ok ? (parsed.gtin ?? (parsed.kind === 'plain' ? data : undefined)) : data;
  const barcode = code ? repo.itemByCode(code) : undefined;
  if (!barcode) {
    if (repo.findOrders(data).length > 0) return opened();
    if (!parsed.ok) return stopped(order.id, 'unreadable', message('packing.unreadable', { detail: parsed.error }));
    if (parsed.kind === 'sscc' || (parsed.sscc && !parsed.gtin)) return stopped(order.id, 'not_an_item', message('packing.notAnItem'));
    return stopped(order.id, 'unknown_barcode', message('packing.unknownBarcode', { code: data.slice(0, 40) }));
  }
  const item = repo.item(barcode.itemId);
  if (!item) return stopped(order.id, 'unknown_barcode', message('packing.unknownItem', { code: code ?? data }));

  const lines = repo.linesOfItem(order.id, item.id);
  const lot = parsed.ok ? (parsed.lot ?? null) : null;
  const expiry = parsed.ok ? (parsed.expiry ?? null) : null;
  const scanSerial = parsed.ok ? (parsed.serial ?? null) : null;
  const decision = verifyUnit(
    lines,
    { itemId: item.id, unitsPerScan: barcode.packQty, lot, expiry, serial: scanSerial },
    { itemId: item.id, description: item.description, lotTracked: item.lotTracked, serialTracked: item.serialTracked },
    repo.holdsFor(item.id),
    bench.today(),
  );
  if (!decision.ok) return stopped(order.id, decision.reason, decision.message);

  if (open?.label_state === 'printed')
    return stopped(order.id, 'carton_labelled', message('packing.cartonLabelledScan', { carton: open.seq }));

  if (item.serialTracked) {
    if (!scanSerial) {
      memory.awaitingSerial = { orderId: order.id, lineNo: decision.lineNo, itemId: item.id, description: item.description, lot, expiry };
      bench.changed('serial.awaited');
      return feedback.needsInput(W, 'needs_serial', message('packing.scanSerial', { item: item.description }));
    }
    const dup = checkSerial(scanSerial, repo.serialUsage(item.id, scanSerial, order.id), item.description);
    if (dup && !dup.ok) return stopped(order.id, dup.reason, dup.message);
  }
  return counted(bench, operator, order, {
    lineNo: decision.lineNo,
    itemId: item.id,
    qty: decision.qty,
    lot,
    expiry,
    serial: item.serialTracked ? scanSerial : null,
    via: barcode.packQty > 1 ? 'case' : 'scan',
  });
}

function counted(
  bench: Bench,
  operator: Operator,
  order: OrderRecord,
  u: {
    lineNo: number;
    itemId: string;
    qty: number;
    lot: string | null;
    expiry: string | null;
    serial: string | null;
    via: 'scan' | 'case';
  },
): ScanFeedback {
  const orderId = order.id;
  countUnits(bench, operator, { order, ...u });
  bench.changed('unit.packed');
  const line = bench.repo.linesOfItem(orderId, u.itemId).find((l) => l.lineNo === u.lineNo);
  const description = bench.repo.item(u.itemId)?.description ?? u.itemId;
  const remaining = bench.repo.remainingUnits(orderId);
  const next = remaining === 0 ? message('packing.allPacked') : message('packing.toGo', { count: remaining });
  return feedback.accepted(
    W,
    message(u.serial ? 'packing.countedSerial' : 'packing.counted', {
      qty: u.qty,
      item: description,
      packed: line?.packed ?? u.qty,
      ordered: line?.qty ?? u.qty,
      serial: u.serial ?? '',
      next,
    }),
  );
}
