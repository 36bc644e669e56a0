import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import { encodeToledoFrame } from '../../electron/core/devices/scale/toledo-continuous';
import { openPeer, type Peer } from '../support/devices/peer';
import { createPtyPair, type PtyPair } from '../support/devices/pty';
import { captureIo } from './capture';

describe('warebench scale read against a real pty', () => {
  let pty: PtyPair;
  let peer: Peer | undefined;

  beforeAll(async () => {
    pty = await createPtyPair('cli-scale');
  });
  afterEach(async () => {
    await peer?.close();
    peer = undefined;
  });
  afterAll(() => pty.dispose());

  it('prints a stable MT-SICS reading as JSON', async () => {
    peer = await openPeer(pty.peer);
    peer.answer((command) => (command === 'SI' ? 'S S      1.234 kg\r\n' : 'ES\r\n'));
    const io = captureIo();
    const code = await main(['scale', 'read', '--port', pty.device, '--protocol', 'mt-sics', '--stable', '--json'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toEqual(['{"value":1.234,"unit":"kg","stable":true,"status":"ok"}']);
  });

  it('talks 7E1 to an NCI scale by default and prints a readable line', async () => {
    peer = await openPeer(pty.peer, { parity: 'even', dataBits: 7 });
    peer.answer((command) => (command === 'W' ? '\n0003.10lb\r\n10\r\x03' : '\n?\r'), { terminator: '\r' });
    const io = captureIo();
    expect(await main(['scale', 'read', '--port', pty.device, '--protocol', 'nci'], io)).toBe(0);
    expect(io.stdout).toEqual(['3.1 lb motion']);
  });

  it('reads a streaming Toledo scale', async () => {
    peer = await openPeer(pty.peer, { parity: 'even', dataBits: 7 });
    const stream = peer;
    const timer = setInterval(
      () => void stream.send(encodeToledoFrame({ swa: 0x2b, swb: 0x30, swc: 0x20, weight: 1505 })).catch(() => undefined),
      20,
    );
    try {
      const io = captureIo();
      expect(await main(['scale', 'read', '--port', pty.device, '--protocol', 'toledo', '--json'], io)).toBe(0);
      expect(JSON.parse(io.stdout[0] ?? '')).toEqual({ value: 150.5, unit: 'kg', stable: true, status: 'ok' });
    } finally {
      clearInterval(timer);
    }
  });

  it('exits 1 when the scale does not answer', async () => {
    peer = await openPeer(pty.peer);
    const io = captureIo();
    expect(await main(['scale', 'read', '--port', pty.device, '--protocol', 'mt-sics', '--timeout', '400'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/no reading within 400 ms: scale not responding/);
  });

  it('exits 1 when the port does not exist', async () => {
    const io = captureIo();
    expect(await main(['scale', 'read', '--port', `${pty.dir}/nothing`, '--protocol', 'mt-sics'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/not found/);
  });

  it('exits 2 on bad arguments and says which', async () => {
    const cases: [string[], RegExp][] = [
      [['scale', 'read', '--protocol', 'mt-sics'], /--port is required/],
      [['scale', 'read', '--port', pty.device, '--protocol', 'ascii'], /--protocol must be/],
      [['scale', 'read', '--port', pty.device, '--protocol', 'nci', '--baud', 'fast'], /--baud must be a whole number/],
      [['scale', 'read', '--port', pty.device, '--protocol', 'nci', '--bogus'], /unknown option '--bogus'/i],
      [['scale', 'weigh'], /unknown action/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(message);
    }
  });

  it('runs as the installed command (bin/warebench.js)', async () => {
    peer = await openPeer(pty.peer);
    peer.answer((command) => (command === 'SI' ? 'S S     250.00 g\r\n' : 'ES\r\n'));
    const child = spawn(process.execPath, ['bin/warebench.js', 'scale', 'read', '--port', pty.device, '--protocol', 'mt-sics', '--json'], {
      cwd: process.cwd(),
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ value: 250, unit: 'g', stable: true, status: 'ok' });
  });
});
