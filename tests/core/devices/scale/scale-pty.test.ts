import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSerialTransport } from '../../../../electron/core/devices/io/serial';
import type { ByteTransport } from '../../../../electron/core/devices/io/transport';
import { type ScaleProtocolName, scaleProtocol } from '../../../../electron/core/devices/scale/protocols';
import { createScale, type Scale } from '../../../../electron/core/devices/scale/scale';
import { encodeToledoFrame } from '../../../../electron/core/devices/scale/toledo-continuous';
import { systemClock } from '../../../../electron/core/kernel/clock';
import type { WeightReading } from '../../../../shared/domain/devices';
import { openPeer, type Peer, waitForEvent } from '../../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../../support/devices/pty';

interface Rig {
  pty: PtyPair;
  peer: Peer;
  transport: ByteTransport;
  scale: Scale;
  invalid: string[];
}

async function rig(
  protocol: ScaleProtocolName,
  serial: { parity: 'none' | 'even'; dataBits: 7 | 8 },
  extra: { checksum?: boolean } = {},
): Promise<Rig> {
  const pty = await createPtyPair(protocol);
  const peer = await openPeer(pty.peer, serial);
  const transport = createSerialTransport({ path: pty.device, baudRate: 9600, ...serial });
  const scale = createScale({
    transport,
    protocol: scaleProtocol(protocol, extra),
    clock: systemClock,
    deviceId: `${protocol}-scale`,
    pollIntervalMs: 20,
    settle: { windowMs: 0 },
  });
  const invalid: string[] = [];
  scale.on('invalid', ({ reason }) => invalid.push(reason));
  await transport.open();
  scale.start();
  return { pty, peer, transport, scale, invalid };
}

async function dispose(r: Rig | undefined): Promise<void> {
  if (!r) return;
  r.scale.stop();
  await r.transport.close();
  await r.peer.close();
  await r.pty.dispose();
}

const next = (scale: Scale, wanted: (reading: WeightReading) => boolean): Promise<WeightReading> =>
  waitForEvent<WeightReading, WeightReading>(
    (listener) => scale.on('reading', listener),
    (reading) => (wanted(reading) ? reading : undefined),
  );

describe('MT-SICS scale over a real pty', () => {
  let r: Rig | undefined;
  let reply = 'S S      1.234 kg\r\n';
  let split = false;
  let zeroReply = 'Z A\r\n';

  beforeAll(async () => {
    r = await rig('mt-sics', { parity: 'none', dataBits: 8 });
    r.peer.answer(
      (command) => {
        if (command === 'SI') return reply;
        if (command === 'Z') return zeroReply;
        if (command === 'T') return 'T S      0.250 kg\r\n';
        return 'ES\r\n';
      },
      { split: () => split },
    );
  });
  afterAll(() => dispose(r));
  afterEach(() => {
    split = false;
  });

  it('polls with SI and reads a stable weight', async () => {
    reply = 'S S      1.234 kg\r\n';
    const reading = await r!.scale.readStable(5000);
    expect(reading).toMatchObject({ value: 1.234, unit: 'kg', stable: true, status: 'ok', deviceId: 'mt-sics-scale' });
    expect(r!.peer.commands).toContain('SI');
    expect(r!.scale.current()?.value).toBe(1.234);
  });

  it('reports motion as not stable', async () => {
    reply = 'S D      1.250 kg\r\n';
    expect(await next(r!.scale, (x) => x.status === 'motion')).toMatchObject({ value: 1.25, stable: false });
    await expect(r!.scale.readStable(300)).rejects.toThrow(/motion/);
  });

  it('reads replies split at every byte', async () => {
    split = true;
    reply = 'S S      2.500 kg\r\n';
    expect(await next(r!.scale, (x) => x.value === 2.5)).toMatchObject({ stable: true });
  });

  it('skips garbage and keeps reading', async () => {
    reply = '\x00\x7f@@garbage\r\nS S      3.000 kg\r\n';
    expect(await next(r!.scale, (x) => x.value === 3)).toMatchObject({ status: 'ok' });
    expect(r!.invalid.some((reason) => reason.includes('not an MT-SICS reply'))).toBe(true);
  });

  it('reports overload and underload', async () => {
    reply = 'S +\r\n';
    expect(await next(r!.scale, (x) => x.status === 'overload')).toMatchObject({ unit: 'kg', stable: false });
    reply = 'S -\r\n';
    expect(await next(r!.scale, (x) => x.status === 'underload')).toMatchObject({ stable: false });
  });

  it('zeroes and tares, and says why when the scale refuses', async () => {
    reply = 'S S      0.000 kg\r\n';
    await expect(r!.scale.zero()).resolves.toBeUndefined();
    await expect(r!.scale.tare()).resolves.toBeUndefined();
    zeroReply = 'Z I\r\n';
    await expect(r!.scale.zero()).rejects.toThrow(/refused zero: not executable now/);
    expect(r!.peer.commands).toEqual(expect.arrayContaining(['Z', 'T']));
  });
});

describe('NCI scale over a real pty (7E1)', () => {
  let r: Rig | undefined;
  let reply = '\n0001.25lb\r\n00\r\x03';
  let split = false;

  beforeAll(async () => {
    r = await rig('nci', { parity: 'even', dataBits: 7 });
    r.peer.answer(
      (command) => {
        if (command === 'W') return reply;
        if (command === 'Z') return '\n20\r\x03';
        return '\n?\r';
      },
      { terminator: '\r', split: () => split },
    );
  });
  afterAll(() => dispose(r));
  afterEach(() => {
    split = false;
  });

  it('polls with W and reads the weight', async () => {
    expect(await r!.scale.readStable(5000)).toMatchObject({ value: 1.25, unit: 'lb', status: 'ok', stable: true });
    expect(r!.peer.commands).toContain('W');
  });

  it('reads motion, overload and underload from the status bytes', async () => {
    reply = '\n0001.30lb\r\n10\r\x03';
    expect(await next(r!.scale, (x) => x.status === 'motion')).toMatchObject({ value: 1.3, stable: false });
    reply = '\n^^^^^^^^^\r\n02\r\x03';
    expect(await next(r!.scale, (x) => x.status === 'overload')).toMatchObject({ unit: 'lb' });
    reply = '\n-----\r\n01\r\x03';
    expect(await next(r!.scale, (x) => x.status === 'underload')).toBeDefined();
  });

  it('reads replies split at every byte, after garbage', async () => {
    split = true;
    reply = 'xx\x01junk\r\x03\n0004.56lb\r\n00\r\x03';
    expect(await next(r!.scale, (x) => x.value === 4.56)).toMatchObject({ status: 'ok' });
    expect(r!.invalid.length).toBeGreaterThan(0);
  });

  it('zeroes, and reports "?" for a command the scale does not know', async () => {
    reply = '\n0000.00lb\r\n20\r\x03';
    await expect(r!.scale.zero()).resolves.toBeUndefined();
    await expect(r!.scale.tare()).rejects.toThrow(/did not recognise/);
  });
});

describe('Toledo continuous scale over a real pty', () => {
  let r: Rig | undefined;
  const frame = (weight: number, swb = 0x30, checksum = true) => encodeToledoFrame({ swa: 0x2c, swb, swc: 0x20, weight }, { checksum });

  beforeAll(async () => {
    r = await rig('toledo', { parity: 'even', dataBits: 7 });
  });
  afterAll(() => dispose(r));

  const stream = async (frames: Uint8Array[], byteByByte = false): Promise<void> => {
    for (const f of frames) {
      if (byteByByte) await r!.peer.sendByteByByte(f);
      else await r!.peer.send(f);
    }
  };

  it('reads a streamed frame without being asked', async () => {
    const reading = next(r!.scale, (x) => x.value === 12.34);
    await stream([frame(1234)]);
    expect(await reading).toMatchObject({ unit: 'kg', status: 'ok', stable: true, division: 0.01 });
    expect(r!.scale.canZero).toBe(false);
    await expect(r!.scale.zero()).rejects.toThrow(/cannot zero/);
  });

  it('frames a stream split at every byte with garbage in between', async () => {
    const reading = next(r!.scale, (x) => x.value === 5.55);
    await stream([Uint8Array.of(0x41, 0x7f, 0x0d), frame(555)], true);
    expect(await reading).toMatchObject({ status: 'ok' });
  });

  it('reports motion, overload and underload', async () => {
    const motion = next(r!.scale, (x) => x.status === 'motion');
    await stream([frame(100, 0x30 | 0x08)]);
    expect(await motion).toMatchObject({ stable: false, value: 1 });
    const over = next(r!.scale, (x) => x.status === 'overload');
    await stream([frame(999999, 0x30 | 0x04)]);
    expect(await over).toBeDefined();
    const under = next(r!.scale, (x) => x.status === 'underload');
    await stream([frame(10, 0x30 | 0x04 | 0x02)]);
    expect(await under).toBeDefined();
  });

  it('drops a frame with a checksum error and reads the next', async () => {
    const bad = frame(777);
    bad[17] = (bad[17]! ^ 0x01) & 0x7f;
    const invalidBefore = r!.invalid.length;
    const reading = next(r!.scale, (x) => x.value === 8.88 || x.value === 7.77);
    await stream([bad, frame(888)]);
    expect((await reading).value).toBe(8.88);
    expect(r!.invalid.slice(invalidBefore).some((reason) => reason.includes('checksum'))).toBe(true);
  });
});
