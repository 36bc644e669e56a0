import { z } from 'zod';

/**
 * Command barcodes: actions a packer scans from the station's command sheet instead of tapping. They start with a
 * reserved prefix that no GTIN, SSCC or GS1 element string can start with (those are digits, `(` or `]`), and that
 * the site's order numbers and carton type codes do not use (`!` is outside the master data's id pattern).
 */
export const COMMAND_PREFIX = '!WB:';

/** The longest command barcode the station reads; anything longer is no command of ours. */
export const MAX_COMMAND_LENGTH = COMMAND_PREFIX.length + 80;

export const ScanCommandName = z.enum(['close-carton', 'next-carton', 'reprint', 'weigh', 'carton-type', 'put-down', 'cancel', 'confirm']);
export type ScanCommandName = z.infer<typeof ScanCommandName>;

/** A carton type code as the master data allows it (`Id`). */
const CartonCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:\-/]+$/);

export const ScanCommand = z.discriminatedUnion('name', [
  z.object({ name: z.literal('close-carton') }).strict(),
  z.object({ name: z.literal('next-carton') }).strict(),
  z.object({ name: z.literal('reprint') }).strict(),
  z.object({ name: z.literal('weigh') }).strict(),
  z.object({ name: z.literal('carton-type'), cartonType: CartonCode }).strict(),
  z.object({ name: z.literal('put-down') }).strict(),
  z.object({ name: z.literal('cancel') }).strict(),
  z.object({ name: z.literal('confirm') }).strict(),
]);
export type ScanCommand = z.infer<typeof ScanCommand>;

/** Commands that lose work: they ask first and act on a second scan of the same command (or of CONFIRM). */
export const DESTRUCTIVE_COMMANDS: ReadonlySet<ScanCommandName> = new Set(['put-down', 'cancel']);

export type CommandParse = { kind: 'none' } | { kind: 'command'; command: ScanCommand } | { kind: 'invalid'; text: string };

export const isCommandBarcode = (data: string): boolean => data.trim().toUpperCase().startsWith(COMMAND_PREFIX);

/**
 * Reads a scan as a command barcode: `none` when it does not carry the prefix (goods, orders, labels), `invalid`
 * when it does but names no command the station knows (a damaged or foreign sheet), else the command.
 */
export function parseCommandBarcode(data: string): CommandParse {
  const text = data.trim();
  if (!text.toUpperCase().startsWith(COMMAND_PREFIX)) return { kind: 'none' };
  const shown = text.slice(0, 40);
  if (text.length > MAX_COMMAND_LENGTH) return { kind: 'invalid', text: shown };
  const body = text.slice(COMMAND_PREFIX.length);
  const [head = '', ...rest] = body.split(':');
  const name = head.toLowerCase();
  const candidate = name === 'carton-type' ? { name, cartonType: rest.join(':') } : rest.length > 0 ? { name, extra: rest } : { name };
  const parsed = ScanCommand.safeParse(candidate);
  return parsed.success ? { kind: 'command', command: parsed.data } : { kind: 'invalid', text: shown };
}

/** The barcode text of a command, as the command sheet prints it. */
export function commandBarcode(command: ScanCommand): string {
  const head = `${COMMAND_PREFIX}${command.name.toUpperCase()}`;
  return command.name === 'carton-type' ? `${head}:${command.cartonType}` : head;
}
