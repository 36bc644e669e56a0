import { z } from 'zod';

/** Flags of a Zebra `~HS` host status reply (strings 1 and 2). */
export const HostStatusFlags = z.object({
  paperOut: z.boolean(),
  paused: z.boolean(),
  labelLengthDots: z.number().int().nonnegative(),
  formatsInBuffer: z.number().int().nonnegative(),
  bufferFull: z.boolean(),
  diagnosticMode: z.boolean(),
  partialFormat: z.boolean(),
  corruptRam: z.boolean(),
  underTemperature: z.boolean(),
  overTemperature: z.boolean(),
  headOpen: z.boolean(),
  ribbonOut: z.boolean(),
  thermalTransfer: z.boolean(),
  printMode: z.number().int().nonnegative(),
  labelWaiting: z.boolean(),
  labelsRemaining: z.number().int().nonnegative(),
});
export type HostStatusFlags = z.infer<typeof HostStatusFlags>;

/** What the station shows about a printer: ready or not, and why not in words an operator acts on. */
export const PrinterStatus = z.object({
  ready: z.boolean(),
  /** Human readable: "paper out", "print head open", ... Empty when ready. */
  problems: z.array(z.string()),
  /** Raw `~HS` flags when the status came from the printer itself. */
  flags: HostStatusFlags.optional(),
  /** Where the status came from: the printer (`~HS`), the spooler (`lpstat`), or the simulator. */
  source: z.enum(['printer', 'spooler', 'sim']),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** Problems in the order an operator should deal with them. */
export function problemsOf(flags: HostStatusFlags): string[] {
  const problems: string[] = [];
  if (flags.headOpen) problems.push('print head open');
  if (flags.paperOut) problems.push('paper out');
  if (flags.ribbonOut) problems.push('ribbon out');
  if (flags.overTemperature) problems.push('print head too hot');
  if (flags.underTemperature) problems.push('print head too cold');
  if (flags.paused) problems.push('paused');
  if (flags.bufferFull) problems.push('receive buffer full');
  if (flags.corruptRam) problems.push('configuration lost (corrupt RAM)');
  if (flags.labelWaiting) problems.push('label waiting to be taken');
  return problems;
}

export function statusFromFlags(flags: HostStatusFlags): PrinterStatus {
  const problems = problemsOf(flags);
  return { ready: problems.length === 0, problems, flags, source: 'printer' };
}
