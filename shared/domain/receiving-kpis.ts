import { z } from 'zod';
import { ReturnDisposition } from './returns';

/** Returns received and where their units went. */
export const ReturnFigures = z.object({
  returns: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  byDisposition: z.record(ReturnDisposition, z.number().int().nonnegative()),
});
export type ReturnFigures = z.infer<typeof ReturnFigures>;

export const ReceivingFigures = z.object({
  lines: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  linesPerHour: z.number().nonnegative(),
  unitsPerHour: z.number().nonnegative(),
  /** Licence plates put away, and the mean minutes from their first scan to putaway (null: none put away yet). */
  putAway: z.number().int().nonnegative(),
  dockToStockMin: z.number().nonnegative().nullable(),
  /** Closed receipts' lines by kind of discrepancy, and damaged receipt lines. */
  discrepancies: z.object({
    over: z.number().int().nonnegative(),
    short: z.number().int().nonnegative(),
    unexpected: z.number().int().nonnegative(),
    damaged: z.number().int().nonnegative(),
  }),
  /** Share of received lines counted on the scale (0..1; 0 when nothing was received). */
  weightCountShare: z.number().min(0).max(1),
  returns: ReturnFigures,
});
export type ReceivingFigures = z.infer<typeof ReceivingFigures>;

export const ReceivingKpis = z.object({
  shiftStart: z.string(),
  shiftEnd: z.string(),
  receiver: ReceivingFigures.extend({ operatorId: z.string() }),
  shift: ReceivingFigures,
});
export type ReceivingKpis = z.infer<typeof ReceivingKpis>;
