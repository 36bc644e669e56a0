import { z } from 'zod';
import { ScanFeedback } from '../contract/station';
import { Message } from '../messages';
import { ReceiptCondition } from '../sync-protocol';

/** What the receiving screens show: views the station core builds from its cache, validated at the contract. */

export const Container = z.enum(['pallet', 'tote']);
export type Container = z.infer<typeof Container>;

/** `sscc`: our own GS1 logistic label; `internal`: an internal LPN label; `supplier`: the supplier's SSCC pallet label. */
export const LpnKind = z.enum(['sscc', 'internal', 'supplier']);
export type LpnKind = z.infer<typeof LpnKind>;

export const PoSummary = z.object({
  poId: z.string(),
  number: z.string(),
  supplier: z.string(),
  expectedDate: z.string().nullable(),
  lineCount: z.number().int(),
  asns: z.array(z.object({ id: z.string(), number: z.string() })),
  /** This station has a receipt open on the PO. */
  receiptOpen: z.boolean(),
});
export type PoSummary = z.infer<typeof PoSummary>;

export const ReceiptLineView = z.object({
  poLineNo: z.number().int(),
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  ordered: z.number().int(),
  /** Received in this receipt so far: starts at 0, never pre-filled from the ASN. */
  received: z.number().int(),
  damaged: z.number().int(),
  onHold: z.number().int(),
  /** The most the line takes with its over-receipt tolerance. */
  allowed: z.number().int(),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  serialTracked: z.boolean(),
  /** What the ASN announces for the line (a hint, not a count). */
  asn: z.object({ qty: z.number().int(), lot: z.string().nullable(), expiry: z.string().nullable() }).nullable(),
});
export type ReceiptLineView = z.infer<typeof ReceiptLineView>;

export const UnexpectedLineView = z.object({
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  received: z.number().int(),
  damaged: z.number().int(),
});

export const ReceivedScanView = z.object({
  id: z.number().int(),
  scanId: z.string(),
  at: z.string(),
  itemId: z.string(),
  sku: z.string(),
  qty: z.number().int(),
  poLineNo: z.number().int().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  serial: z.string().nullable(),
  condition: ReceiptCondition,
  reason: z.string().nullable(),
  onHold: z.boolean(),
  lpn: z.string().nullable(),
  source: z.enum(['scan', 'typed', 'weight']),
  approvedBy: z.string().nullable(),
});
export type ReceivedScanView = z.infer<typeof ReceivedScanView>;

/** The zone of quarantine locations: a plate put away there is held whole, so only with a supervisor's approval. */
export const QUARANTINE_ZONE = 'Q';

export const PutawaySuggestion = z.object({
  location: z.string(),
  zone: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type PutawaySuggestion = z.infer<typeof PutawaySuggestion>;

export const PutawayPlan = z.object({
  lpn: z.string(),
  suggestions: z.array(PutawaySuggestion),
  excluded: z.array(z.object({ location: z.string(), reason: z.string() })),
});
export type PutawayPlan = z.infer<typeof PutawayPlan>;

export const LpnView = z.object({
  lpn: z.string(),
  kind: LpnKind,
  container: Container,
  sscc: z.string().nullable(),
  items: z.array(z.object({ itemId: z.string(), sku: z.string(), lot: z.string().nullable(), qty: z.number().int(), onHold: z.boolean() })),
  weightKg: z.number().nullable(),
  /** Net weight of the contents from the items' unit weights. */
  contentsKg: z.number(),
  /** The ASN's announced weight, and the weighed weight minus it. */
  asnWeightKg: z.number().nullable(),
  weightDiffKg: z.number().nullable(),
  location: z.string().nullable(),
  labelsPrinted: z.number().int(),
  current: z.boolean(),
});
export type LpnView = z.infer<typeof LpnView>;

/** What the station waits for before it can receive the last scan. */
export const PendingView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tracking'),
    itemId: z.string(),
    sku: z.string(),
    qty: z.number().int(),
    needs: z.array(z.enum(['lot', 'expiry', 'serial'])).min(1),
    have: z.object({ lot: z.string().nullable(), expiry: z.string().nullable(), serial: z.string().nullable() }),
    message: Message,
  }),
  z.object({
    kind: z.literal('approval'),
    itemId: z.string(),
    sku: z.string(),
    qty: z.number().int(),
    rule: z.enum(['over_receipt', 'short_shelf_life']),
    message: Message,
  }),
]);
export type PendingView = z.infer<typeof PendingView>;

export const ConditionSetting = z.object({
  condition: ReceiptCondition,
  reason: z.string().nullable(),
});
export type ConditionSetting = z.infer<typeof ConditionSetting>;

/** A supplier pallet offered to be received whole, and the counted sample it may need first. */
export const PalletOfferView = z.object({
  sscc: z.string(),
  stage: z.enum(['offer', 'sample']),
  lines: z.array(z.object({ itemId: z.string(), sku: z.string(), qty: z.number().int(), lot: z.string().nullable() })),
  units: z.number().int(),
  expectedKg: z.number().nullable(),
  weighedKg: z.number().nullable(),
  sample: z.object({ by: z.enum(['cases', 'units']), needed: z.number().int(), counted: z.number().int() }).nullable(),
  message: Message,
});
export type PalletOfferView = z.infer<typeof PalletOfferView>;

export const ReceiptView = z.object({
  receiptId: z.string(),
  poId: z.string(),
  poNumber: z.string(),
  supplier: z.string(),
  asn: z.object({ id: z.string(), number: z.string(), expectedWeightKg: z.number().nullable() }).nullable(),
  status: z.enum(['open', 'closed']),
  lines: z.array(ReceiptLineView),
  unexpected: z.array(UnexpectedLineView),
  /** Newest first. */
  scans: z.array(ReceivedScanView),
  lpns: z.array(LpnView),
  currentLpn: z.string().nullable(),
  pending: PendingView.nullable(),
  /** Condition the next received goods get (back to good after one receipt). */
  nextCondition: ConditionSetting,
  /** The last barcode no item has: a supervisor may link it. */
  unknownBarcode: z.string().nullable(),
  /** A receipt without PO or ASN: the supplier it is for (then `poId` is empty and every line is unplanned). */
  blind: z.object({ supplierId: z.string(), supplierName: z.string() }).nullable(),
  /** The supplier pallet offered to be received whole, if any. */
  pallet: PalletOfferView.nullable(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const SummaryLineView = z.object({
  poLineNo: z.number().int().nullable(),
  itemId: z.string(),
  sku: z.string(),
  ordered: z.number().int(),
  received: z.number().int(),
  damaged: z.number().int(),
  kind: z.enum(['ok', 'over', 'short', 'unexpected']),
});
export type SummaryLineView = z.infer<typeof SummaryLineView>;

export const CloseSummary = z.object({
  receiptId: z.string(),
  poId: z.string(),
  lines: z.array(SummaryLineView),
  needsApproval: z.boolean(),
  /** LPNs not yet put away: closing puts them away to their best suggestion. */
  openLpns: z.array(z.string()),
});
export type CloseSummary = z.infer<typeof CloseSummary>;

export const PrintOutcome = z.object({
  id: z.string(),
  state: z.enum(['queued', 'sent', 'done', 'failed', 'uncertain']),
  description: z.string(),
  error: z.string().optional(),
});
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const WeighingView = z.object({
  grossKg: z.number(),
  netKg: z.number(),
  exactUnits: z.number().nullable(),
});

/** The answer to an action on goods: the decision (as a scan's) and the receipt after it. */
export const ReceivingAction = z.object({
  feedback: ScanFeedback,
  receipt: ReceiptView.nullable(),
  weighing: WeighingView.optional(),
});
export type ReceivingAction = z.infer<typeof ReceivingAction>;
