import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceManager, type DeviceManager } from '../../../electron/core/devices/manager';
import type { DeviceStatus, ScanEvent, WeightReading } from '../../../shared/domain/devices';
import { openPeer, type Peer, waitForEvent } from '../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../support/devices/pty';

/** Plays an MT-SICS scale on the peer end: answers SI with the weight the test sets. */
async function scalePeer(path: string, weight: () => string): Promise<Peer> {
  const peer = await openPeer(path);
  peer.answer((command) => (command === 'SI' ? `S S ${weight().padStart(10)} kg\r\n` : 'ES\r\n'));
  return peer;
}

describe('hot plug over real ptys', () => {
  let scalePty: PtyPair;
  let scannerPty: PtyPair;
  let manager: DeviceManager;
  let weight = '1.000';
  const peers: Peer[] = [];

  beforeAll(async () => {
    scalePty = await createPtyPair('scale');
    scannerPty = await createPtyPair('scanner');
    peers.push(await scalePeer(scalePty.peer, () => weight));
    manager = createDeviceManager({
      config: [
        {
          id: 'pack-scale',
          kind: 'scale',
          role: 'pack-scale',
          protocol: 'mt-sics',
          pollIntervalMs: 20,
          settle: { windowMs: 0 },
          transport: { type: 'serial', path: scalePty.device },
        },
        { id: 'pack-scanner', kind: 'scanner', role: 'pack-scanner', transport: { type: 'serial', path: scannerPty.device } },
      ],
      backoff: { initialMs: 50, maxMs: 400 },
    });
    await manager.ready();
  });

  afterAll(async () => {
    await manager.close();
    for (const peer of peers) await peer.close();
    await scalePty.dispose();
    await scannerPty.dispose();
  });

  const status = (id: string, connection: DeviceStatus['connection']) =>
    waitForEvent<DeviceStatus, DeviceStatus>(
      (listener) => manager.on('device.status', listener),
      (s) => (s.id === id && s.connection === connection ? s : undefined),
      10_000,
    );
  const reading = (value: number) =>
    waitForEvent<WeightReading, WeightReading>(
      (listener) => manager.on('scale.reading', listener),
      (r) => (r.value === value ? r : undefined),
      10_000,
    );
  const scan = (data: string) =>
    waitForEvent<ScanEvent, ScanEvent>(
      (listener) => manager.on('scan', listener),
      (s) => (s.data === data ? s : undefined),
      10_000,
    );

  it('reads from both devices while plugged in', async () => {
    expect(manager.list().map((s) => s.connection)).toEqual(['connected', 'connected']);
    expect(manager.list()[0]?.transport).toBe(`serial ${scalePty.device} 9600 8N1`);
    expect(await reading(1)).toMatchObject({ deviceId: 'pack-scale', stable: true });
    const scanner = await openPeer(scannerPty.peer);
    peers.push(scanner);
    const arrived = scan('LPN-000001');
    await scanner.send('LPN-000001\r\n');
    await arrived;
  });

  it('goes disconnected when the port vanishes mid-stream and comes back without restart', async () => {
    const scaleGone = status('pack-scale', 'disconnected');
    const scannerGone = status('pack-scanner', 'disconnected');
    await scalePty.stop();
    await scannerPty.stop();
    expect((await scaleGone).detail).toMatch(/retrying in/);
    await scannerGone;
    expect(manager.list().map((s) => s.connection)).not.toContain('connected');

    weight = '2.500';
    const scaleBack = status('pack-scale', 'connected');
    const scannerBack = status('pack-scanner', 'connected');
    await scalePty.start();
    await scannerPty.start();
    peers.push(await scalePeer(scalePty.peer, () => weight));
    await scaleBack;
    await scannerBack;
    expect(await reading(2.5)).toMatchObject({ status: 'ok' });

    const scanner = await openPeer(scannerPty.peer);
    peers.push(scanner);
    const arrived = scan('LPN-000002');
    await scanner.send('LPN-000002\r\n');
    expect(await arrived).toMatchObject({ source: 'serial', deviceId: 'pack-scanner' });
  });
});
