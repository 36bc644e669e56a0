import { z } from 'zod';
import { ResultSchema } from '../../shared/rpc';

/** Browser shell -> its core child process (Node IPC). Connection numbers are the shell's; the core maps them to sessions. */
export const ToCoreChild = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    dataDir: z.string().min(1),
    version: z.string().optional(),
    logDir: z.string().optional(),
    firstRunSetup: z.boolean().optional(),
    /** Settings from the command line and environment; the core validates them with the station config. */
    overrides: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('connect'), connection: z.number().int().nonnegative() }),
  z.object({ type: z.literal('disconnect'), connection: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('invoke'),
    connection: z.number().int().nonnegative(),
    id: z.number().int().nonnegative(),
    command: z.string().max(100),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCoreChild = z.infer<typeof ToCoreChild>;

export const EmbeddedServer = z.object({ url: z.string(), adminKey: z.string(), siteId: z.string() });

export const FromCoreChild = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), embedded: EmbeddedServer.nullable() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: ResultSchema }),
  z.object({ type: z.literal('event'), connection: z.number().int().nonnegative(), event: z.string(), payload: z.unknown() }),
]);
export type FromCoreChild = z.infer<typeof FromCoreChild>;
