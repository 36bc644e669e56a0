import { describe, expect, it } from 'vitest';
import { createSettleRule } from '../../../../electron/core/devices/scale/settle';
import type { WeightReading } from '../../../../shared/domain/devices';
import { createManualClock } from '../../../support/devices/manual-clock';

const reading = (value: number, status: WeightReading['status'] = 'ok'): WeightReading => ({
  value,
  unit: 'kg',
  stable: status === 'ok',
  status,
  division: 0.01,
});

describe('settle rule', () => {
  it('settles once the weight held within one division for the window', () => {
    const clock = createManualClock();
    const rule = createSettleRule({ windowMs: 250, clock });
    expect(rule.push(reading(1.0))).toBe(false);
    clock.advance(100);
    expect(rule.push(reading(1.01))).toBe(false);
    clock.advance(150);
    expect(rule.push(reading(1.0))).toBe(true);
  });

  it('starts over when the weight moves more than a division', () => {
    const clock = createManualClock();
    const rule = createSettleRule({ windowMs: 250, clock });
    rule.push(reading(1.0));
    clock.advance(200);
    expect(rule.push(reading(1.05))).toBe(false);
    clock.advance(200);
    expect(rule.push(reading(1.05))).toBe(false);
    clock.advance(50);
    expect(rule.push(reading(1.05))).toBe(true);
  });

  it('never settles on motion, overload or a reading the scale calls unstable', () => {
    const clock = createManualClock();
    const rule = createSettleRule({ windowMs: 0, clock });
    expect(rule.push(reading(1, 'motion'))).toBe(false);
    expect(rule.push(reading(0, 'overload'))).toBe(false);
    expect(rule.push({ ...reading(1), stable: false })).toBe(false);
    expect(rule.push(reading(1))).toBe(true);
  });

  it('uses the configured division when readings carry none and a wider tolerance when asked', () => {
    const clock = createManualClock();
    const rule = createSettleRule({ windowMs: 100, toleranceDivisions: 2, division: 0.5, clock });
    rule.push({ value: 10, unit: 'lb', stable: true, status: 'ok' });
    clock.advance(100);
    expect(rule.push({ value: 11, unit: 'lb', stable: true, status: 'ok' })).toBe(true);
  });
});
