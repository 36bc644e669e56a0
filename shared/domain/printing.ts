import { z } from 'zod';

export const PrintJobState = z.enum(['queued', 'sent', 'done', 'failed', 'uncertain']);

/** A print job as the operator sees it; `uncertain` means the label may have printed and waits for a decision. */
export const PrintJobView = z.object({
  id: z.string(),
  key: z.string(),
  state: PrintJobState,
  description: z.string(),
  error: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;
