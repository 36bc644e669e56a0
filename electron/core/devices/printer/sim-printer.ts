/**
 * Simulated label printer for training mode: keeps every job with a PNG preview of each label,
 * and can be put into a fault state (paper out, head open...) so trainees see the real prompts.
 */

import { PrintError, type PrinterTransport } from './delivery/transport';
import type { ZplPreviewer } from './preview';
import { type HostStatusFlags, type PrinterStatus, problemsOf } from './status';

export interface SimPrintJob {
  seq: number;
  at: string;
  bytes: Uint8Array;
  /** The job as text (ZPL is UTF-8 with `^CI28`). */
  text: string;
  /** One PNG per label in the job; empty without a previewer or for non-ZPL jobs. */
  previews: Uint8Array[];
}

export interface SimPrinter extends PrinterTransport {
  jobs(): readonly SimPrintJob[];
  clear(): void;
  /** Sets fault flags (training); cleared flags make the printer ready again. */
  setFlags(flags: Partial<HostStatusFlags>): void;
  /** Called after each stored job. Returns an unsubscribe function. */
  onJob(listener: (job: SimPrintJob) => void): () => void;
}

export interface SimPrinterOptions {
  name: string;
  previewer?: ZplPreviewer;
  now?: () => Date;
}

const READY_FLAGS: HostStatusFlags = {
  paperOut: false,
  paused: false,
  labelLengthDots: 1218,
  formatsInBuffer: 0,
  bufferFull: false,
  diagnosticMode: false,
  partialFormat: false,
  corruptRam: false,
  underTemperature: false,
  overTemperature: false,
  headOpen: false,
  ribbonOut: false,
  thermalTransfer: false,
  printMode: 2,
  labelWaiting: false,
  labelsRemaining: 0,
};

export function createSimPrinter(options: SimPrinterOptions): SimPrinter {
  const target = `sim:${options.name}`;
  const now = options.now ?? (() => new Date());
  const stored: SimPrintJob[] = [];
  const listeners = new Set<(job: SimPrintJob) => void>();
  let flags: HostStatusFlags = { ...READY_FLAGS };
  let seq = 0;
  const decoder = new TextDecoder();

  const currentStatus = (): PrinterStatus => {
    const problems = problemsOf(flags);
    return { ready: problems.length === 0, problems, flags: { ...flags }, source: 'sim' };
  };

  return {
    target,
    async send(bytes) {
      const status = currentStatus();
      if (!status.ready) {
        throw new PrintError({
          code: 'not-ready',
          target,
          mayHavePrinted: false,
          problems: status.problems,
          message: `Printer ${target} is not ready: ${status.problems.join(', ')}. Nothing was sent.`,
        });
      }
      const copy = Uint8Array.from(bytes);
      const text = decoder.decode(copy);
      const previews = options.previewer && text.includes('^XA') ? await options.previewer.renderAll(text) : [];
      const job: SimPrintJob = { seq: ++seq, at: now().toISOString(), bytes: copy, text, previews };
      stored.push(job);
      for (const listener of listeners) listener(job);
      return { bytes: copy.byteLength, target };
    },
    async status() {
      return currentStatus();
    },
    jobs: () => [...stored],
    clear() {
      stored.length = 0;
    },
    setFlags(changes) {
      flags = { ...flags, ...changes };
    },
    onJob(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
