import { describe, expect, it } from 'vitest';
import { convertReading, convertWeight, roundToDivision, toGrams } from '../../../../electron/core/devices/scale/units';

describe('weight units', () => {
  it('converts exactly and rounds to the target division', () => {
    expect(convertWeight(1, 'kg', 'lb', 0.005)).toBe(2.205);
    expect(convertWeight(1, 'lb', 'kg', 0.001)).toBe(0.454);
    expect(convertWeight(1, 'lb', 'g', 0.01)).toBe(453.59);
    expect(convertWeight(16, 'oz', 'lb', 0.01)).toBe(1);
    expect(convertWeight(645.2, 'oz', 'kg', 0.005)).toBe(18.29);
    expect(convertWeight(2500, 'g', 'kg', 0.001)).toBe(2.5);
  });

  it('keeps no float residue where float maths would leave some', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(convertWeight(0.1 + 0.2, 'kg', 'kg', 0.1)).toBe(0.3);
    expect(convertWeight(1.005, 'kg', 'g', 5)).toBe(1005);
  });

  it('rounds half away from zero, also for negatives', () => {
    expect(roundToDivision(0.1225, 0.005)).toBe(0.125);
    expect(roundToDivision(-0.1225, 0.005)).toBe(-0.125);
    expect(roundToDivision(0.1224, 0.005)).toBe(0.12);
    expect(roundToDivision(1234, 20)).toBe(1240);
  });

  it('refuses a non-positive division', () => {
    expect(() => convertWeight(1, 'kg', 'g', 0)).toThrow(RangeError);
  });

  it('converts a reading and sets its division', () => {
    expect(convertReading({ value: 1, unit: 'kg', stable: true, status: 'ok' }, 'lb', 0.01)).toEqual({
      value: 2.2,
      unit: 'lb',
      stable: true,
      status: 'ok',
      division: 0.01,
    });
  });
});

describe('grams of a reading', () => {
  it('uses the exact definitions of the pound and the ounce, unrounded', () => {
    expect(toGrams(1.09, 'kg')).toBe(1090);
    expect(toGrams(250, 'g')).toBe(250);
    expect(toGrams(1, 'lb')).toBe(453.59237);
    expect(toGrams(16, 'oz')).toBe(453.59237);
    expect(toGrams(0.5, 'oz')).toBe(14.1747615625);
  });
});
