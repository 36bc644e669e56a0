import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import { checkSerialAccess } from '../../electron/core/devices/diagnostics/serial-access';
import { checkUdevRules, RULES_FILE, SHIPPED_RULES_PATH } from '../../electron/core/devices/diagnostics/udev-rules';
import { guessHidRole, guessSerialRole, loadDeviceProfiles } from '../../electron/core/devices/profiles';
import { createPtyPair, type PtyPair } from '../support/devices/pty';
import { captureIo } from './capture';

interface Check {
  id: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('warebench devices', () => {
  it('lists serial ports and HID devices as JSON with a guessed role each', async () => {
    const io = captureIo();
    const code = await main(['devices', '--json'], io);
    const listing = JSON.parse(io.stdout[0] ?? '') as {
      serial: { path: string; guess: { kind: string } }[];
      hid: unknown[];
      errors: string[];
    };
    expect(code).toBe(listing.errors.length > 0 ? 1 : 0);
    expect(Array.isArray(listing.hid)).toBe(true);
    for (const port of listing.serial) expect(port.guess.kind).toMatch(/^(scale|scanner|printer|adapter|keyboard|unknown)$/);
  });

  it('guesses roles from usage pages and known vendor ids', async () => {
    const profiles = await loadDeviceProfiles();
    expect(guessHidRole(profiles, { vendorId: 0x0922, productId: 0x8009, usagePage: 0x8d, usage: 0x20 })).toMatchObject({
      kind: 'scale',
      protocol: 'hid-pos',
      profile: 'dymo-pos-scale',
    });
    expect(guessHidRole(profiles, { vendorId: 0x1234, productId: 1, usagePage: 0x8c })).toMatchObject({ kind: 'scanner' });
    expect(guessHidRole(profiles, { vendorId: 0x0c2e, productId: 1, usagePage: 0x01, usage: 6 })).toMatchObject({
      kind: 'keyboard',
      reason: expect.stringContaining('keyboard mode'),
    });
    expect(guessHidRole(profiles, { vendorId: 0x0eb8, productId: 0xf000 })).toMatchObject({ kind: 'scale', profile: 'mettler-hid-scale' });
    expect(guessSerialRole(profiles, { vendorId: '0403', productId: '6001' })).toMatchObject({ kind: 'adapter' });
    expect(guessSerialRole(profiles, { vendorId: '0eb8', productId: '2000' })).toMatchObject({ kind: 'scale', protocol: 'mt-sics' });
    expect(guessSerialRole(profiles, {})).toMatchObject({ kind: 'unknown' });
  });
});

describe('warebench doctor', () => {
  let pty: PtyPair;
  let dir: string;

  beforeAll(async () => {
    pty = await createPtyPair('doctor');
    dir = await mkdtemp(join(tmpdir(), 'wb-doctor-'));
  });
  afterAll(async () => {
    await pty.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('checks configured devices and says how to fix each problem; exit 1', async () => {
    const config = join(dir, 'devices.json');
    const port = await closedPort();
    await writeFile(
      config,
      JSON.stringify({
        devices: [
          { id: 'sim-scanner', kind: 'scanner', role: 'pack-scanner', transport: { type: 'sim' } },
          { id: 'pack-scale', kind: 'scale', role: 'pack-scale', protocol: 'mt-sics', transport: { type: 'serial', path: pty.device } },
          {
            id: 'gone-scale',
            kind: 'scale',
            role: 'receiving-scale',
            protocol: 'nci',
            transport: { type: 'serial', path: join(dir, 'ttyUSB9') },
          },
          { id: 'label', kind: 'printer', role: 'label-printer', transport: { type: 'tcp', host: '127.0.0.1', port } },
        ],
      }),
    );
    const io = captureIo();
    expect(await main(['doctor', '--json', '--config', config], io)).toBe(1);
    const report = JSON.parse(io.stdout[0] ?? '') as { ok: boolean; checks: Check[] };
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    expect(report.ok).toBe(false);
    expect([...byId.keys()]).toEqual(expect.arrayContaining(['serial-access', 'udev-rules', 'hid-library', 'config']));
    expect(byId.get('device:sim-scanner')).toMatchObject({ ok: true });
    expect(byId.get('device:pack-scale')).toMatchObject({ ok: true });
    expect(byId.get('device:gone-scale')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('does not exist'),
      fix: expect.stringContaining('warebench devices'),
    });
    expect(byId.get('device:label')).toMatchObject({ ok: false, detail: expect.stringContaining('ECONNREFUSED') });
    for (const check of report.checks) if (!check.ok) expect(check.fix).toBeTruthy();
  });

  it('reports an invalid config file with the fields at fault', async () => {
    const config = join(dir, 'bad.json');
    await writeFile(
      config,
      JSON.stringify([{ id: 'x', kind: 'scale', role: 'pack-scale', transport: { type: 'serial', path: '/dev/ttyUSB0' } }]),
    );
    const io = captureIo();
    expect(await main(['doctor', '--config', config], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/BAD {2}device config .*needs protocol/s);
  });

  it('finds the udev rules when installed, and an outdated copy', async () => {
    const rulesDir = join(dir, 'rules.d');
    await rm(rulesDir, { recursive: true, force: true });
    expect(await checkUdevRules({ platform: 'linux', dirs: [rulesDir] })).toMatchObject({
      ok: false,
      fix: expect.stringContaining('udevadm'),
    });
    await mkdir(rulesDir);
    await copyFile(SHIPPED_RULES_PATH, join(rulesDir, RULES_FILE));
    expect(await checkUdevRules({ platform: 'linux', dirs: [rulesDir] })).toMatchObject({ ok: true });
    await writeFile(join(rulesDir, RULES_FILE), 'SUBSYSTEM=="hidraw", MODE="0666"\n');
    expect(await checkUdevRules({ platform: 'linux', dirs: [rulesDir] })).toMatchObject({
      ok: false,
      detail: expect.stringContaining('differs'),
    });
    expect(await checkUdevRules({ platform: 'win32' })).toMatchObject({ ok: true });
  });

  it('checks serial group membership for a non-root user', async () => {
    const groupFile = join(dir, 'group');
    await writeFile(groupFile, 'root:x:0:\ndialout:x:20:\nplugdev:x:46:\n');
    const devDir = join(dir, 'dev');
    await mkdir(devDir, { recursive: true });
    expect(await checkSerialAccess({ platform: 'linux', uid: 1000, groups: [1000, 20], groupFile, devDir })).toMatchObject({
      ok: true,
      detail: 'member of group dialout',
    });
    expect(await checkSerialAccess({ platform: 'linux', uid: 1000, groups: [1000], groupFile, devDir })).toMatchObject({
      ok: false,
      fix: expect.stringContaining('usermod -aG dialout'),
    });
    expect(await checkSerialAccess({ platform: 'linux', uid: 0, groups: [], groupFile, devDir })).toMatchObject({ ok: true });
  });
});
