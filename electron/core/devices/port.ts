import type { DeviceStatus, ScanEvent, WeightReading } from '../../../shared/domain/devices';

/** Which device fills a role at this station, as workflows ask for them. */
export type DeviceRole =
  | 'receiving-scanner'
  | 'pack-scanner'
  | 'receiving-scale'
  | 'pack-scale'
  | 'label-printer'
  | 'document-printer'
  | (string & {});

export interface PrintRequest {
  role: DeviceRole;
  /** Raw printer language (ZPL) or a PDF document. */
  kind: 'zpl' | 'pdf';
  data: Uint8Array | string;
  /** Same key, same label: enqueueing it again does not print twice unless `reprintReason` is given. */
  idempotencyKey: string;
  reprintReason?: string;
  description: string;
}

export type PrintJobView = import('../../../shared/domain/printing').PrintJobView;

export type DeviceEvent =
  | { type: 'scan'; scan: ScanEvent; role: DeviceRole }
  | { type: 'scale.reading'; reading: WeightReading; role: DeviceRole }
  | { type: 'device.status'; status: DeviceStatus }
  | { type: 'print.job'; job: PrintJobView };

/** What the station core needs of its devices; the device manager provides it. */
export interface StationDevices {
  list(): DeviceStatus[];
  test(id: string): Promise<{ ok: boolean; message: string }>;
  currentWeight(role: DeviceRole): WeightReading | null;
  /** Waits for a stable reading (the settle rule), or rejects with a reason after `timeoutMs`. */
  readStable(role: DeviceRole, timeoutMs: number): Promise<WeightReading>;
  setSimWeight(role: DeviceRole, valueKg: number, motion: boolean): boolean;
  print(request: PrintRequest): Promise<PrintJobView>;
  printJobs(limit: number): PrintJobView[];
  /** The operator's call on an uncertain or failed job: print it again, or close it as done. */
  resolvePrintJob(id: string, action: 'reprint' | 'done', reason: string): PrintJobView;
  /** PNG images of a job's labels (ZPL jobs only). */
  previewPrintJob(id: string): Promise<Uint8Array[]>;
  onEvent(listener: (event: DeviceEvent) => void): () => void;
  close(): Promise<void>;
}

/** A station without devices (tests of workflows that take scans and weights through the contract). */
export function noDevices(): StationDevices {
  return {
    list: () => [],
    test: async (id) => ({ ok: false, message: `No device "${id}" is configured.` }),
    currentWeight: () => null,
    readStable: async (role) => {
      throw new Error(`No scale is configured for ${role}.`);
    },
    setSimWeight: () => false,
    print: async (request) => ({
      id: request.idempotencyKey,
      key: request.idempotencyKey,
      state: 'failed',
      description: request.description,
      error: `No printer is configured for ${request.role}.`,
      attempts: 0,
      createdAt: new Date(0).toISOString(),
    }),
    printJobs: () => [],
    resolvePrintJob: (id) => {
      throw new Error(`No print job ${id}.`);
    },
    previewPrintJob: async (id) => {
      throw new Error(`No print job ${id}.`);
    },
    onEvent: () => () => undefined,
    close: async () => undefined,
  };
}
