import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConfigError, type PrinterDeviceConfig } from '../../../electron/core/devices/config';
import { createDeviceManager, type DeviceManager } from '../../../electron/core/devices/manager';
import type { PrinterDriverFactory } from '../../../electron/core/devices/printer/driver';
import type { PrinterStatus } from '../../../electron/core/devices/printer/status';
import { createStationDevices } from '../../../electron/core/devices/station-adapter';
import { silentLogger } from '../../../electron/core/kernel/log';
import { openStationDatabase } from '../../../electron/core/storage/open';
import type { DeviceStatus, ScanEvent, WeightReading } from '../../../shared/domain/devices';
import { waitForEvent } from '../../support/devices/peer';

const simScanner = { id: 'pack-scanner', kind: 'scanner', role: 'pack-scanner', transport: { type: 'sim' } } as const;
const simScale = {
  id: 'pack-scale',
  kind: 'scale',
  role: 'pack-scale',
  transport: { type: 'sim' },
  pollIntervalMs: 20,
  settle: { windowMs: 50 },
} as const;

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.close();
  manager = undefined;
});

const statusOf = (m: DeviceManager, id: string) => m.list().find((status) => status.id === id);
const nextStatus = (m: DeviceManager, id: string, wanted: (status: DeviceStatus) => boolean) =>
  waitForEvent<DeviceStatus, DeviceStatus>(
    (listener) => m.on('device.status', listener),
    (status) => (status.id === id && wanted(status) ? status : undefined),
  );
const nextReading = (m: DeviceManager, wanted: (reading: WeightReading) => boolean) =>
  waitForEvent<WeightReading, WeightReading>(
    (listener) => m.on('scale.reading', listener),
    (reading) => (wanted(reading) ? reading : undefined),
  );

describe('device manager with simulated devices', () => {
  it('opens the simulators and lists them as connected', async () => {
    manager = createDeviceManager({ config: [simScanner, simScale] });
    await manager.ready();
    expect(manager.list()).toMatchObject([
      { id: 'pack-scanner', role: 'pack-scanner', kind: 'scanner', transport: 'sim', label: 'Pack scanner', connection: 'connected' },
      { id: 'pack-scale', kind: 'scale', connection: 'connected' },
    ]);
  });

  it('delivers injected scans through the scanner path', async () => {
    manager = createDeviceManager({ config: [simScanner] });
    await manager.ready();
    const m = manager;
    const scan = waitForEvent<ScanEvent, ScanEvent>(
      (listener) => m.on('scan', listener),
      (event) => event,
    );
    m.injectScan('pack-scanner', '0109506000134352\x1d10LOT1', ']C1');
    expect(await scan).toMatchObject({
      data: '0109506000134352\x1d10LOT1',
      aimId: ']C1',
      symbology: 'gs1-128',
      source: 'sim',
      deviceId: 'pack-scanner',
    });
    expect(() => m.injectScan('pack-scanner', 'a\r\nb')).toThrow(/CR or LF/);
  });

  it('streams readings of the simulated scale, motion first, then a settled weight', async () => {
    manager = createDeviceManager({ config: [simScale] });
    await manager.ready();
    const m = manager;
    const motion = nextReading(m, (reading) => reading.status === 'motion');
    m.setSimWeight('pack-scale', { value: 1.2, unit: 'kg', motion: 200 });
    expect(await motion).toMatchObject({ stable: false, deviceId: 'pack-scale' });
    const stable = await m.scale('pack-scale')!.readStable(5000);
    expect(stable).toMatchObject({ value: 1.2, unit: 'kg', stable: true, status: 'ok', deviceId: 'pack-scale' });
    expect(() => m.setSimWeight('pack-scale', { value: Number.NaN })).toThrow(/invalid simulated weight/);
  });

  it('zeroes and tares the simulated scale through MT-SICS', async () => {
    manager = createDeviceManager({ config: [simScale] });
    await manager.ready();
    const m = manager;
    m.setSimWeight('pack-scale', { value: 0.3 });
    await m.scale('pack-scale')!.zero();
    expect(await nextReading(m, (reading) => reading.value === 0 && reading.stable)).toMatchObject({ status: 'ok' });
    m.setSimWeight('pack-scale', { value: 0.8 });
    await m.scale('pack-scale')!.tare();
    m.setSimWeight('pack-scale', { value: 1.8 });
    expect(await nextReading(m, (reading) => reading.value === 1 && reading.stable)).toMatchObject({ unit: 'kg' });
  });

  it('reports overload from the simulated scale', async () => {
    manager = createDeviceManager({ config: [simScale] });
    await manager.ready();
    manager.setSimWeight('pack-scale', { value: 0, status: 'overload' });
    expect(await nextReading(manager, (reading) => reading.status === 'overload')).toMatchObject({ stable: false });
  });

  it('tests devices: an echoed scan for the scanner, a reading for the scale', async () => {
    manager = createDeviceManager({ config: [simScanner, simScale] });
    await manager.ready();
    manager.setSimWeight('pack-scale', { value: 2 });
    expect(await manager.testDevice('pack-scanner')).toMatchObject({ ok: true, scan: { data: 'WAREBENCH-TEST' } });
    expect(await manager.testDevice('pack-scale')).toMatchObject({ ok: true, reading: { unit: 'kg' } });
    expect(await manager.testDevice('nope')).toEqual({ ok: false, detail: 'no device "nope"' });
  });

  it('goes disconnected when the simulated cable is pulled and comes back with backoff', async () => {
    manager = createDeviceManager({ config: [simScale], backoff: { initialMs: 20, maxMs: 100 } });
    await manager.ready();
    const m = manager;
    const lost = nextStatus(m, 'pack-scale', (status) => status.connection === 'disconnected');
    m.setSimConnected('pack-scale', false);
    expect((await lost).detail).toMatch(/simulated cable pulled; retrying in 0\.\d s/);
    const retried = await nextStatus(
      m,
      'pack-scale',
      (status) => status.connection === 'disconnected' && /is unplugged/.test(status.detail ?? ''),
    );
    expect(retried.detail).toMatch(/retrying in/);
    const back = nextStatus(m, 'pack-scale', (status) => status.connection === 'connected');
    m.setSimConnected('pack-scale', true);
    await back;
    m.setSimWeight('pack-scale', { value: 4.5 });
    expect(await nextReading(m, (reading) => reading.value === 4.5)).toMatchObject({ status: 'ok' });
  });

  it('refuses a weigh at once, naming the device state, while the scale is disconnected', async () => {
    manager = createDeviceManager({ config: [simScale], backoff: { initialMs: 60_000, maxMs: 60_000 } });
    await manager.ready();
    const m = manager;
    const lost = nextStatus(m, 'pack-scale', (status) => status.connection === 'disconnected');
    m.setSimConnected('pack-scale', false);
    await lost;
    // A minute's timeout: only a refusal at once lets the test finish.
    const scale = m.scale('pack-scale');
    if (scale) await expect(scale.readStable(60_000)).rejects.toThrow(/not connected/);
    const db = await openStationDatabase(':memory:');
    const layer = createStationDevices({ config: [simScale], db, log: silentLogger() });
    try {
      await layer.manager.ready();
      const unplugged = nextStatus(layer.manager, 'pack-scale', (status) => status.connection === 'disconnected');
      layer.manager.setSimConnected('pack-scale', false);
      await unplugged;
      await expect(layer.readStable('pack-scale', 60_000)).rejects.toThrow(
        /scale "Pack scale" is disconnected \(.*\): no weight can be taken now/,
      );
    } finally {
      await layer.close();
      db.close();
    }
  });

  it('keeps a disabled device listed but closed', async () => {
    manager = createDeviceManager({ config: [{ ...simScale, enabled: false }] });
    await manager.ready();
    expect(statusOf(manager, 'pack-scale')).toMatchObject({ connection: 'disabled' });
    expect(await manager.testDevice('pack-scale')).toMatchObject({ ok: false });
  });
});

describe('device manager reconfiguration', () => {
  it('refuses an invalid config and changes nothing', async () => {
    manager = createDeviceManager({ config: [simScale] });
    await manager.ready();
    const before = manager.list();
    await expect(manager.reconfigure([{ ...simScale, pollIntervalMs: 'often' }])).rejects.toBeInstanceOf(DeviceConfigError);
    expect(manager.list()).toEqual(before);
  });

  it('keeps unchanged devices, opens new ones and closes removed ones', async () => {
    manager = createDeviceManager({ config: [simScale, simScanner] });
    await manager.ready();
    const scale = manager.scale('pack-scale');
    await manager.reconfigure([simScale, { ...simScanner, id: 'recv-scanner', role: 'receiving-scanner' }]);
    await manager.ready();
    expect(manager.scale('pack-scale')).toBe(scale);
    expect(manager.list().map((status) => [status.id, status.connection])).toEqual([
      ['pack-scale', 'connected'],
      ['recv-scanner', 'connected'],
    ]);
    await manager.reconfigure([{ ...simScale, pollIntervalMs: 40 }]);
    expect(manager.scale('pack-scale')).not.toBe(scale);
    expect(() => manager!.injectScan('pack-scanner', 'X')).toThrow(/not a simulated scanner/);
  });

  it('throws a clear error for an invalid initial config', () => {
    expect(() =>
      createDeviceManager({ config: [{ id: 'x', kind: 'scale', role: 'pack-scale', transport: { type: 'serial', path: '/dev/null' } }] }),
    ).toThrow(/needs protocol/);
  });
});

describe('device manager printers', () => {
  const printer = {
    id: 'label',
    kind: 'printer',
    role: 'label-printer',
    transport: { type: 'tcp', host: '127.0.0.1', port: 9100 },
  } as const;

  /** A printer factory of the shape the printer module implements; jobs land in `printed`. */
  function memoryPrinters(initial: PrinterStatus, failOpens = 0) {
    let status = initial;
    const printed: Uint8Array[] = [];
    let opens = 0;
    const factory: PrinterDriverFactory = {
      async open(config: PrinterDeviceConfig) {
        opens += 1;
        if (opens <= failOpens) throw Object.assign(new Error(`connect ECONNREFUSED ${config.id}`), { code: 'ECONNREFUSED' });
        return {
          print: async (bytes: Uint8Array) => {
            printed.push(bytes);
          },
          status: async () => status,
          close: async () => undefined,
        };
      },
    };
    return {
      factory,
      printed,
      opens: () => opens,
      setStatus: (next: PrinterStatus) => {
        status = next;
      },
    };
  }

  it('opens printers through the factory and reports their status', async () => {
    const printers = memoryPrinters({ ready: true, problems: [], source: 'printer' });
    manager = createDeviceManager({ config: [printer], printerDrivers: printers.factory });
    await manager.ready();
    expect(statusOf(manager, 'label')).toMatchObject({ connection: 'connected', transport: 'tcp 127.0.0.1:9100' });
    await manager.printer('label-printer')!.print(new TextEncoder().encode('^XA^XZ'));
    expect(printers.printed).toHaveLength(1);
    expect(await manager.testDevice('label')).toMatchObject({ ok: true });
  });

  it('shows printer problems and retries a printer that refused to open', async () => {
    const printers = memoryPrinters({ ready: false, problems: ['paper out', 'print head open'], source: 'printer' }, 1);
    manager = createDeviceManager({ config: [printer], printerDrivers: printers.factory, backoff: { initialMs: 10 } });
    await manager.ready();
    expect(statusOf(manager, 'label')).toMatchObject({ connection: 'error', detail: expect.stringContaining('ECONNREFUSED') });
    await nextStatus(manager, 'label', (status) => status.detail === 'paper out, print head open');
    expect(printers.opens()).toBe(2);
  });

  it('polls printer status and shows a problem once it clears', async () => {
    const printers = memoryPrinters({ ready: true, problems: [], source: 'printer' });
    manager = createDeviceManager({ config: [printer], printerDrivers: printers.factory, printerStatusIntervalMs: 20 });
    await manager.ready();
    const problem = nextStatus(manager, 'label', (status) => status.connection === 'error');
    printers.setStatus({ ready: false, problems: ['ribbon out'], source: 'printer' });
    expect((await problem).detail).toBe('ribbon out');
    const cleared = nextStatus(manager, 'label', (status) => status.connection === 'connected');
    printers.setStatus({ ready: true, problems: [], source: 'printer' });
    await cleared;
  });

  it('lists printers as disabled when no printer driver is installed', async () => {
    manager = createDeviceManager({ config: [printer] });
    await manager.ready();
    expect(statusOf(manager, 'label')).toMatchObject({ connection: 'disabled', detail: 'no printer driver installed' });
  });
});
