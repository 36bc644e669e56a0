/**
 * The receiving bench's hardware for core tests, all real: an MT-SICS scale on a socat pty pair (the test plays
 * the scale on the peer end) and a ZPL label printer and a PDF document printer on TCP listeners. Each test's
 * station opens them through the station's own device layer (device manager + durable print queue).
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { DeviceConfigInput } from '../../../../electron/core/devices/config';
import { createStationDevices, type StationDeviceLayer } from '../../../../electron/core/devices/station-adapter';
import { silentLogger } from '../../../../electron/core/kernel/log';
import { openStationDatabase } from '../../../../electron/core/storage/open';
import { openPeer, type Peer } from '../../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../../support/devices/pty';
import { hsReply, type RawListener, startRawListener } from '../../../support/devices/raw-listener';
import { createTestStation, type TestStation } from '../../../support/station-fixture';
import { tempDir } from '../../../support/temp-dir';

export interface BenchHardware {
  printer: RawListener;
  documents: RawListener;
  /** MT-SICS commands the scale received. */
  scaleCommands(): readonly string[];
  /** The station's devices over this hardware, with a print queue in its own SQLite file; closed with the station. */
  open(): Promise<StationDeviceLayer>;
  /** Puts a load on the scale (kilograms; `motion`: it keeps swinging) and waits until `devices` read it. */
  putOnScale(devices: StationDeviceLayer, kg: number, motion?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchHardware(): Promise<BenchHardware> {
  const pty: PtyPair = await createPtyPair('receiving-scale');
  const peer: Peer = await openPeer(pty.peer);
  let weight = { kg: 0, motion: false };
  peer.answer((command) => {
    if (command !== 'SI' && command !== 'S') return undefined;
    return `S ${weight.motion ? 'D' : 'S'} ${weight.kg.toFixed(3).padStart(10)} kg\r\n`;
  });
  const printer = await startRawListener();
  printer.hsReply = hsReply();
  const documents = await startRawListener();
  const config: DeviceConfigInput[] = [
    {
      id: 'receiving-scale',
      kind: 'scale',
      role: 'receiving-scale',
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
      transport: { type: 'tcp', host: '127.0.0.1', port: printer.port },
    },
    {
      id: 'document-printer',
      kind: 'printer',
      role: 'document-printer',
      protocol: 'pdf',
      transport: { type: 'tcp', host: '127.0.0.1', port: documents.port },
    },
  ];
  const queues: { db: Database; remove(): void }[] = [];

  return {
    printer,
    documents,
    scaleCommands: () => peer.commands,
    async open() {
      const dir = tempDir('warebench-print-queue-');
      const db = await openStationDatabase(join(dir.path, 'queue.sqlite'));
      queues.push({ db, remove: dir.remove });
      const devices = createStationDevices({ config, db, log: silentLogger() });
      await devices.manager.ready();
      return devices;
    },
    async putOnScale(devices, kg, motion = false) {
      weight = { kg, motion };
      const deadline = Date.now() + 5000;
      for (;;) {
        const now = devices.currentWeight('receiving-scale');
        if (now && Math.abs(now.value - Number(kg.toFixed(3))) < 1e-9 && now.stable === !motion) return;
        if (Date.now() > deadline) throw new Error(`the scale did not show ${kg} kg within 5 s (last: ${JSON.stringify(now)})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const q of queues) {
        q.db.close();
        q.remove();
      }
      await peer.close().catch(() => undefined);
      await pty.dispose();
      await printer.close();
      await documents.close();
    },
  };
}

/**
 * The bench's hardware for the calling `describe` block (started once) and, for each of its tests, a station on it
 * made ready by `prepare`; `use` hands both to the block's tests.
 */
export function stationsOnBenchHardware(
  prepare: (t: TestStation) => Promise<void>,
  use: (bench: BenchHardware, devices: StationDeviceLayer, t: TestStation) => void,
): void {
  let bench: BenchHardware;
  let t: TestStation;
  beforeAll(async () => {
    bench = await startBenchHardware();
  }, 30_000);
  afterAll(async () => bench.close());
  beforeEach(async () => {
    const devices = await bench.open();
    t = await createTestStation({ devices });
    use(bench, devices, t);
    await prepare(t);
  });
  afterEach(async () => t.close());
}
