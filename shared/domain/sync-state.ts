import { z } from 'zod';

/** A leased number range's stock on the station: `low` once fewer than a fifth of the offline reserve is left. */
export const NumberStockState = z.object({
  kind: z.enum(['sscc', 'lpn', 'manifest']),
  left: z.number().int().nonnegative(),
  refillBelow: z.number().int().positive(),
  low: z.boolean(),
});
export type NumberStockState = z.infer<typeof NumberStockState>;

/** What the Sync screen and the status bar show about the link to the central server. */
export const SyncState = z.object({
  mode: z.enum(['standalone', 'enrolled']),
  online: z.boolean(),
  serverUrl: z.string().nullable(),
  queueDepth: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /**
   * The first load of the site's master data (and a reload after a server reset). Until `done` the cache holds only
   * part of the site and the station says so instead of working on it; `secondsLeft` is estimated from the rate so far.
   */
  initialSync: z.object({
    done: z.boolean(),
    received: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    secondsLeft: z.number().nonnegative().nullable(),
  }),
  /** Leased SSCC/LPN/manifest numbers left on the station (none before the first lease, or without a server). */
  numbers: z.array(NumberStockState),
});
export type SyncState = z.infer<typeof SyncState>;

/** Below this many numbers of a kind the station warns (it refills online long before, at `refillBelow`). */
export function lowNumberMark(refillBelow: number): number {
  return Math.max(1, Math.ceil(refillBelow / 5));
}

export const RejectedOp = z.object({
  opId: z.string(),
  kind: z.string(),
  at: z.string(),
  operatorId: z.string(),
  code: z.string().nullable(),
  reason: z.string().nullable(),
  payload: z.unknown(),
});
export type RejectedOp = z.infer<typeof RejectedOp>;
