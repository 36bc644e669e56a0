import { z } from 'zod';

/** What the Sync screen and the status bar show about the link to the central server. */
export const SyncState = z.object({
  mode: z.enum(['standalone', 'enrolled']),
  online: z.boolean(),
  serverUrl: z.string().nullable(),
  queueDepth: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  initialSync: z.object({ done: z.boolean(), received: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }),
});
export type SyncState = z.infer<typeof SyncState>;

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
