import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByWeight } from '../../../electron/core/receiving/weight-count';
import { english } from '../../support/english';

const stable = (value: number, unit: 'kg' | 'g' | 'lb' | 'oz' = 'kg', division?: number) => ({
  value,
  unit,
  stable: true,
  status: 'ok' as const,
  ...(division ? { division } : {}),
});

describe('weight count', () => {
  it('counts a whole number of units less the tare', () => {
    expect(countByWeight(stable(1.075), 21.5)).toMatchObject({ ok: true, count: 50 });
    expect(countByWeight(stable(1.475), 21.5, 400)).toMatchObject({ ok: true, count: 50 });
    expect(countByWeight(stable(1075, 'g'), 21.5)).toMatchObject({ ok: true, count: 50 });
  });

  it('refuses 4.6 units as not a whole count and says to re-weigh', () => {
    const result = countByWeight(stable(4.6 * 0.53), 530);
    expect(result).toMatchObject({ ok: false, reason: 'not_whole' });
    if (!result.ok) {
      expect(english(result.message)).toContain('4.6 units');
      expect(english(result.message)).toContain('re-weigh');
    }
  });

  it('accepts a count within 0.2 units of a whole number', () => {
    expect(countByWeight(stable(4.85 * 0.53), 530)).toMatchObject({ ok: true, count: 5 });
    expect(countByWeight(stable(5.19 * 0.53), 530)).toMatchObject({ ok: true, count: 5 });
    expect(countByWeight(stable(5.25 * 0.53), 530)).toMatchObject({ ok: false, reason: 'not_whole' });
  });

  it('refuses an unstable reading, a scale fault, an empty platter and items without a unit weight', () => {
    expect(countByWeight({ value: 1.075, unit: 'kg', stable: false, status: 'motion' }, 21.5)).toMatchObject({
      ok: false,
      reason: 'unstable',
    });
    expect(countByWeight({ value: 0, unit: 'kg', stable: true, status: 'overload' }, 21.5)).toMatchObject({
      ok: false,
      reason: 'scale_fault',
    });
    expect(countByWeight(stable(0.005), 21.5)).toMatchObject({ ok: false, reason: 'empty' });
    expect(countByWeight(stable(0.4), 21.5, 400)).toMatchObject({ ok: false, reason: 'empty' });
    expect(countByWeight(stable(1), 0)).toMatchObject({ ok: false, reason: 'no_unit_weight' });
  });

  it('refuses to count units the scale cannot resolve', () => {
    expect(countByWeight(stable(1.0, 'kg', 0.005), 2)).toMatchObject({ ok: false, reason: 'scale_too_coarse' });
    expect(countByWeight(stable(1.075, 'kg', 0.001), 21.5)).toMatchObject({ ok: true, count: 50 });
  });

  it('converts pounds and ounces', () => {
    expect(countByWeight(stable(1, 'lb'), 453.59237 / 8)).toMatchObject({ ok: true, count: 8 });
  });

  it('finds n for n units of any weight with less than 0.2 units of noise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: -0.19, max: 0.19, noNaN: true }),
        (n, unitG, noise) => {
          const result = countByWeight(stable(((n + noise) * unitG) / 1000), unitG);
          expect(result).toMatchObject({ ok: true, count: n });
        },
      ),
    );
  });
});
