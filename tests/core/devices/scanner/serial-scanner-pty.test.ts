import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSerialTransport } from '../../../../electron/core/devices/io/serial';
import type { ByteTransport } from '../../../../electron/core/devices/io/transport';
import { createScanner, type Scanner } from '../../../../electron/core/devices/scanner/scanner';
import { systemClock } from '../../../../electron/core/kernel/clock';
import type { ScanEvent } from '../../../../shared/domain/devices';
import { openPeer, type Peer, waitForEvent } from '../../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../../support/devices/pty';

describe('serial scanner over a real pty', () => {
  let pty: PtyPair;
  let peer: Peer;
  let transport: ByteTransport;
  let scanner: Scanner;
  const scans: ScanEvent[] = [];
  const invalid: string[] = [];

  beforeAll(async () => {
    pty = await createPtyPair('scanner');
    peer = await openPeer(pty.peer);
    transport = createSerialTransport({ path: pty.device, baudRate: 9600 });
    scanner = createScanner({ transport, protocol: 'lines', clock: systemClock, deviceId: 'pack-scanner', framing: { suffix: '#' } });
    scanner.on('scan', (scan) => scans.push(scan));
    scanner.on('invalid', ({ reason }) => invalid.push(reason));
    await transport.open();
  });
  afterAll(async () => {
    await transport.close();
    await peer.close();
    await pty.dispose();
  });

  const nextScan = (data: string) =>
    waitForEvent<ScanEvent, ScanEvent>(
      (listener) => scanner.on('scan', listener),
      (scan) => (scan.data === data ? scan : undefined),
    );

  it('turns a CR LF line into a ScanEvent with the AIM id split off', async () => {
    const scan = nextScan('0109506000134352\x1d10ABC123');
    await peer.send(']C10109506000134352\x1d10ABC123#\r\n');
    expect(await scan).toMatchObject({ symbology: 'gs1-128', aimId: ']C1', source: 'serial', deviceId: 'pack-scanner' });
  });

  it('accepts CR alone and data without AIM id', async () => {
    const scan = nextScan('TOTE-0042');
    await peer.send('TOTE-0042\r');
    expect(await scan).toMatchObject({ symbology: 'unknown', source: 'serial' });
    expect((await scan).aimId).toBeUndefined();
  });

  it('frames a scan that arrives a byte at a time', async () => {
    const scan = nextScan('09506000134352');
    await peer.sendByteByByte(']E009506000134352#\r\n');
    expect(await scan).toMatchObject({ symbology: 'ean-13', aimId: ']E0' });
  });

  it('drops an AIM id without data and carries on', async () => {
    const scan = nextScan('AFTER');
    await peer.send(']C1#\r\nAFTER\r\n');
    await scan;
    expect(invalid.some((reason) => reason.includes(']C1'))).toBe(true);
  });
});
