import { z } from 'zod';
import { ResultSchema } from '../../shared/rpc';

/** What the main process tells the core before it boots: folders, launch settings and the decrypted credential. */
export const CoreInit = z.object({
  type: z.literal('init'),
  dataDir: z.string().min(1),
  logDir: z.string().min(1),
  version: z.string(),
  firstRunSetup: z.boolean(),
  /** Settings from the command line and environment; the core validates them with the station config. */
  overrides: z.record(z.string(), z.unknown()),
  /** 'keychain' when the OS can encrypt secrets (safeStorage); otherwise the credential stays in station.json (mode 0600). */
  credentialStore: z.enum(['keychain', 'config-file']),
  credential: z.string().nullable(),
});
export type CoreInit = z.infer<typeof CoreInit>;

/** Messages between the Electron main process and the core's utility process. */
export const ToCore = z.discriminatedUnion('type', [
  CoreInit,
  z.object({ type: z.literal('invoke'), id: z.number().int().nonnegative(), command: z.string().max(100), input: z.unknown() }),
  z.object({ type: z.literal('credential.saved'), id: z.number().int().nonnegative(), ok: z.boolean(), message: z.string().optional() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof ToCore>;

export const FromCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), stationId: z.string() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: ResultSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** The core enrolled (or left a server): keep this credential encrypted; null forgets it. */
  z.object({ type: z.literal('credential'), id: z.number().int().nonnegative(), credential: z.string().min(16).nullable() }),
]);
export type FromCore = z.infer<typeof FromCore>;
