import type { PrinterStatus } from '../status';

/** What one delivered job tells: how many bytes went, where, and the spooler's job id when there is one. */
export interface PrintReceipt {
  bytes: number;
  target: string;
  spoolerJob?: string;
}

/** A way to get a whole job to a printer (raw TCP, CUPS, Windows spooler, simulator). */
export interface PrinterTransport {
  /** Where jobs go, as a target string: `tcp://host:9100`, `cups:QUEUE`, `win:Printer`, `sim:name`. */
  readonly target: string;
  send(bytes: Uint8Array): Promise<PrintReceipt>;
  status(): Promise<PrinterStatus>;
}

export type PrintErrorCode =
  /** nothing listens at the address (ECONNREFUSED) */
  | 'refused'
  /** no answer in time: connect, write or status reply */
  | 'timeout'
  /** the connection broke (ECONNRESET, EPIPE) */
  | 'reset'
  /** host or network unreachable, name not found */
  | 'unreachable'
  /** the printer answered that it cannot print now (paper out, head open...) */
  | 'not-ready'
  /** the spooler (lp, Windows) refused or failed */
  | 'spooler'
  /** this transport does not exist on this system */
  | 'unsupported';

/**
 * A failed delivery. `mayHavePrinted` is the fact a print queue needs: true when some bytes may have
 * reached the printer, so sending again could print the label twice.
 */
export class PrintError extends Error {
  readonly code: PrintErrorCode;
  readonly target: string;
  readonly mayHavePrinted: boolean;
  readonly problems: readonly string[];

  constructor(
    init: { code: PrintErrorCode; target: string; mayHavePrinted: boolean; message: string; problems?: readonly string[] },
    options?: { cause?: unknown },
  ) {
    super(init.message, options);
    this.name = 'PrintError';
    this.code = init.code;
    this.target = init.target;
    this.mayHavePrinted = init.mayHavePrinted;
    this.problems = init.problems ?? [];
  }
}

/** Anything thrown or rejected (a plain string included) as an Error. */
export function toError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (typeof reason === 'string') return new Error(reason);
  return new Error(`unexpected failure: ${JSON.stringify(reason) ?? String(reason)}`);
}
