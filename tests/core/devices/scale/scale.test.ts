import { describe, expect, it } from 'vitest';
import { createSimTransport } from '../../../../electron/core/devices/io/sim';
import { scaleProtocol } from '../../../../electron/core/devices/scale/protocols';
import { createScale } from '../../../../electron/core/devices/scale/scale';
import { encodeToledoFrame } from '../../../../electron/core/devices/scale/toledo-continuous';
import { systemClock } from '../../../../electron/core/kernel/clock';
import type { WeightReading } from '../../../../shared/domain/devices';
import { createManualClock } from '../../../support/devices/manual-clock';
import { waitForEvent } from '../../../support/devices/peer';

const clock = systemClock;

describe('scale object', () => {
  it('says when a polled scale stops answering, and when it answers again', async () => {
    const { transport, peer } = createSimTransport();
    const scale = createScale({ transport, protocol: scaleProtocol('mt-sics'), clock, pollIntervalMs: 10, replyTimeoutMs: 50 });
    let answering = false;
    peer.onReceive(() => {
      if (answering) peer.send('S S 1.000 kg\r\n');
    });
    await transport.open();
    scale.start();
    const silent = waitForEvent<boolean, boolean>(
      (listener) => scale.on('responsive', listener),
      (value) => (value ? undefined : value),
    );
    expect(await silent).toBe(false);
    await expect(scale.readNext(100)).rejects.toThrow(/no reading within 100 ms: scale not responding/);
    answering = true;
    expect(
      await waitForEvent<boolean, boolean>(
        (listener) => scale.on('responsive', listener),
        (value) => (value ? value : undefined),
      ),
    ).toBe(true);
    expect(scale.current()).toMatchObject({ value: 1, unit: 'kg' });
    scale.stop();
  });

  it('says when a continuous scale falls silent', async () => {
    const { transport, peer } = createSimTransport();
    const scale = createScale({ transport, protocol: scaleProtocol('toledo'), clock, silenceMs: 50 });
    await transport.open();
    scale.start();
    const first = scale.readNext(1000);
    peer.send(encodeToledoFrame({ swa: 0x22, swb: 0x30, swc: 0x20, weight: 7 }));
    expect(await first).toMatchObject({ value: 7 });
    expect(
      await waitForEvent<boolean, boolean>(
        (listener) => scale.on('responsive', listener),
        (value) => (value ? undefined : value),
      ),
    ).toBe(false);
    scale.stop();
  });

  it('fails zero and tare cleanly when stopped or when the protocol has no such command', async () => {
    const { transport } = createSimTransport();
    const mt = createScale({ transport, protocol: scaleProtocol('mt-sics'), clock });
    await expect(mt.zero()).rejects.toThrow(/not connected/);
    const hid = createScale({ transport, protocol: scaleProtocol('hid-pos'), clock });
    expect(hid.canTare).toBe(false);
    await expect(hid.tare()).rejects.toThrow(/cannot tare/);
  });

  it('keeps only the newest reading of a stream', async () => {
    const { transport, peer } = createSimTransport();
    const scale = createScale({ transport, protocol: scaleProtocol('hid-pos'), clock, settle: { windowMs: 0 } });
    await transport.open();
    scale.start();
    const last = waitForEvent<WeightReading, WeightReading>(
      (listener) => scale.on('reading', listener),
      (reading) => (reading.value === 3 ? reading : undefined),
    );
    for (const weight of [1, 2, 3]) peer.send(Uint8Array.of(0x03, 0x04, 0x03, 0x00, weight, 0x00));
    await last;
    expect(scale.current()).toMatchObject({ value: 3, unit: 'kg', stable: true });
    expect(await scale.readStable(100)).toMatchObject({ value: 3 });
    scale.stop();
  });
});

describe('live readings', () => {
  it('a polled scale on its default interval reports more than five readings a second, each one an event', async () => {
    const manual = createManualClock();
    const { transport, peer } = createSimTransport();
    const scale = createScale({ transport, protocol: scaleProtocol('mt-sics'), clock: manual });
    // The scale answers each poll after 20 ms on the wire.
    peer.onReceive(() => manual.schedule(20, () => peer.send('S S      2.500 kg\r\n')));
    const readings: WeightReading[] = [];
    scale.on('reading', (reading) => readings.push(reading));
    await transport.open();
    scale.start();
    for (let ms = 0; ms < 1000; ms += 5) {
      manual.advance(5);
      await new Promise((resolve) => setImmediate(resolve));
    }
    scale.stop();
    expect(readings.length).toBeGreaterThan(5);
    expect(readings.at(-1)).toMatchObject({ value: 2.5, unit: 'kg', status: 'ok' });
  });
});
