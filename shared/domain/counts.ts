import { z } from 'zod';

/**
 * Cycle counts and inspections at receipt as the ERP sets them up: count tasks, the site's count settings and the
 * inspection plan (which items and suppliers are inspected, and with which checklist).
 */

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:\-/]+$/, 'ids use letters, digits and . _ : - /');

export const CountScope = z.enum(['location', 'item', 'lpn']);
export type CountScope = z.infer<typeof CountScope>;

/** Stock of one item (and lot) at a place: what the ledger says, or what a counter found. */
export const CountLine = z.object({
  itemId: Id,
  lot: z.string().min(1).max(20).nullable().default(null),
  qty: z.number().int().nonnegative().max(10_000_000),
});
export type CountLine = z.infer<typeof CountLine>;

/** A count the ERP asks for: a location, one item at a location, or one LPN, with the on-hand the ledger had when it was issued. */
export const CountTask = z.object({
  id: Id,
  scope: CountScope,
  location: Id,
  itemId: Id.nullable().default(null),
  lpn: z.string().min(1).max(64).nullable().default(null),
  /** Show the expected quantity to the counter; null = the site's setting. */
  blind: z.boolean().nullable().default(null),
  expected: z.array(CountLine).max(2000).default([]),
  status: z.enum(['open', 'done', 'cancelled']).default('open'),
  createdAt: z.string().datetime({ offset: true }),
});
export type CountTask = z.infer<typeof CountTask>;

/** How a site counts: blind or with the expected quantity shown, and the variance posted without a recount. */
export const CountSettings = z.object({
  blind: z.boolean().default(true),
  /** A variance within the larger of these posts as an adjustment at once; a larger one needs a recount and a badge. */
  toleranceUnits: z.number().int().nonnegative().max(100_000).default(0),
  tolerancePct: z.number().min(0).max(100).default(0),
});
export type CountSettings = z.infer<typeof CountSettings>;

export const defaultCountSettings: CountSettings = { blind: true, toleranceUnits: 0, tolerancePct: 0 };

/** One question of an inspection checklist: a pass/fail check, or a measured value with its limits. */
export const InspectionQuestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check'), id: Id, label: z.string().min(1).max(120) }),
  z.object({
    kind: z.literal('measure'),
    id: Id,
    label: z.string().min(1).max(120),
    unit: z.string().min(1).max(12),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
  }),
]);
export type InspectionQuestion = z.infer<typeof InspectionQuestion>;

/** Which receipts are inspected: items and suppliers the ERP flagged, and the checklist each unit goes through. */
export const InspectionPlan = z.object({
  items: z.array(Id).max(10_000).default([]),
  suppliers: z.array(z.string().min(1).max(200)).max(1000).default([]),
  checklist: z.array(InspectionQuestion).min(1).max(30),
});
export type InspectionPlan = z.infer<typeof InspectionPlan>;

/** A count task as the counter's list shows it. */
export const CountTaskSummary = z.object({
  id: z.string(),
  scope: CountScope,
  location: z.string(),
  sku: z.string().nullable(),
  lpn: z.string().nullable(),
  blind: z.boolean(),
  /** Units the ledger expects; null in a blind count. */
  expectedUnits: z.number().int().nullable(),
});
export type CountTaskSummary = z.infer<typeof CountTaskSummary>;

export const CountStatus = z.enum(['location', 'counting', 'recount', 'approval']);
export type CountStatus = z.infer<typeof CountStatus>;

export const CountViewLine = z.object({
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  lot: z.string().nullable(),
  counted: z.number().int().nonnegative(),
  /** Null in a blind count until a supervisor judges the variances. */
  expected: z.number().int().nonnegative().nullable(),
});
export type CountViewLine = z.infer<typeof CountViewLine>;

/** The count the station works on: where, what was found this round, and (for the supervisor) the variances. */
export const CountView = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  scope: CountScope,
  location: z.string(),
  sku: z.string().nullable(),
  lpn: z.string().nullable(),
  blind: z.boolean(),
  status: CountStatus,
  round: z.number().int().min(1).max(2),
  countedBy: z.string(),
  recountedBy: z.string().nullable(),
  lines: z.array(CountViewLine),
  /** Differences beyond the tolerance, shown when a supervisor is asked to approve them. */
  variances: z.array(
    z.object({
      sku: z.string(),
      lot: z.string().nullable(),
      expected: z.number().int(),
      counted: z.number().int(),
      delta: z.number().int(),
    }),
  ),
});
export type CountView = z.infer<typeof CountView>;
