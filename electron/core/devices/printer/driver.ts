import type { PrinterDeviceConfig } from '../config';
import type { PrinterStatus } from './status';

/** An open printer. */
export interface PrinterDriver {
  /** Sends one job's bytes (ZPL, PDF, ...); rejects when the printer cannot take it. */
  print(bytes: Uint8Array): Promise<unknown>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/**
 * The extension point through which the device manager opens printers: the manager owns lifecycle and
 * status, the printer module owns protocols and transports (tcp, cups, win-print, sim).
 */
export interface PrinterDriverFactory {
  /** Rejects when the printer cannot be reached; the manager retries with backoff. */
  open(config: PrinterDeviceConfig): Promise<PrinterDriver>;
}
