/**
 * Printer target strings, as site config and the CLI write them:
 *   tcp://HOST[:PORT]   raw TCP (port 9100 when absent)
 *   cups:QUEUE          a CUPS queue, raw
 *   win:[PRINTER]       Windows spooler, PDFs only (Windows only)
 *   sim:NAME            the simulated printer (training mode)
 */
import { CUPS_QUEUE_NAME, createCupsPrinterTransport } from './delivery/cups';
import { createTcpPrinterTransport, RAW_PRINT_PORT, type TcpPrinterOptions } from './delivery/tcp';
import type { PrinterTransport } from './delivery/transport';
import { createWinPrintTransport, isWinPrintAvailable } from './delivery/windows';
import type { SimPrinter } from './sim-printer';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'cups'; queue: string }
  | { kind: 'win'; printer?: string }
  | { kind: 'sim'; name: string };

export class PrinterTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrinterTargetError';
  }
}

const FORMS = 'tcp://HOST:PORT, cups:QUEUE, win:PRINTER or sim:NAME';

export function parsePrinterTarget(text: string): PrinterTarget {
  const value = text.trim();
  if (value.startsWith('tcp://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new PrinterTargetError(`"${text}" is not a valid tcp:// address; use tcp://HOST:PORT`);
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!host || url.pathname.replace(/^\/$/, '') || url.search || url.username) {
      throw new PrinterTargetError(`"${text}" is not a valid tcp:// address; use tcp://HOST:PORT`);
    }
    return { kind: 'tcp', host, port: url.port ? Number(url.port) : RAW_PRINT_PORT };
  }
  if (value.startsWith('cups:')) {
    const queue = value.slice('cups:'.length);
    if (!CUPS_QUEUE_NAME.test(queue)) throw new PrinterTargetError(`"${queue}" is not a CUPS queue name (no spaces, "/", "#" or quotes)`);
    return { kind: 'cups', queue };
  }
  if (value.startsWith('win:')) {
    const printer = value.slice('win:'.length).trim();
    return printer ? { kind: 'win', printer } : { kind: 'win' };
  }
  if (value.startsWith('sim:')) {
    const name = value.slice('sim:'.length).trim();
    if (!name) throw new PrinterTargetError('a simulated printer needs a name: sim:NAME');
    return { kind: 'sim', name };
  }
  throw new PrinterTargetError(`"${text}" is not a printer target; use ${FORMS}`);
}

export function formatPrinterTarget(target: PrinterTarget): string {
  switch (target.kind) {
    case 'tcp':
      return `tcp://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    case 'cups':
      return `cups:${target.queue}`;
    case 'win':
      return `win:${target.printer ?? ''}`;
    case 'sim':
      return `sim:${target.name}`;
  }
}

export interface OpenTargetOptions {
  tcp?: Omit<TcpPrinterOptions, 'host' | 'port'>;
  /** CUPS server `host:port`; the system default when absent. */
  cupsServer?: string;
  /** Simulated printers by name (training mode). */
  simPrinter?: (name: string) => SimPrinter | undefined;
  platform?: NodeJS.Platform;
}

export function openPrinterTarget(target: PrinterTarget, options: OpenTargetOptions = {}): PrinterTransport {
  switch (target.kind) {
    case 'tcp':
      return createTcpPrinterTransport({ ...options.tcp, host: target.host, port: target.port });
    case 'cups':
      return createCupsPrinterTransport({ queue: target.queue, ...(options.cupsServer ? { server: options.cupsServer } : {}) });
    case 'win':
      if (!isWinPrintAvailable(options.platform)) {
        throw new PrinterTargetError('win: printers are only available on Windows; use cups:QUEUE or tcp://HOST:PORT here');
      }
      return createWinPrintTransport(target.printer ? { printer: target.printer } : {});
    case 'sim': {
      const sim = options.simPrinter?.(target.name);
      if (!sim) throw new PrinterTargetError(`no simulated printer named "${target.name}" (training mode off?)`);
      return sim;
    }
  }
}
