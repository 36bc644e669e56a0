/**
 * PDF printing on Windows through pdf-to-printer (SumatraPDF). Only offered on win32; elsewhere the library
 * rejects with a plain string, which this transport turns into a PrintError like every other failure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrintError, type PrinterTransport, toError } from './transport';

export interface WinPrintOptions {
  /** Windows printer name; the default printer when absent. */
  printer?: string;
  /** The running system; tests pass another to see the refusal path. */
  platform?: NodeJS.Platform;
}

interface PdfToPrinter {
  print(pdf: string, options?: { printer?: string }): Promise<void>;
  getPrinters(): Promise<Array<{ name: string }>>;
}

export function isWinPrintAvailable(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32';
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function hasFunctions(value: unknown): value is PdfToPrinter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'print' in value &&
    typeof value.print === 'function' &&
    'getPrinters' in value &&
    typeof value.getPrinters === 'function'
  );
}

async function loadPdfToPrinter(): Promise<PdfToPrinter> {
  const mod: unknown = await import('pdf-to-printer');
  // A CommonJS bundle: under ESM its functions sit on the default export.
  const api = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;
  if (!hasFunctions(api)) throw new Error('pdf-to-printer does not expose print() and getPrinters()');
  return api;
}

export function createWinPrintTransport(options: WinPrintOptions = {}): PrinterTransport {
  const target = `win:${options.printer ?? '(default printer)'}`;
  const platform = options.platform ?? process.platform;

  const failure = (reason: unknown, stage: string): PrintError => {
    const error = toError(reason);
    const unsupported = !isWinPrintAvailable(platform) || /not supported/i.test(error.message);
    return new PrintError(
      {
        code: unsupported ? 'unsupported' : 'spooler',
        target,
        mayHavePrinted: false,
        message: unsupported
          ? `Printer ${target}: Windows printing is only available on Windows (${error.message}).`
          : `Printer ${target}: ${stage} failed: ${error.message}`,
      },
      { cause: error },
    );
  };

  return {
    target,
    async send(bytes) {
      if (!isPdf(bytes)) {
        throw new PrintError({
          code: 'spooler',
          target,
          mayHavePrinted: false,
          message: `Printer ${target}: only PDF documents print through the Windows spooler.`,
        });
      }
      const dir = await mkdtemp(join(tmpdir(), 'warebench-print-'));
      const file = join(dir, 'document.pdf');
      try {
        await writeFile(file, bytes);
        const { print } = await loadPdfToPrinter();
        await print(file, options.printer ? { printer: options.printer } : {});
      } catch (reason) {
        throw failure(reason, 'printing');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return { bytes: bytes.byteLength, target };
    },
    async status() {
      let printers: Array<{ name: string }>;
      try {
        printers = await (await loadPdfToPrinter()).getPrinters();
      } catch (reason) {
        throw failure(reason, 'listing printers');
      }
      if (options.printer && !printers.some((p) => p.name === options.printer)) {
        return { ready: false, problems: [`printer "${options.printer}" is not installed`], source: 'spooler' };
      }
      return { ready: true, problems: [], source: 'spooler' };
    },
  };
}
