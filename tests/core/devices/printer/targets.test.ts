import { describe, expect, it } from 'vitest';
import { PrintError } from '../../../../electron/core/devices/printer/delivery/transport';
import { createWinPrintTransport, isWinPrintAvailable } from '../../../../electron/core/devices/printer/delivery/windows';
import { createSimPrinter } from '../../../../electron/core/devices/printer/sim-printer';
import {
  formatPrinterTarget,
  openPrinterTarget,
  PrinterTargetError,
  parsePrinterTarget,
} from '../../../../electron/core/devices/printer/targets';

describe('printer targets', () => {
  it('parses tcp, cups, win and sim targets', () => {
    expect(parsePrinterTarget('tcp://10.0.0.5:9101')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9101 });
    expect(parsePrinterTarget('tcp://zebra-dock-1')).toEqual({ kind: 'tcp', host: 'zebra-dock-1', port: 9100 });
    expect(parsePrinterTarget('tcp://[::1]:9100')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
    expect(parsePrinterTarget('cups:WB_TEST')).toEqual({ kind: 'cups', queue: 'WB_TEST' });
    expect(parsePrinterTarget('win:Office Laser')).toEqual({ kind: 'win', printer: 'Office Laser' });
    expect(parsePrinterTarget('win:')).toEqual({ kind: 'win' });
    expect(parsePrinterTarget('sim:bench-1')).toEqual({ kind: 'sim', name: 'bench-1' });
  });

  it('writes targets back the way it reads them', () => {
    for (const text of ['tcp://10.0.0.5:9101', 'tcp://[::1]:9100', 'cups:WB_TEST', 'win:Office Laser', 'sim:bench-1']) {
      expect(formatPrinterTarget(parsePrinterTarget(text))).toBe(text);
    }
  });

  it('refuses what is not a target, with the forms it takes', () => {
    expect(() => parsePrinterTarget('lpt1')).toThrow(/tcp:\/\/HOST:PORT, cups:QUEUE/);
    expect(() => parsePrinterTarget('tcp://host:99999')).toThrow(PrinterTargetError);
    expect(() => parsePrinterTarget('tcp://host:9100/path')).toThrow(PrinterTargetError);
    expect(() => parsePrinterTarget('cups:-o')).toThrow(/not a CUPS queue name/);
    expect(() => parsePrinterTarget('sim:')).toThrow(/needs a name/);
  });

  it('opens simulated printers only when training mode provides them', () => {
    const sim = createSimPrinter({ name: 'bench-1' });
    expect(openPrinterTarget({ kind: 'sim', name: 'bench-1' }, { simPrinter: (name) => (name === 'bench-1' ? sim : undefined) })).toBe(sim);
    expect(() => openPrinterTarget({ kind: 'sim', name: 'bench-2' })).toThrow(/no simulated printer/);
  });
});

describe('Windows spooler printing', () => {
  it('is only selectable on win32', () => {
    expect(isWinPrintAvailable('win32')).toBe(true);
    expect(isWinPrintAvailable('linux')).toBe(false);
    expect(() => openPrinterTarget({ kind: 'win', printer: 'Office Laser' }, { platform: 'linux' })).toThrow(/only available on Windows/);
  });

  it.skipIf(process.platform === 'win32')('turns the plain-string rejection of pdf-to-printer into an Error', async () => {
    const transport = createWinPrintTransport({ printer: 'Office Laser' });
    const error = await transport.send(new TextEncoder().encode('%PDF-1.7\n%%EOF\n')).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({ code: 'unsupported', mayHavePrinted: false });
    expect(error instanceof Error ? error.cause : undefined).toBeInstanceOf(Error);
    expect(error instanceof Error && error.cause instanceof Error ? error.cause.message : '').toBe('Operating System not supported');
    const statusError = await transport.status().catch((reason: unknown) => reason);
    expect(statusError).toMatchObject({ code: 'unsupported' });
  });

  it('takes PDFs only', async () => {
    const error = await createWinPrintTransport({ platform: 'win32' })
      .send(new TextEncoder().encode('^XA^XZ'))
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'spooler', mayHavePrinted: false });
    expect(error instanceof Error ? error.message : '').toMatch(/only PDF documents/);
  });
});
