import type { ConditionSetting } from '../../../shared/domain/receiving';
import type { Message } from '../../../shared/messages';
import type { Tracking } from '../../../shared/rules/receiving';

/** Goods the receiver scanned or typed, on their way to a decision. */
export interface Candidate {
  itemId: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  source: 'scan' | 'typed' | 'weight';
  /** Units whose inspection at receipt was recorded (see the inspection feature): not asked to be inspected again. */
  inspected?: true;
  /** The LPN the goods go onto; absent = the receipt's current one, null = none (they stay at the dock). */
  lpn?: string | null;
  barcode: string | null;
  /** GS1 AIs of the labels read for this candidate so far (empty for typed and weighed ones). */
  ais: string[];
  /** Rules a supervisor already approved for this candidate. */
  approvals: { rule: ApprovalRule; by: string }[];
}

export type ApprovalRule = 'over_receipt' | 'short_shelf_life';

export type Pending =
  | { kind: 'tracking'; candidate: Candidate; needs: Tracking[] }
  | { kind: 'approval'; candidate: Candidate; rule: ApprovalRule; message: Message };

/** A supplier pallet the ASN lists with its contents, offered to be received whole (and, when asked, its counted sample). */
export interface PalletOffer {
  sscc: string;
  asnId: string;
  stage: 'offer' | 'sample';
  /** Why a sample is counted: the weight is off, the ASN gives none, or the site audits the supplier. */
  why: 'weight' | 'no_weight' | 'audit' | null;
  weighedKg: number | null;
  expectedKg: number | null;
  /** Scans (cases) or units the sample needs, and what was counted so far per item. */
  sample: { by: 'cases' | 'units'; needed: number; counted: number; units: Map<string, number> } | null;
}

/** What the bench remembers between scans of the open receipt (kept with the receiving module, not in the cache). */
export interface ReceivingSession {
  receiptId: string | null;
  pending: Pending | null;
  pallet: PalletOffer | null;
  nextCondition: ConditionSetting;
  unknownBarcode: string | null;
  /**
   * Scanned units of items waiting for their inspection at receipt, by item: the latest scan (its lot and expiry), or
   * for serial-tracked items every serial scanned. The inspection receives its units with them.
   */
  awaitingInspection: Map<string, Candidate[]>;
}

/** What a scanned unit carries that its inspected receipt needs: lot, expiry and serial as read from its label. */
export interface ScannedTracking {
  lot: string | null;
  expiry: string | null;
  serial: string | null;
}

/** Keeps a scan that asked for an inspection; a serial already kept is not kept twice. */
export function keepForInspection(session: ReceivingSession, candidate: Candidate, serialTracked: boolean): void {
  const kept = session.awaitingInspection.get(candidate.itemId) ?? [];
  if (!serialTracked) session.awaitingInspection.set(candidate.itemId, [candidate]);
  else if (candidate.serial !== null && !kept.some((c) => c.serial === candidate.serial))
    session.awaitingInspection.set(candidate.itemId, [...kept, candidate]);
}

export const goodCondition = (): ConditionSetting => ({ condition: 'good', reason: null });

export function createSession(): ReceivingSession {
  return {
    receiptId: null,
    pending: null,
    pallet: null,
    nextCondition: goodCondition(),
    unknownBarcode: null,
    awaitingInspection: new Map(),
  };
}

/** Forgets everything tied to the receipt the bench worked on. */
export function resetSession(session: ReceivingSession, receiptId: string | null): void {
  session.receiptId = receiptId;
  session.pending = null;
  session.pallet = null;
  session.nextCondition = goodCondition();
  session.unknownBarcode = null;
  session.awaitingInspection.clear();
}
