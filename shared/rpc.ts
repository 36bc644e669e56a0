import { z } from 'zod';
import { Message } from './messages';

/** Error codes every command may answer with. `rule` is a business rule refusing an action. */
export const ErrorCode = z.enum([
  'bad_message',
  'unknown_command',
  'invalid_input',
  'not_signed_in',
  'forbidden',
  'not_found',
  'conflict',
  'rule',
  'device',
  'offline',
  'storage',
  'internal',
  /** Too many wrong badges or PINs: badge checks wait until the lockout ends. */
  'locked',
  /** The badge is right and the site asks for the holder's PIN on the keypad. */
  'pin_required',
  /** The connection already has as many calls waiting as it may: this one was not run; try again shortly. */
  'busy',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** `code` is the class of the error; `message` what the operator reads, as a code the screen translates. */
export const RpcError = z.object({
  code: ErrorCode,
  message: Message,
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RpcError = z.infer<typeof RpcError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcError }),
]);

/** Renderer -> core over WebSocket (the Electron IPC carries the same invoke shape). */
export const ClientMessage = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  command: z.string().min(1).max(100),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Core -> renderer. */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative().nullable(), result: ResultSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Turns zod issues into the short path/message list a person can read. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}
