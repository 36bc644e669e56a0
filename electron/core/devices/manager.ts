import { type BackoffPolicy, backoffDelay } from '../../../shared/backoff';
import {
  type DeviceConnection,
  DeviceStatus,
  type DeviceTestResult,
  type ScanEvent,
  type WeightReading,
} from '../../../shared/domain/devices';
import { type Cancel, type Clock, isoAt, systemClock } from '../kernel/clock';
import { type Logger, silentLogger } from '../kernel/log';
import { type DeviceConfig, type PrinterDeviceConfig, parseDevicesConfig, scaleProtocolOf, scannerProtocolOf } from './config';
import { createEmitter, type Listener } from './emitter';
import { createDeviceTransport } from './io/factory';
import type { SimPeer } from './io/sim';
import { type ByteTransport, TransportError, toTransportError } from './io/transport';
import type { PrinterDriver, PrinterDriverFactory } from './printer/driver';
import { scaleProtocol } from './scale/protocols';
import { createScale, type Scale } from './scale/scale';
import { createSimScale, type SimScale, type SimWeight } from './scale/sim-scale';
import { createScanner, type Scanner } from './scanner/scanner';
import { createSimScanner, type SimScanner } from './scanner/sim-scanner';

export interface DeviceManagerEvents {
  scan: ScanEvent;
  /** A reading of a scale; `deviceId` names the scale. */
  'scale.reading': WeightReading;
  'device.status': DeviceStatus;
}

export interface DeviceManagerOptions {
  /** The device list (validated here; an invalid one throws a DeviceConfigError). */
  config: unknown;
  clock?: Clock;
  log?: Logger;
  /** Opens printers; without it printers are listed as disabled. */
  printerDrivers?: PrinterDriverFactory;
  /** Reconnect delays after a device vanished or failed to open. */
  backoff?: Partial<BackoffPolicy>;
  /** Random source for backoff jitter (0 ≤ x < 1). */
  random?: () => number;
  /** How often to ask open printers for their status (default 30 s; 0 = only on open and test). */
  printerStatusIntervalMs?: number;
}

export interface DeviceManager {
  list(): DeviceStatus[];
  /** Resolves once every device had its first attempt to open (whether it succeeded or not). */
  ready(): Promise<void>;
  /** Applies a new device list: unchanged devices stay open, changed ones reopen. Invalid config changes nothing. */
  reconfigure(config: unknown): Promise<void>;
  /** The scale with this id, or the first one with this role. */
  scale(idOrRole: string): Scale | undefined;
  /** The open printer with this id or role. */
  printer(idOrRole: string): PrinterDriver | undefined;
  testDevice(id: string): Promise<DeviceTestResult>;
  /** Simulated scanners only: sends a scan through the scanner's framing, as if scanned. */
  injectScan(idOrRole: string, data: string, aimId?: string): void;
  /** Simulated scales only: puts a weight on the platter. */
  setSimWeight(idOrRole: string, weight: SimWeight): void;
  /** Simulated scanners and scales only: pulls (false) or plugs back (true) the simulated cable. */
  setSimConnected(idOrRole: string, connected: boolean): void;
  on<K extends keyof DeviceManagerEvents>(event: K, listener: Listener<DeviceManagerEvents[K]>): () => void;
  close(): Promise<void>;
}

interface Slot {
  config: DeviceConfig;
  status: DeviceStatus;
  closing: boolean;
  attempt: number;
  cancelRetry?: Cancel;
  cancelStatusPoll?: Cancel;
  firstAttempt: Promise<void>;
  transport?: ByteTransport;
  scale?: Scale;
  scanner?: Scanner;
  simScale?: SimScale;
  simScanner?: SimScanner;
  simPeer?: SimPeer;
  printer?: PrinterDriver;
}

function title(role: string): string {
  const text = role.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function transportText(config: DeviceConfig, transport: ByteTransport | undefined): string {
  const t = config.transport;
  switch (t.type) {
    case 'serial':
      return `serial ${transport?.label ?? t.path}`;
    case 'hid':
      return transport?.label ?? 'hid';
    case 'sim':
      return 'sim';
    case 'tcp':
      return `tcp ${t.host}:${t.port}`;
    case 'cups':
      return `cups ${t.queue}`;
    case 'win-print':
      return `win-print ${t.printer}`;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** Decodes "\x07", "\r", "\n", "\t", "\\" in a configured test command. */
function unescapeCommand(text: string): Uint8Array {
  const decoded = text.replace(/\\(x[0-9a-fA-F]{2}|r|n|t|\\)/g, (_, code: string) => {
    if (code === 'r') return '\r';
    if (code === 'n') return '\n';
    if (code === 't') return '\t';
    if (code === '\\') return '\\';
    return String.fromCharCode(Number.parseInt(code.slice(1), 16));
  });
  return Uint8Array.from(decoded, (ch) => ch.charCodeAt(0) & 0xff);
}

const TEST_SCAN = 'WAREBENCH-TEST';

/**
 * Opens and watches the station's devices. A device that vanishes goes `disconnected` and is reopened
 * with exponential backoff until it is back; scans, readings and status changes come out as events.
 */
export function createDeviceManager(options: DeviceManagerOptions): DeviceManager {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger();
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? {};
  const events = createEmitter<DeviceManagerEvents>({
    onListenerError: (error, event) => log.error({ err: error, event: String(event) }, 'device event listener failed'),
  });
  const slots = new Map<string, Slot>();
  let order: string[] = [];
  let closed = false;

  const setStatus = (slot: Slot, connection: DeviceConnection, detail?: string): void => {
    const previous = slot.status;
    if (previous.connection === connection && previous.detail === detail) return;
    const next: DeviceStatus = {
      ...previous,
      transport: transportText(slot.config, slot.transport),
      connection,
      since: previous.connection === connection ? previous.since : isoAt(clock),
    };
    if (detail === undefined) delete next.detail;
    else next.detail = detail;
    slot.status = DeviceStatus.parse(next);
    if (previous.connection !== connection) log.info({ deviceId: slot.config.id, connection, detail }, 'device status');
    events.emit('device.status', slot.status);
  };

  const scheduleRetry = (slot: Slot, error: TransportError, connect: (slot: Slot) => Promise<void>): void => {
    if (slot.closing) return;
    const delay = backoffDelay(slot.attempt, backoff, random);
    slot.attempt += 1;
    const connection: DeviceConnection = error.failure === 'absent' || error.failure === 'closed' ? 'disconnected' : 'error';
    setStatus(slot, connection, `${error.message}; retrying in ${formatDelay(delay)}`);
    slot.cancelRetry?.();
    slot.cancelRetry = clock.schedule(delay, () => {
      slot.cancelRetry = undefined;
      void connect(slot);
    });
  };

  const connectByteDevice = async (slot: Slot): Promise<void> => {
    const transport = slot.transport;
    if (slot.closing || !transport) return;
    setStatus(slot, 'connecting', slot.attempt > 0 ? `reconnecting (attempt ${slot.attempt + 1})` : undefined);
    try {
      await transport.open();
    } catch (error) {
      log.debug({ deviceId: slot.config.id, err: error }, 'device open failed');
      scheduleRetry(slot, toTransportError(error, transport.label), connectByteDevice);
      return;
    }
    if (slot.closing) {
      await transport.close();
      return;
    }
    slot.attempt = 0;
    setStatus(slot, 'connected');
    slot.scanner?.reset();
    slot.scale?.start();
  };

  const printerStatusIntervalMs = options.printerStatusIntervalMs ?? 30_000;

  const pollPrinterStatus = (slot: Slot): void => {
    if (printerStatusIntervalMs <= 0 || slot.closing) return;
    slot.cancelStatusPoll = clock.schedule(printerStatusIntervalMs, () => {
      void refreshPrinter(slot).then(() => pollPrinterStatus(slot));
    });
  };

  const refreshPrinter = async (slot: Slot): Promise<void> => {
    const printer = slot.printer;
    if (!printer) return;
    try {
      const status = await printer.status();
      if (!slot.closing)
        setStatus(slot, status.ready ? 'connected' : 'error', status.ready ? undefined : status.problems.join(', ') || 'not ready');
    } catch (error) {
      if (!slot.closing) setStatus(slot, 'error', error instanceof Error ? error.message : String(error));
    }
  };

  const connectPrinter = async (slot: Slot): Promise<void> => {
    if (slot.closing) return;
    if (!options.printerDrivers) {
      setStatus(slot, 'disabled', 'no printer driver installed');
      return;
    }
    setStatus(slot, 'connecting', slot.attempt > 0 ? `reconnecting (attempt ${slot.attempt + 1})` : undefined);
    try {
      const driver = await options.printerDrivers.open(slot.config as PrinterDeviceConfig);
      if (slot.closing) {
        await driver.close();
        return;
      }
      slot.printer = driver;
      slot.attempt = 0;
    } catch (error) {
      scheduleRetry(slot, toTransportError(error, transportText(slot.config, undefined)), connectPrinter);
      return;
    }
    await refreshPrinter(slot);
    pollPrinterStatus(slot);
  };

  const buildByteDevice = (slot: Slot): void => {
    const config = slot.config;
    if (config.kind === 'printer') return;
    const { transport, peer } = createDeviceTransport(config, clock);
    slot.transport = transport;
    if (peer) slot.simPeer = peer;
    transport.on('close', ({ error }) => {
      slot.scale?.stop();
      if (slot.closing) return;
      log.warn({ deviceId: config.id, err: error }, 'device lost');
      scheduleRetry(
        slot,
        error instanceof TransportError ? error : new TransportError('absent', `${transport.label} closed`),
        connectByteDevice,
      );
    });
    if (config.kind === 'scanner') {
      const scanner = createScanner({
        transport,
        protocol: scannerProtocolOf(config),
        clock,
        deviceId: config.id,
        ...(config.framing ? { framing: config.framing } : {}),
      });
      scanner.on('scan', (scan) => events.emit('scan', scan));
      scanner.on('invalid', ({ reason }) => log.debug({ deviceId: config.id, reason }, 'scan input dropped'));
      slot.scanner = scanner;
      if (peer) slot.simScanner = createSimScanner(peer);
      return;
    }
    const scale = createScale({
      transport,
      protocol: scaleProtocol(scaleProtocolOf(config), {
        ...(config.unit ? { defaultUnit: config.unit } : {}),
        ...(config.checksum === undefined ? {} : { checksum: config.checksum }),
      }),
      clock,
      deviceId: config.id,
      ...(config.pollIntervalMs ? { pollIntervalMs: config.pollIntervalMs } : {}),
      settle: { ...config.settle, ...(config.division ? { division: config.division } : {}) },
    });
    scale.on('reading', (reading) => events.emit('scale.reading', reading));
    scale.on('invalid', ({ reason }) => log.debug({ deviceId: config.id, reason }, 'scale frame dropped'));
    scale.on('responsive', (responsive) => {
      if (slot.closing || transport.state !== 'open') return;
      if (responsive) setStatus(slot, 'connected');
      else setStatus(slot, 'error', 'connected, but the scale does not answer: check baud rate, parity and cable');
    });
    slot.scale = scale;
    if (peer)
      slot.simScale = createSimScale(peer, clock, {
        ...(config.unit ? { unit: config.unit } : {}),
        ...(config.division ? { division: config.division } : {}),
      });
  };

  const addSlot = (config: DeviceConfig): void => {
    const slot: Slot = {
      config,
      closing: false,
      attempt: 0,
      firstAttempt: Promise.resolve(),
      status: DeviceStatus.parse({
        id: config.id,
        role: config.role,
        kind: config.kind,
        transport: transportText(config, undefined),
        label: config.label ?? title(config.role),
        connection: config.enabled ? 'connecting' : 'disabled',
        since: isoAt(clock),
      }),
    };
    slots.set(config.id, slot);
    if (!config.enabled) return;
    if (config.kind === 'printer') {
      slot.firstAttempt = connectPrinter(slot);
      return;
    }
    buildByteDevice(slot);
    slot.status = { ...slot.status, transport: transportText(config, slot.transport) };
    slot.firstAttempt = connectByteDevice(slot);
  };

  const closeSlot = async (slot: Slot): Promise<void> => {
    slot.closing = true;
    slot.cancelRetry?.();
    slot.cancelStatusPoll?.();
    slot.scale?.stop();
    await slot.firstAttempt.catch(() => undefined);
    await slot.transport?.close().catch(() => undefined);
    await slot.printer?.close().catch(() => undefined);
    slot.printer = undefined;
  };

  const find = (idOrRole: string, kind?: DeviceConfig['kind']): Slot | undefined => {
    const byId = slots.get(idOrRole);
    if (byId && (!kind || byId.config.kind === kind)) return byId;
    for (const id of order) {
      const slot = slots.get(id);
      if (slot && slot.config.role === idOrRole && slot.config.enabled && (!kind || slot.config.kind === kind)) return slot;
    }
    return undefined;
  };

  const apply = (devices: DeviceConfig[]): void => {
    for (const device of devices) if (!slots.has(device.id)) addSlot(device);
    order = devices.map((device) => device.id);
  };

  apply(parseDevicesConfig(options.config));

  const testScanner = async (slot: Slot): Promise<DeviceTestResult> => {
    const config = slot.config;
    if (config.kind !== 'scanner') throw new Error('not a scanner');
    if (slot.simScanner) {
      const simScanner = slot.simScanner;
      const scan = await new Promise<ScanEvent | undefined>((resolve) => {
        const off = events.on('scan', (event) => {
          if (event.deviceId !== config.id || event.data !== TEST_SCAN) return;
          off();
          cancel();
          resolve(event);
        });
        const cancel = clock.schedule(2000, () => {
          off();
          resolve(undefined);
        });
        simScanner.scan(TEST_SCAN);
      });
      return scan
        ? { ok: true, detail: 'test scan went through the scanner path', scan }
        : { ok: false, detail: 'test scan did not arrive' };
    }
    if (config.testCommand && slot.transport) {
      await slot.transport.write(unescapeCommand(config.testCommand));
      return { ok: true, detail: 'test command sent: the scanner should beep' };
    }
    return { ok: true, detail: 'connected; scan a barcode to see it arrive' };
  };

  return {
    list: () =>
      order.flatMap((id) => {
        const slot = slots.get(id);
        return slot ? [slot.status] : [];
      }),
    async ready() {
      await Promise.all([...slots.values()].map((slot) => slot.firstAttempt.catch(() => undefined)));
    },
    async reconfigure(config) {
      if (closed) throw new Error('device manager is closed');
      const next = parseDevicesConfig(config);
      const wanted = new Map(next.map((device) => [device.id, device]));
      for (const [id, slot] of slots) {
        const replacement = wanted.get(id);
        if (replacement && JSON.stringify(replacement) === JSON.stringify(slot.config)) continue;
        slots.delete(id);
        await closeSlot(slot);
      }
      apply(next);
    },
    scale: (idOrRole) => find(idOrRole, 'scale')?.scale,
    printer: (idOrRole) => find(idOrRole, 'printer')?.printer,
    async testDevice(id) {
      const slot = slots.get(id);
      if (!slot) return { ok: false, detail: `no device "${id}"` };
      if (slot.status.connection === 'disabled') return { ok: false, detail: slot.status.detail ?? 'device is disabled' };
      if (slot.config.kind === 'printer') {
        if (!slot.printer) return { ok: false, detail: slot.status.detail ?? 'printer not connected' };
        await refreshPrinter(slot);
        return { ok: slot.status.connection === 'connected', detail: slot.status.detail ?? 'printer ready' };
      }
      if (slot.transport?.state !== 'open') return { ok: false, detail: slot.status.detail ?? 'not connected' };
      try {
        if (slot.config.kind === 'scanner') return await testScanner(slot);
        const reading = await slot.scale?.readNext(3000);
        if (!reading) return { ok: false, detail: 'no scale' };
        return { ok: true, detail: `${reading.value} ${reading.unit} (${reading.status}${reading.stable ? ', stable' : ''})`, reading };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    injectScan(idOrRole, data, aimId) {
      const slot = find(idOrRole, 'scanner');
      if (!slot?.simScanner) throw new Error(`"${idOrRole}" is not a simulated scanner`);
      if (slot.transport?.state !== 'open') throw new Error(`simulated scanner "${slot.config.id}" is not connected`);
      slot.simScanner.scan(data, aimId);
    },
    setSimWeight(idOrRole, weight) {
      const slot = find(idOrRole, 'scale');
      if (!slot?.simScale) throw new Error(`"${idOrRole}" is not a simulated scale`);
      slot.simScale.setWeight(weight);
    },
    setSimConnected(idOrRole, connected) {
      const slot = slots.get(idOrRole) ?? find(idOrRole);
      if (!slot?.simPeer) throw new Error(`"${idOrRole}" is not a simulated device`);
      if (connected) slot.simPeer.plug();
      else slot.simPeer.unplug('simulated cable pulled');
    },
    on: events.on,
    async close() {
      if (closed) return;
      closed = true;
      const all = [...slots.values()];
      slots.clear();
      order = [];
      await Promise.all(all.map(closeSlot));
      events.removeAll();
    },
  };
}
