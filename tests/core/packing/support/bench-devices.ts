/**
 * The pack bench's devices for core tests, all real: an MT-SICS pack scale on a socat pty pair (the test plays the
 * scale on the peer end), a ZPL label printer and a PDF document printer on TCP listeners, behind the station's own
 * device layer (device manager + durable print queue).
 */
import { join } from 'node:path';
import type { StationDevices } from '../../../../electron/core/devices/port';
import { createStationDevices, type StationDeviceLayer } from '../../../../electron/core/devices/station-adapter';
import { silentLogger } from '../../../../electron/core/kernel/log';
import { openStationDatabase } from '../../../../electron/core/storage/open';
import { openPeer, type Peer } from '../../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../../support/devices/pty';
import { hsReply, type RawListener, startRawListener } from '../../../support/devices/raw-listener';
import { tempDir } from '../../../support/temp-dir';

export interface PackBenchDevices {
  /** What each test's station gets: the device layer, left open when a station closes (the suite closes it). */
  devices: StationDevices;
  layer: StationDeviceLayer;
  labels: RawListener;
  documents: RawListener;
  /** Puts a load on the scale (kilograms; `motion`: it keeps swinging) and waits until the station reads it. */
  putOnScale(kg: number, motion?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startPackBenchDevices(): Promise<PackBenchDevices> {
  const pty: PtyPair = await createPtyPair('pack-scale');
  const peer: Peer = await openPeer(pty.peer);
  let weight = { kg: 0, motion: false };
  peer.answer((command) => {
    if (command !== 'SI' && command !== 'S') return undefined;
    return `S ${weight.motion ? 'D' : 'S'} ${weight.kg.toFixed(3).padStart(10)} kg\r\n`;
  });
  const labels = await startRawListener();
  labels.hsReply = hsReply();
  const documents = await startRawListener();
  const dir = tempDir();
  const db = await openStationDatabase(join(dir.path, 'devices.sqlite'));
  const layer = createStationDevices({
    config: [
      {
        id: 'pack-scale',
        kind: 'scale',
        role: 'pack-scale',
        protocol: 'mt-sics',
        transport: { type: 'serial', path: pty.device },
        pollIntervalMs: 40,
        settle: { windowMs: 120 },
      },
      {
        id: 'label-printer',
        kind: 'printer',
        role: 'label-printer',
        protocol: 'zpl',
        transport: { type: 'tcp', host: '127.0.0.1', port: labels.port },
      },
      {
        id: 'document-printer',
        kind: 'printer',
        role: 'document-printer',
        protocol: 'pdf',
        transport: { type: 'tcp', host: '127.0.0.1', port: documents.port },
      },
    ],
    db,
    log: silentLogger(),
  });
  await layer.manager.ready();
  return {
    devices: { ...layer, close: async () => undefined },
    layer,
    labels,
    documents,
    putOnScale: async (kg, motion = false) => {
      weight = { kg, motion };
      const deadline = Date.now() + 5000;
      for (;;) {
        const now = layer.manager.scale('pack-scale')?.current();
        if (now && Math.abs(now.value - kg) < 1e-9 && now.stable === !motion) return;
        if (Date.now() > deadline) throw new Error(`the scale did not show ${kg} kg within 5 s (last: ${JSON.stringify(now)})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      await layer.close();
      db.close();
      await peer.close().catch(() => undefined);
      await pty.dispose();
      await labels.close();
      await documents.close();
      dir.remove();
    },
  };
}
