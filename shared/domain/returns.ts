import { z } from 'zod';

/**
 * Returns (RMA) as the ERP announces them and the station receives them. An RMA names the order it returns goods of,
 * the units that order shipped (items, lots, serials: the server fills them in from its shipments when the ERP
 * leaves them out) and what the customer is expected to send back.
 */

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:\-/]+$/, 'ids use letters, digits and . _ : - /');

/** The state a returned unit arrives in, as the operator judges it. */
export const ReturnCondition = z.enum(['new', 'opened', 'damaged', 'defective', 'missingParts']);
export type ReturnCondition = z.infer<typeof ReturnCondition>;

/** Where a returned unit goes. */
export const ReturnDisposition = z.enum(['restock', 'refurbish', 'quarantine', 'scrap', 'returnToVendor']);
export type ReturnDisposition = z.infer<typeof ReturnDisposition>;

export const RmaLine = z.object({
  lineNo: z.number().int().positive(),
  itemId: Id,
  /** Units the customer is expected to send back. */
  qty: z.number().int().positive(),
});
export type RmaLine = z.infer<typeof RmaLine>;

/** One unit or lot quantity the original order shipped. */
export const ShippedUnit = z.object({
  itemId: Id,
  lot: z.string().max(20).nullable().default(null),
  expiry: z.string().date().nullable().default(null),
  serial: z.string().max(40).nullable().default(null),
  qty: z.number().int().positive(),
});
export type ShippedUnit = z.infer<typeof ShippedUnit>;

export const RmaStatus = z.enum(['open', 'received', 'cancelled']);
export type RmaStatus = z.infer<typeof RmaStatus>;

export const Rma = z.object({
  id: Id,
  /** The number on the return label. */
  number: z.string().min(1).max(64),
  orderId: Id,
  customer: z.string().min(1).max(100),
  /** Tracking numbers and SSCCs of the outbound shipment: scanning one opens the return. */
  shipmentRefs: z.array(z.string().min(1).max(64)).max(50).default([]),
  status: RmaStatus.default('open'),
  lines: z.array(RmaLine).min(1).max(500),
  shipped: z.array(ShippedUnit).max(5000).default([]),
});
export type Rma = z.infer<typeof Rma>;
export type RmaInput = z.input<typeof Rma>;

/** One unit received on a return, as the screen shows it. */
export const ReturnUnitView = z.object({
  unitId: z.string(),
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  qty: z.number().int().positive(),
  condition: ReturnCondition.nullable(),
  disposition: ReturnDisposition.nullable(),
  /** The dispositions the site's rules leave for this unit (empty until a condition is chosen). */
  allowed: z.array(ReturnDisposition),
  location: z.string().nullable(),
  held: z.boolean(),
  onRma: z.boolean(),
  approvedBy: z.string().nullable(),
});
export type ReturnUnitView = z.infer<typeof ReturnUnitView>;

export const ReturnLineView = z.object({
  lineNo: z.number().int().positive().nullable(),
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  shipped: z.number().int().nonnegative(),
  expected: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  /** Serials the order shipped of this item (what a scanned serial is matched against). */
  serials: z.array(z.string()),
  lots: z.array(z.string()),
});
export type ReturnLineView = z.infer<typeof ReturnLineView>;

export const ReturnView = z.object({
  returnId: z.string(),
  rmaId: z.string(),
  rmaNumber: z.string(),
  orderId: z.string(),
  customer: z.string(),
  lines: z.array(ReturnLineView),
  units: z.array(ReturnUnitView),
});
export type ReturnView = z.infer<typeof ReturnView>;

/** What the returns screen shows: the open return, or nothing (scan a return label). */
export const ReturnsState = z.object({
  active: ReturnView.nullable(),
  /** The next thing to do, as a step the screen shows big. */
  next: z.enum(['scanReturn', 'scanUnit', 'chooseCondition', 'chooseDisposition', 'approveNotOnRma', 'close']),
  /** The unit the next step is about. */
  focusUnitId: z.string().nullable(),
  /** Units not on the RMA wait for a supervisor badge before the return can close. */
  awaitingApproval: z.boolean(),
});
export type ReturnsState = z.infer<typeof ReturnsState>;
