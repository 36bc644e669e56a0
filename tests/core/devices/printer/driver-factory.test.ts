import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceManager, type DeviceManager } from '../../../../electron/core/devices/manager';
import { createPrinterDriverFactory } from '../../../../electron/core/devices/printer/driver-factory';
import { zplBytes } from '../../../../electron/core/devices/printer/zpl';
import { closedPort, hsReply, type RawListener, startRawListener } from '../../../support/devices/raw-listener';

const LABEL = '^XA\n^FO20,20^A0N,40,40^FDHELLO^FS\n^XZ\n';

describe('printer driver factory in the device manager', () => {
  let manager: DeviceManager | undefined;
  let listener: RawListener | undefined;
  afterEach(async () => {
    await manager?.close();
    await listener?.close();
    manager = undefined;
    listener = undefined;
  });

  it('opens a raw TCP printer, shows its ~HS problems and prints through it', async () => {
    listener = await startRawListener();
    listener.hsReply = hsReply({ paperOut: true });
    const config = [
      { id: 'label', kind: 'printer', role: 'label-printer', transport: { type: 'tcp', host: '127.0.0.1', port: listener.port } },
    ];
    manager = createDeviceManager({ config, printerDrivers: createPrinterDriverFactory({ tcp: { ioTimeoutMs: 2_000 } }) });
    await manager.ready();
    expect(manager.list()[0]).toMatchObject({ id: 'label', connection: 'error', detail: 'paper out' });

    listener.hsReply = hsReply();
    expect(await manager.testDevice('label')).toMatchObject({ ok: true });
    await manager.printer('label-printer')?.print(zplBytes(LABEL));
    expect((await listener.nextJob()).toString('utf8')).toBe(LABEL);
  });

  it('leaves a printer that refuses connections to the manager to retry', async () => {
    const port = await closedPort();
    const config = [{ id: 'label', kind: 'printer', role: 'label-printer', transport: { type: 'tcp', host: '127.0.0.1', port } }];
    manager = createDeviceManager({ config, printerDrivers: createPrinterDriverFactory(), backoff: { initialMs: 60_000 } });
    await manager.ready();
    expect(manager.list()[0]).toMatchObject({ connection: 'error', detail: expect.stringContaining('ECONNREFUSED') });
    expect(manager.printer('label')).toBeUndefined();
  });

  it('gives training mode a simulated printer whose jobs can be looked at', async () => {
    const drivers = createPrinterDriverFactory();
    const config = [{ id: 'sim-label', kind: 'printer', role: 'label-printer', transport: { type: 'sim' } }];
    manager = createDeviceManager({ config, printerDrivers: drivers });
    await manager.ready();
    expect(manager.list()[0]).toMatchObject({ connection: 'connected' });
    await manager.printer('sim-label')?.print(zplBytes(LABEL));
    expect(
      drivers
        .simPrinter('sim-label')
        ?.jobs()
        .map((job) => job.text),
    ).toEqual([LABEL]);
  });
});
