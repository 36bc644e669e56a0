import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickHidDevice } from '../../../electron/core/devices/io/hid';

const root = resolve(import.meta.dirname, '../../..');

/** Imports the device layer in a fresh process and lists the native addons (.node files) mapped into it. */
async function addonsLoadedByImport(modules: string[], then = ''): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wb-lazy-'));
  try {
    const script = join(dir, 'probe.mts');
    await writeFile(
      script,
      [
        ...modules.map((module, i) => `import * as m${i} from ${JSON.stringify(join(root, module))};`),
        `import { readFileSync } from 'node:fs';`,
        `void [${modules.map((_, i) => `m${i}`).join(', ')}];`,
        then,
        `const maps = readFileSync('/proc/self/maps', 'utf8');`,
        `console.log(JSON.stringify([...new Set(maps.split('\\n').map((l) => l.split(/\\s+/)[5] ?? '').filter((p) => p.endsWith('.node')))]));`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    if (code !== 0) throw new Error(`probe failed: ${err}`);
    return JSON.parse(out) as string[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('native addons load lazily', () => {
  it('importing the device layer and its CLI loads no serialport or node-hid addon', async () => {
    const loaded = await addonsLoadedByImport([
      'electron/core/devices/manager.ts',
      'electron/core/devices/io/serial.ts',
      'electron/core/devices/io/hid.ts',
      'electron/cli/scale.ts',
      'electron/cli/devices.ts',
      'electron/cli/doctor.ts',
    ]);
    expect(loaded).toEqual([]);
  });

  it('opening a serial port is what loads the addon (and the probe sees it)', async () => {
    const opening = `await m0.createSerialTransport({ path: '/nonexistent/tty', baudRate: 9600 }).open().catch(() => undefined);`;
    const loaded = await addonsLoadedByImport(['electron/core/devices/io/serial.ts'], opening);
    expect(loaded.some((path) => path.includes('bindings-cpp'))).toBe(true);
  });
});

describe('HID interface choice', () => {
  const interfaces = [
    { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x01, usage: 6, interface: 0, path: '/dev/hidraw0' },
    { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, interface: 1, path: '/dev/hidraw1', serialNumber: 'A1' },
    { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, interface: 1, path: '/dev/hidraw2', serialNumber: 'B2' },
  ];

  it('filters by usage page and tells identical devices apart by serial number', () => {
    expect(pickHidDevice(interfaces, { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c })?.path).toBe('/dev/hidraw1');
    expect(pickHidDevice(interfaces, { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, serialNumber: 'B2' })?.path).toBe(
      '/dev/hidraw2',
    );
    expect(pickHidDevice(interfaces, { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8d })).toBeUndefined();
  });
});
