/** Rules of receiving against a purchase order. Pure: the workflow reads the data, these decide. */

import type { Hold, Item } from '../domain/master-data';
import { type Message, message } from '../messages';
import { type HoldScope, holdCovers } from './holds';

export type Condition = 'good' | 'damaged' | 'quarantine';
export type Tracking = 'lot' | 'expiry' | 'serial';

/**
 * Units of a PO line that may be received: ordered plus the tolerance — the item's own percent, else the
 * larger of the PO's and the site's. The central server applies the same rule to every `receipt.line`.
 */
export function allowedQty(ordered: number, itemPct: number | null, poPct: number, sitePct: number): number {
  const pct = itemPct ?? Math.max(poPct, sitePct);
  return Math.floor(ordered * (1 + pct / 100) + 1e-9);
}

export interface LineState {
  lineNo: number;
  ordered: number;
  /** Units received so far on this line in the open receipt (every condition). */
  received: number;
  allowed: number;
}

/** The PO line a receipt of the item goes to: the first one not yet full, else the last one (an over-receipt). */
export function pickPoLine<T extends LineState>(lines: readonly T[]): T | undefined {
  return lines.find((l) => l.received < l.ordered) ?? lines[lines.length - 1];
}

export type QuantityDecision =
  | { kind: 'within' }
  /** More than the line allows: `withinPart` units still fit, the rest needs a supervisor. */
  | { kind: 'over_tolerance'; allowed: number; wouldBe: number; withinPart: number };

export function judgeQuantity(line: LineState, qty: number): QuantityDecision {
  const wouldBe = line.received + qty;
  if (wouldBe <= line.allowed) return { kind: 'within' };
  return { kind: 'over_tolerance', allowed: line.allowed, wouldBe, withinPart: Math.max(0, line.allowed - line.received) };
}

export interface Tracked {
  lot: string | null;
  expiry: string | null;
  serial: string | null;
}

/** What an item's tracking needs that the entry does not have yet, in the order the station asks for it. */
export function missingTracking(item: Pick<Item, 'lotTracked' | 'expiryTracked' | 'serialTracked'>, entry: Tracked): Tracking[] {
  const missing: Tracking[] = [];
  if (item.lotTracked && !entry.lot) missing.push('lot');
  if (item.expiryTracked && !entry.expiry) missing.push('expiry');
  if (item.serialTracked && !entry.serial) missing.push('serial');
  return missing;
}

/** A serial-tracked item is received one unit per serial. */
export function serialQuantityProblem(item: Pick<Item, 'serialTracked'>, qty: number): Message | null {
  return item.serialTracked && qty !== 1 ? message('receiving.serialQuantity', { count: qty }) : null;
}

export interface SerialSeen {
  receiptId: string;
  poId: string;
}

/** Serials are unique per item: within the receipt and across everything this station ever received. */
export function serialConflict(serial: string, receiptId: string, seen: readonly SerialSeen[]): Message | null {
  const here = seen.find((s) => s.receiptId === receiptId);
  if (here) return message('receiving.serialInReceipt', { serial });
  const earlier = seen[0];
  if (earlier) return message('receiving.serialReceivedBefore', { serial, document: earlier.poId });
  return null;
}

/** Active quality holds that cover an item, or one of its lots. */
export function holdsCovering<H extends HoldScope & Pick<Hold, 'active'>>(holds: readonly H[], itemId: string, lot: string | null): H[] {
  return holds.filter((h) => h.active && holdCovers(h, { itemId, lot }));
}

/** Damaged and quarantined goods, and goods under a quality hold, are received straight into hold status. */
export function receivedOnHold(condition: Condition, coveredByHold: boolean): boolean {
  return condition !== 'good' || coveredByHold;
}

export function conditionProblem(condition: Condition, reason: string | null): Message | null {
  return condition !== 'good' && !reason?.trim()
    ? message('receiving.conditionReason', { condition: message(`condition.${condition}`) })
    : null;
}

export interface ReceivedLine {
  poLineNo: number | null;
  itemId: string;
  qty: number;
  condition: Condition;
}

export interface PoLineSpec {
  lineNo: number;
  itemId: string;
  ordered: number;
}

export type DiscrepancyKind = 'ok' | 'over' | 'short' | 'unexpected';

export interface SummaryLine {
  poLineNo: number | null;
  itemId: string;
  ordered: number;
  received: number;
  damaged: number;
  kind: DiscrepancyKind;
}

/** The close summary: every PO line (short, over or ok) and every unexpected item, with damaged units. */
export function closeSummary(poLines: readonly PoLineSpec[], received: readonly ReceivedLine[]): SummaryLine[] {
  const lines: SummaryLine[] = poLines.map((l) => {
    const mine = received.filter((r) => r.poLineNo === l.lineNo);
    const qty = mine.reduce((s, r) => s + r.qty, 0);
    const damaged = mine.filter((r) => r.condition !== 'good').reduce((s, r) => s + r.qty, 0);
    const kind: DiscrepancyKind = qty < l.ordered ? 'short' : qty > l.ordered ? 'over' : 'ok';
    return { poLineNo: l.lineNo, itemId: l.itemId, ordered: l.ordered, received: qty, damaged, kind };
  });
  const unexpected = new Map<string, SummaryLine>();
  for (const r of received) {
    if (r.poLineNo !== null) continue;
    const line = unexpected.get(r.itemId) ?? {
      poLineNo: null,
      itemId: r.itemId,
      ordered: 0,
      received: 0,
      damaged: 0,
      kind: 'unexpected' as const,
    };
    line.received += r.qty;
    if (r.condition !== 'good') line.damaged += r.qty;
    unexpected.set(r.itemId, line);
  }
  return [...lines, ...unexpected.values()];
}

/** A receipt with any short, over, unexpected or damaged line needs a supervisor's approval to close. */
export function hasDiscrepancies(summary: readonly SummaryLine[]): boolean {
  return summary.some((l) => l.kind !== 'ok' || l.damaged > 0);
}
