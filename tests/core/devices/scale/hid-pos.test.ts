import { describe, expect, it } from 'vitest';
import { decodeHidScaleReport } from '../../../../electron/core/devices/scale/hid-pos';

const report = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);

describe('HID POS scale reports', () => {
  it('decodes the DYMO example 03 04 0B FF 34 19 as 645.2 oz stable', () => {
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x0b, 0xff, 0x34, 0x19))).toEqual({
      type: 'reading',
      reading: { value: 645.2, unit: 'oz', stable: true, status: 'ok', division: 0.1 },
    });
  });

  it('decodes grams, kilograms with exponent -3 and pounds', () => {
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x02, 0x00, 0xe8, 0x03))).toMatchObject({
      reading: { value: 1000, unit: 'g', division: 1 },
    });
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x03, 0xfd, 0x39, 0x30))).toMatchObject({
      reading: { value: 12.345, unit: 'kg', division: 0.001 },
    });
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x0c, 0xfe, 0x2c, 0x01))).toMatchObject({ reading: { value: 3, unit: 'lb' } });
  });

  it('decodes a positive exponent', () => {
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x02, 0x01, 0x05, 0x00))).toMatchObject({ reading: { value: 50, division: 10 } });
  });

  it('maps the status codes', () => {
    const status = (code: number) => decodeHidScaleReport(report(0x03, code, 0x0b, 0xff, 0x10, 0x00));
    expect(status(2)).toMatchObject({ reading: { status: 'ok', stable: true } });
    expect(status(3)).toMatchObject({ reading: { status: 'motion', stable: false } });
    expect(status(5)).toMatchObject({ reading: { status: 'underload', value: -1.6 } });
    expect(status(6)).toMatchObject({ reading: { status: 'overload' } });
    expect(status(1)).toMatchObject({ reading: { status: 'fault' } });
    expect(status(7)).toMatchObject({ reading: { status: 'fault' } });
    expect(status(8)).toMatchObject({ reading: { status: 'fault' } });
    expect(status(9)).toMatchObject({ type: 'invalid' });
  });

  it('ignores other reports and rejects short ones and unknown units', () => {
    expect(decodeHidScaleReport(report(0x05, 0x01, 0x02))).toBeUndefined();
    expect(decodeHidScaleReport(report(0x03, 0x04))).toMatchObject({ type: 'invalid' });
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x04, 0x00, 0x01, 0x00))).toMatchObject({
      type: 'invalid',
      reason: expect.stringContaining('unit'),
    });
  });

  it('reads a padded 8-byte report', () => {
    expect(decodeHidScaleReport(report(0x03, 0x04, 0x0b, 0xff, 0x34, 0x19, 0x00, 0x00))).toMatchObject({ reading: { value: 645.2 } });
  });
});
