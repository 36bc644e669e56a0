import { describe, expect, it } from 'vitest';
import { createHidScanAssembler, decodeHidScannerReport } from '../../../../electron/core/devices/scanner/hid-pos-scanner';
import { toScanEvent } from '../../../../electron/core/devices/scanner/scan-event';

/** Builds a 64-byte scan report as node-hid delivers it: report id, length, AIM id, data, …, continuation. */
function report(data: string, options: { aim?: string; more?: boolean } = {}): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes[0] = 0x02;
  bytes[1] = data.length;
  if (options.aim)
    bytes.set(
      Array.from(options.aim, (c) => c.charCodeAt(0)),
      2,
    );
  bytes.set(
    Array.from(data, (c) => c.charCodeAt(0)),
    5,
  );
  bytes[63] = options.more ? 0x01 : 0x00;
  return bytes;
}

describe('HID POS scanner reports', () => {
  it('decodes AIM id and data', () => {
    expect(decodeHidScannerReport(report('09506000134352', { aim: ']E0' }))).toEqual({
      aimId: ']E0',
      data: Uint8Array.from('09506000134352', (c) => c.charCodeAt(0)),
      more: false,
    });
  });

  it('ignores other report ids and reports without AIM id keep data only', () => {
    const other = report('X');
    other[0] = 0x04;
    expect(decodeHidScannerReport(other)).toBeUndefined();
    expect(decodeHidScannerReport(report('ABC'))).toMatchObject({ more: false });
    expect(decodeHidScannerReport(report('ABC'))?.aimId).toBeUndefined();
  });

  it('joins a long scan sent in several reports (the Access-IS 60-byte example)', () => {
    const text = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  ABCD';
    const assembler = createHidScanAssembler();
    expect(assembler.push(report(text.slice(0, 56), { aim: ']Q0', more: true }))).toBeUndefined();
    const done = assembler.push(report(text.slice(56)));
    expect(done?.aimId).toBe(']Q0');
    expect(new TextDecoder().decode(done?.data)).toBe(text);
  });

  it('clamps a length byte larger than the report', () => {
    const bytes = report('AB');
    bytes[1] = 0xff;
    expect(decodeHidScannerReport(bytes)?.data.length).toBe(56);
  });

  it('becomes a ScanEvent with the symbology from the AIM id and the data without it', () => {
    const result = toScanEvent(']C1010950600013435217201225\x1d10ABC123', {
      source: 'hid',
      at: '2026-01-01T00:00:00.000Z',
      deviceId: 'pack-scanner',
    });
    expect(result).toEqual({
      ok: true,
      event: {
        data: '010950600013435217201225\x1d10ABC123',
        symbology: 'gs1-128',
        aimId: ']C1',
        source: 'hid',
        deviceId: 'pack-scanner',
        at: '2026-01-01T00:00:00.000Z',
      },
    });
    expect(toScanEvent(']C1', { source: 'hid', at: '2026-01-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining(']C1'),
    });
  });
});
