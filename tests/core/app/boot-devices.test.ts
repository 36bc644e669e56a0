import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../electron/core/app/boot';
import type { Station } from '../../../electron/core/app/station';
import { silentLogger } from '../../../electron/core/kernel/log';
import type { DeviceStatus, WeightReading } from '../../../shared/domain/devices';
import type { PrintJobView } from '../../../shared/domain/printing';
import { openPeer, type Peer } from '../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../support/devices/pty';
import { hsReply, type RawListener, startRawListener } from '../../support/devices/raw-listener';
import { tempDir } from '../../support/temp-dir';

async function call<T>(station: Station, command: string, input: unknown = {}): Promise<T> {
  const result = await station.call(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a booted station with its device mapping', () => {
  describe('training mode with nothing mapped', () => {
    const dir = tempDir();
    let station: Station;
    beforeAll(async () => {
      station = await bootStation({ dataDir: dir.path, log: silentLogger() });
      await call(station, 'session.signIn', { badge: '1002' });
    });
    afterAll(async () => {
      await station.close();
      dir.remove();
    });

    it('lists the simulated scanner, scales and printers, connected', async () => {
      const devices = await until(async () => {
        const list = await call<DeviceStatus[]>(station, 'devices.list');
        return list.length === 5 && list.every((d) => d.connection === 'connected') ? list : undefined;
      }, 'simulated devices');
      expect(devices.map((d) => d.role).sort()).toEqual([
        'document-printer',
        'label-printer',
        'pack-scale',
        'pack-scanner',
        'receiving-scale',
      ]);
    });

    it('puts a weight on the simulated scale and reads it back', async () => {
      await call(station, 'sim.scale.set', { role: 'pack-scale', valueKg: 1.235 });
      const reading = await until(async () => {
        const r = await call<WeightReading | null>(station, 'scale.current', { role: 'pack-scale' });
        return r?.stable && r.value === 1.235 ? r : undefined;
      }, 'a stable 1.235 kg');
      expect(reading.unit).toBe('kg');
    });

    it('prints through the queue to the simulated printer and previews the label', async () => {
      const job = await station.context.devices.print({
        role: 'label-printer',
        kind: 'zpl',
        data: '^XA^FO50,50^A0N,40,40^FDTraining^FS^XZ',
        idempotencyKey: 'test:1',
        description: 'test label',
      });
      expect(job.state).toBe('done');
      const again = await station.context.devices.print({
        role: 'label-printer',
        kind: 'zpl',
        data: '^XA^FO50,50^A0N,40,40^FDTraining^FS^XZ',
        idempotencyKey: 'test:1',
        description: 'test label',
      });
      expect(again.id).toBe(job.id);
      const jobs = await call<PrintJobView[]>(station, 'print.jobs', { limit: 10 });
      expect(jobs.filter((j) => j.key === 'test:1')).toHaveLength(1);
      const preview = await call<{ images: string[] }>(station, 'print.preview', { id: job.id });
      expect(preview.images).toHaveLength(1);
      expect(Buffer.from(preview.images[0]!.split(',')[1]!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    });
  });

  describe('a real MT-SICS scale on a pty and a raw TCP printer', () => {
    const dir = tempDir();
    let station: Station;
    let pty: PtyPair;
    let peer: Peer;
    let printer: RawListener;
    let grams = 2345;

    beforeAll(async () => {
      pty = await createPtyPair('scale');
      await pty.start();
      peer = await openPeer(pty.peer);
      peer.answer((command) =>
        command === 'SI' || command === 'S'
          ? `S S ${(grams / 1000).toFixed(3).padStart(10)} kg\r\n`
          : command === 'Z'
            ? 'Z A\r\n'
            : 'ES\r\n',
      );
      printer = await startRawListener();
      printer.hsReply = hsReply();
      writeFileSync(
        join(dir.path, 'station.json'),
        JSON.stringify({
          training: false,
          devices: [
            {
              id: 'dock-scale',
              kind: 'scale',
              role: 'receiving-scale',
              transport: { type: 'serial', path: pty.device, baudRate: 9600 },
              protocol: 'mt-sics',
            },
            {
              id: 'zebra',
              kind: 'printer',
              role: 'label-printer',
              transport: { type: 'tcp', host: '127.0.0.1', port: printer.port },
              protocol: 'zpl',
            },
          ],
        }),
      );
      station = await bootStation({ dataDir: dir.path, log: silentLogger() });
      await call(station, 'session.signIn', { badge: '1001' });
    });
    afterAll(async () => {
      await station.close();
      await peer.close();
      await pty.dispose();
      await printer.close();
      dir.remove();
    });

    it('reads a stable weight from the real serial scale', async () => {
      const reading = await station.context.devices.readStable('receiving-scale', 5000);
      expect(reading).toMatchObject({ value: 2.345, unit: 'kg', stable: true, status: 'ok' });
      grams = 12_500;
      const next = await until(async () => {
        const r = await call<WeightReading | null>(station, 'scale.current', { role: 'receiving-scale' });
        return r?.value === 12.5 && r.stable ? r : undefined;
      }, 'the new weight, settled');
      expect(next.status).toBe('ok');
    });

    it('prints a label whose bytes reach the TCP printer unchanged', async () => {
      const zpl = '^XA^FO20,20^A0N,30,30^FDPallet 1^FS^XZ';
      const received = printer.nextJob(10_000);
      const job = await station.context.devices.print({
        role: 'label-printer',
        kind: 'zpl',
        data: zpl,
        idempotencyKey: 'lpn:1',
        description: 'LPN label',
      });
      expect(job.state).toBe('done');
      expect((await received).toString('utf8')).toBe(zpl);
    });

    it('refuses a station.json whose device mapping is wrong, saying which field', async () => {
      const bad = tempDir();
      writeFileSync(
        join(bad.path, 'station.json'),
        JSON.stringify({
          devices: [{ id: 'Bad Id', kind: 'scale', role: 'pack-scale', transport: { type: 'serial', path: '/dev/ttyS0' } }],
        }),
      );
      await expect(bootStation({ dataDir: bad.path, log: silentLogger() })).rejects.toThrow(/device mapping .* has problems[\s\S]*id/);
      bad.remove();
    });
  });
});
