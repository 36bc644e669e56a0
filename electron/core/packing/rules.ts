/**
 * Pack verification: whether a scanned unit may go into the carton, and how many units it counts. A wrong
 * item, an extra unit, a held item or lot or an expired lot is stopped and counts nothing. Pure rules, no I/O.
 */
import { type Message, message } from '../../../shared/messages';
import { holdCovers } from '../../../shared/rules/holds';

export interface LineProgress {
  lineNo: number;
  itemId: string;
  qty: number;
  packed: number;
}

export interface ItemRules {
  itemId: string;
  description: string;
  lotTracked: boolean;
  serialTracked: boolean;
}

export interface ScannedUnit {
  itemId: string;
  /** Units one scan of this barcode stands for: 1 for the unit barcode, the pack quantity for a case GTIN. */
  unitsPerScan: number;
  lot: string | null;
  /** ISO date (AI 17). */
  expiry: string | null;
  serial: string | null;
}

export interface HoldRule {
  kind: 'item' | 'lot' | 'location';
  itemId: string | null;
  lot: string | null;
  reason: string;
}

export type StopReason =
  | 'wrong_item'
  | 'line_complete'
  | 'case_overshoots'
  | 'on_hold'
  | 'expired'
  | 'lot_required'
  | 'serial_each'
  | 'duplicate_serial'
  | 'quantity_keys_off'
  | 'verify_first';

export type UnitDecision =
  | { ok: true; lineNo: number; qty: number; needsSerial: boolean }
  | { ok: false; reason: StopReason; message: Message };

const stop = (reason: StopReason, said: Message): UnitDecision => ({ ok: false, reason, message: said });

export const remainingOf = (line: LineProgress): number => Math.max(0, line.qty - line.packed);

export const remainingUnits = (lines: readonly LineProgress[]): number => lines.reduce((sum, l) => sum + remainingOf(l), 0);

/** The active hold that covers this item (and lot), if any: item holds, and lot holds of this lot (of this item or of any item). */
export function holdCovering(holds: readonly HoldRule[], itemId: string, lot: string | null): HoldRule | undefined {
  return holds.find((h) => holdCovers(h, { itemId, lot }));
}

/** Expired when the expiry date (AI 17) is before `today` (both ISO dates); a unit expiring today may still ship. */
export const isExpired = (expiry: string | null, today: string): boolean => expiry !== null && expiry < today;

/** Decides one scanned unit (or case) against the order's lines. */
export function verifyUnit(
  lines: readonly LineProgress[],
  unit: ScannedUnit,
  item: ItemRules,
  holds: readonly HoldRule[],
  today: string,
): UnitDecision {
  const ofItem = lines.filter((l) => l.itemId === unit.itemId);
  if (ofItem.length === 0) return stop('wrong_item', message('packing.wrongItem', { item: item.description }));
  const hold = holdCovering(holds, unit.itemId, unit.lot);
  if (hold) {
    const onHold =
      hold.kind === 'lot'
        ? message('packing.lotOnHold', { item: item.description, lot: unit.lot ?? '', why: hold.reason })
        : message('packing.onHold', { item: item.description, why: hold.reason });
    return stop('on_hold', onHold);
  }
  if (isExpired(unit.expiry, today))
    return stop('expired', message('packing.expired', { item: item.description, lot: unit.lot ?? '?', expiry: unit.expiry ?? '' }));
  if (item.lotTracked && !unit.lot) return stop('lot_required', message('packing.lotMissing', { item: item.description }));
  if (item.serialTracked && unit.unitsPerScan > 1) return stop('serial_each', message('packing.serialEach', { item: item.description }));
  const open = ofItem.filter((l) => remainingOf(l) > 0);
  if (open.length === 0)
    return stop('line_complete', message('packing.extraUnit', { count: ofItem.reduce((s, l) => s + l.qty, 0), item: item.description }));
  const line = open.find((l) => remainingOf(l) >= unit.unitsPerScan);
  if (!line) {
    const left = open.reduce((s, l) => s + remainingOf(l), 0);
    return stop('case_overshoots', message('packing.caseOvershoots', { caseQty: unit.unitsPerScan, count: left, item: item.description }));
  }
  return { ok: true, lineNo: line.lineNo, qty: unit.unitsPerScan, needsSerial: item.serialTracked && !unit.serial };
}

/** A serial may ship once: not twice in this shipment, not again after it left the station before. */
export function checkSerial(
  serial: string,
  usage: { inThisShipment: boolean; shippedBefore: boolean },
  description: string,
): UnitDecision | null {
  if (usage.inThisShipment) return stop('duplicate_serial', message('packing.serialInShipment', { serial }));
  if (usage.shippedBefore) return stop('duplicate_serial', message('packing.serialPackedBefore', { serial, item: description }));
  return null;
}

/**
 * A typed quantity for a multi-unit line: allowed where the site allows quantity keys, only right after a
 * verifying scan of the same line, never for serial-tracked items, and never past what is left.
 */
export function verifyQuantityKey(
  line: LineProgress,
  qty: number,
  context: { allowed: boolean; lastScannedLineNo: number | null; serialTracked: boolean; description: string },
): UnitDecision {
  if (!context.allowed) return stop('quantity_keys_off', message('packing.quantityKeysOff'));
  if (context.serialTracked) return stop('serial_each', message('packing.serialEach', { item: context.description }));
  if (context.lastScannedLineNo !== line.lineNo)
    return stop('verify_first', message('packing.scanOneFirst', { item: context.description }));
  const left = remainingOf(line);
  if (qty > left) return stop('line_complete', message('packing.tooMany', { count: left, item: context.description, qty }));
  return { ok: true, lineNo: line.lineNo, qty, needsSerial: false };
}

/** Shift start hours (local time): early 06-14, late 14-22, night 22-06. */
export const SHIFT_START_HOURS = [6, 14, 22] as const;

/** The shift `now` falls in, in the station's local time. */
export function shiftWindow(now: Date, startHours: readonly number[] = SHIFT_START_HOURS): { start: Date; end: Date } {
  const hours = [...startHours].sort((a, b) => a - b);
  const first = hours[0] ?? 0;
  const atHour = (base: Date, h: number, dayOffset = 0): Date =>
    new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset, h, 0, 0, 0);
  let start = atHour(now, hours.at(-1) ?? 0, -1);
  for (const h of hours) {
    const candidate = atHour(now, h);
    if (candidate.getTime() <= now.getTime()) start = candidate;
  }
  const nextHour = hours.find((h) => h > start.getHours());
  const end = nextHour !== undefined ? atHour(start, nextHour) : atHour(start, first, 1);
  return { start, end };
}

/** Rate per hour over the time worked so far; at least a quarter of an hour is counted, so one early order does not read as 60/h. */
export function perHour(count: number, fromMs: number, toMs: number): number {
  const hours = Math.max(0.25, (toMs - fromMs) / 3_600_000);
  return Math.round((count / hours) * 10) / 10;
}
