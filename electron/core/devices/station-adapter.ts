import type { Database } from 'better-sqlite3';
import type { DeviceStatus } from '../../../shared/domain/devices';
import type { Logger } from '../kernel/log';
import type { DeviceConfigInput } from './config';
import { createDeviceManager, type DeviceManager } from './manager';
import type { DeviceEvent, DeviceRole, PrintJobView, PrintRequest, StationDevices } from './port';
import { PrintError, type PrinterTransport } from './printer/delivery/transport';
import { createPrinterDriverFactory, type LabelPrinterDriver, type LabelPrinterDrivers } from './printer/driver-factory';
import { createZplPreviewer } from './printer/preview';
import { createPrintQueue, type PrintJob, type PrintQueue } from './printer/queue';
import { buildTestLabel } from './printer/templates/test-label';

/** Training mode with nothing mapped: a simulated scale per bench, a simulated scanner and label printer. */
export const trainingDevices: DeviceConfigInput[] = [
  { id: 'sim-scanner', kind: 'scanner', role: 'pack-scanner', label: 'Simulated scanner', transport: { type: 'sim' } },
  {
    id: 'sim-pack-scale',
    kind: 'scale',
    role: 'pack-scale',
    label: 'Simulated pack scale',
    transport: { type: 'sim' },
    unit: 'kg',
    division: 0.005,
  },
  {
    id: 'sim-dock-scale',
    kind: 'scale',
    role: 'receiving-scale',
    label: 'Simulated dock scale',
    transport: { type: 'sim' },
    unit: 'kg',
    // A counting platform scale: 2 g steps resolve a tenth of the demo's lightest weight-counted part (21.5 g bolts).
    division: 0.002,
  },
  {
    id: 'sim-label-printer',
    kind: 'printer',
    role: 'label-printer',
    label: 'Simulated label printer',
    transport: { type: 'sim' },
    protocol: 'zpl',
  },
  {
    id: 'sim-document-printer',
    kind: 'printer',
    role: 'document-printer',
    label: 'Simulated document printer',
    transport: { type: 'sim' },
    protocol: 'pdf',
  },
];

export interface StationDeviceLayer extends StationDevices {
  manager: DeviceManager;
  queue: PrintQueue;
  drivers: LabelPrinterDrivers;
}

const TARGET_PREFIX = 'role:';
/** How long `print` waits for a job to finish before answering with its state so far. */
const PRINT_WAIT_MS = 8000;

const view = (job: PrintJob): PrintJobView => ({
  id: job.id,
  key: job.key,
  state: job.state,
  description: job.description,
  attempts: job.attempts,
  createdAt: job.createdAt,
  ...(job.lastError ? { error: job.lastError } : {}),
});

/**
 * The station's devices: the device manager (scanners, scales, printers, hot plug) and a durable print
 * queue whose jobs go to whichever printer fills a role at the moment they are sent.
 */
export function createStationDevices(options: { config: unknown; db: Database; log: Logger; stationName?: string }): StationDeviceLayer {
  const previewer = createZplPreviewer();
  const drivers = createPrinterDriverFactory({ previewer });
  const manager = createDeviceManager({ config: options.config, printerDrivers: drivers, log: options.log });

  const roleOfDevice = (deviceId: string | undefined): DeviceRole | undefined => manager.list().find((d) => d.id === deviceId)?.role;

  /** A transport resolved per send: a printer that is unplugged now may be back at the next retry. */
  const transportFor = (target: string): PrinterTransport => {
    if (!target.startsWith(TARGET_PREFIX)) throw new Error(`unknown print target ${target}`);
    const role = target.slice(TARGET_PREFIX.length);
    const current = () => manager.printer(role) as LabelPrinterDriver | undefined;
    const absent = () => new PrintError({ code: 'refused', target, mayHavePrinted: false, message: `No ${role} is connected.` });
    return {
      target,
      send: async (bytes) => {
        const driver = current();
        if (!driver) throw absent();
        return driver.transport.send(bytes);
      },
      status: async () => {
        const driver = current();
        if (!driver) throw absent();
        return driver.status();
      },
    };
  };

  const queue = createPrintQueue({
    db: options.db,
    transportFor,
    backoff: { initialMs: 1000, maxMs: 30_000 },
    onError: (error) => options.log.error({ err: error }, 'print queue pass failed'),
  });
  const recovered = queue.recover();
  if (recovered > 0) options.log.warn({ recovered }, 'print jobs left half-sent by the last run are now uncertain');
  queue.start(1000);

  const waitForEnd = (id: string): Promise<PrintJob> =>
    new Promise((resolve) => {
      const settled = (job: PrintJob | undefined) => job && ['done', 'failed', 'uncertain'].includes(job.state);
      const first = queue.get(id);
      if (settled(first)) return resolve(first as PrintJob);
      const timer = setTimeout(() => {
        off();
        resolve(queue.get(id) as PrintJob);
      }, PRINT_WAIT_MS);
      const off = queue.subscribe((job) => {
        if (job.id === id && settled(job)) {
          clearTimeout(timer);
          off();
          resolve(job);
        }
      });
    });

  async function print(request: PrintRequest): Promise<PrintJobView> {
    const target = `${TARGET_PREFIX}${request.role}`;
    const payload = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
    const job = request.reprintReason
      ? queue.reprint(request.idempotencyKey, request.reprintReason, { target, payload })
      : queue.enqueue({ key: request.idempotencyKey, target, payload, description: request.description }).job;
    return view(await waitForEnd(job.id));
  }

  return {
    manager,
    queue,
    drivers,
    list: () => manager.list(),
    test: async (id) => {
      const device = manager.list().find((d) => d.id === id);
      const result = await manager.testDevice(id);
      if (!result.ok || device?.kind !== 'printer' || device.role !== 'label-printer') return { ok: result.ok, message: result.detail };
      // A label printer proves itself by printing: the test label goes through the queue like any label.
      const at = new Date();
      const job = await print({
        role: device.role,
        kind: 'zpl',
        data: buildTestLabel({ deviceId: id, stationName: options.stationName ?? 'Warebench', at }),
        idempotencyKey: `test:${id}:${at.getTime()}`,
        description: `Test label for ${id}`,
      });
      return job.state === 'done'
        ? { ok: true, message: `${result.detail}; test label printed` }
        : { ok: false, message: `test label ${job.state}${job.error ? `: ${job.error}` : ''}` };
    },
    currentWeight: (role) => manager.scale(role)?.current() ?? null,
    readStable: async (role, timeoutMs) => {
      // A scale the station already knows is gone refuses at once, saying why, instead of waiting out the timeout.
      const status = manager.list().find((d) => d.kind === 'scale' && (d.id === role || d.role === role));
      if (status && status.connection !== 'connected')
        throw new Error(
          `The scale "${status.label}" is ${status.connection}${status.detail ? ` (${status.detail})` : ''}: no weight can be taken now.`,
        );
      const scale = manager.scale(role);
      if (!scale) throw new Error(`No scale is connected for ${role}.`);
      return scale.readStable(timeoutMs);
    },
    setSimWeight: (role, valueKg, motion) => {
      try {
        manager.setSimWeight(role, { value: valueKg, unit: 'kg', motion });
        return true;
      } catch {
        return false;
      }
    },
    print,
    printJobs: (limit) => queue.list({ limit }).map(view),
    resolvePrintJob: (id, action, reason) => view(queue.resolve(id, { action, reason })),
    async previewPrintJob(id) {
      const payload = queue.payload(id);
      if (!payload) throw new Error(`No print job ${id}.`);
      const text = Buffer.from(payload).toString('utf8');
      if (!text.includes('^XA')) throw new Error('Only label (ZPL) jobs have a preview.');
      return previewer.renderAll(text);
    },
    onEvent(listener: (event: DeviceEvent) => void) {
      const offs = [
        manager.on('scan', (scan) => listener({ type: 'scan', scan, role: roleOfDevice(scan.deviceId) ?? 'scanner' })),
        manager.on('scale.reading', (reading) =>
          listener({ type: 'scale.reading', reading, role: roleOfDevice(reading.deviceId) ?? 'scale' }),
        ),
        manager.on('device.status', (status: DeviceStatus) => listener({ type: 'device.status', status })),
        queue.subscribe((job) => listener({ type: 'print.job', job: view(job) })),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
    async close() {
      await queue.stop();
      await manager.close();
    },
  };
}
