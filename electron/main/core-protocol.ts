import { z } from 'zod';
import { ResultSchema } from '../../shared/rpc';

/** Messages between the Electron main process and the core's utility process. */
export const ToCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), id: z.number().int().nonnegative(), command: z.string().max(100), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof ToCore>;

export const FromCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), stationId: z.string() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: ResultSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type FromCore = z.infer<typeof FromCore>;
