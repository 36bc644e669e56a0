/**
 * The device manager's PrinterDriverFactory, built on the printer transports: raw TCP, CUPS, the Windows
 * spooler and the simulated printer. The manager owns lifecycle, retries and status display.
 */
import type { PrinterDeviceConfig } from '../config';
import { createCupsPrinterTransport } from './delivery/cups';
import { createTcpPrinterTransport, type TcpPrinterOptions } from './delivery/tcp';
import { PrintError, type PrinterTransport, type PrintReceipt } from './delivery/transport';
import { createWinPrintTransport, isWinPrintAvailable } from './delivery/windows';
import type { PrinterDriver, PrinterDriverFactory } from './driver';
import type { ZplPreviewer } from './preview';
import { createSimPrinter, type SimPrinter } from './sim-printer';
import type { PrinterStatus } from './status';

export interface PrinterDriverFactoryOptions {
  tcp?: Omit<TcpPrinterOptions, 'host' | 'port'>;
  /** CUPS server `host:port`; the system default when absent. */
  cupsServer?: string;
  /** Renders previews of what simulated printers receive. */
  previewer?: ZplPreviewer;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

export interface LabelPrinterDrivers extends PrinterDriverFactory {
  /** The simulated printer behind a `sim` device (training mode), once it was opened. */
  simPrinter(deviceId: string): SimPrinter | undefined;
}

/** A label printer driver: the manager's interface plus the transport for a print queue. */
export interface LabelPrinterDriver extends PrinterDriver {
  print(bytes: Uint8Array): Promise<PrintReceipt>;
  status(): Promise<PrinterStatus>;
  readonly transport: PrinterTransport;
}

const SILENT_PRINTER = 'no answer to a status query (~HS): out of media or ribbon, head open, or not a ZPL printer';

function driverOf(transport: PrinterTransport, status: () => Promise<PrinterStatus>): LabelPrinterDriver {
  return {
    transport,
    print: (bytes) => transport.send(bytes),
    status,
    close: async () => undefined,
  };
}

export function createPrinterDriverFactory(options: PrinterDriverFactoryOptions = {}): LabelPrinterDrivers {
  const sims = new Map<string, SimPrinter>();

  async function openTcp(config: PrinterDeviceConfig & { transport: { type: 'tcp' } }): Promise<LabelPrinterDriver> {
    const transport = createTcpPrinterTransport({ ...options.tcp, host: config.transport.host, port: config.transport.port });
    await transport.reachable();
    if (config.protocol === 'pdf') {
      return driverOf(transport, async () => {
        await transport.reachable();
        return { ready: true, problems: [], source: 'printer' };
      });
    }
    return driverOf(transport, async () => {
      try {
        return await transport.status();
      } catch (error) {
        if (error instanceof PrintError && error.code === 'timeout') return { ready: false, problems: [SILENT_PRINTER], source: 'printer' };
        throw error;
      }
    });
  }

  async function openCups(queue: string): Promise<LabelPrinterDriver> {
    const transport = createCupsPrinterTransport({ queue, ...(options.cupsServer ? { server: options.cupsServer } : {}) });
    const first = await transport.status();
    if (first.problems.some((problem) => problem.endsWith('not found'))) throw new Error(`CUPS queue ${queue} not found`);
    return driverOf(transport, () => transport.status());
  }

  async function openWin(printer: string): Promise<LabelPrinterDriver> {
    if (!isWinPrintAvailable(options.platform)) throw new Error('win-print printers are only available on Windows');
    const transport = createWinPrintTransport({ printer, ...(options.platform ? { platform: options.platform } : {}) });
    await transport.status();
    return driverOf(transport, () => transport.status());
  }

  function openSim(deviceId: string): LabelPrinterDriver {
    let sim = sims.get(deviceId);
    if (!sim) {
      sim = createSimPrinter({
        name: deviceId,
        ...(options.previewer ? { previewer: options.previewer } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      sims.set(deviceId, sim);
    }
    const printer = sim;
    return driverOf(printer, () => printer.status());
  }

  return {
    async open(config) {
      const transport = config.transport;
      switch (transport.type) {
        case 'tcp':
          return openTcp({ ...config, transport });
        case 'cups':
          return openCups(transport.queue);
        case 'win-print':
          return openWin(transport.printer);
        case 'sim':
          return openSim(config.id);
      }
    },
    simPrinter: (deviceId) => sims.get(deviceId),
  };
}
