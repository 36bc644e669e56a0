import { describe, expect, it } from 'vitest';
import { allowedVariance, countVariances, judgeCount, withinTolerance } from '../../../shared/rules/counts';

const line = (itemId: string, qty: number, lot: string | null = null) => ({ itemId, lot, qty });

describe('count variances', () => {
  it('lists only the items and lots that differ, each with expected, counted and delta', () => {
    const variances = countVariances(
      [line('A', 10), line('B', 4, 'L1'), line('B', 2, 'L2')],
      [line('A', 6), line('A', 4), line('B', 3, 'L1'), line('C', 1)],
    );
    expect(variances).toEqual([
      { itemId: 'B', lot: 'L1', expected: 4, counted: 3, delta: -1 },
      { itemId: 'B', lot: 'L2', expected: 2, counted: 0, delta: -2 },
      { itemId: 'C', lot: null, expected: 0, counted: 1, delta: 1 },
    ]);
  });

  it('takes the larger of the unit and the percent tolerance, rounded down', () => {
    expect(allowedVariance(100, { toleranceUnits: 1, tolerancePct: 5 })).toBe(5);
    expect(allowedVariance(10, { toleranceUnits: 1, tolerancePct: 5 })).toBe(1);
    expect(allowedVariance(39, { toleranceUnits: 0, tolerancePct: 5 })).toBe(1);
    const minusOne = { itemId: 'A', lot: null, expected: 10, counted: 9, delta: -1 };
    expect(withinTolerance(minusOne, { toleranceUnits: 1, tolerancePct: 0 })).toBe(true);
    expect(withinTolerance(minusOne, { toleranceUnits: 0, tolerancePct: 0 })).toBe(false);
  });

  it('parts a count into variances within tolerance and those that need a recount', () => {
    const judged = judgeCount([line('A', 100), line('B', 10)], [line('A', 97), line('B', 7)], { toleranceUnits: 1, tolerancePct: 5 });
    expect(judged.variances.map((v) => v.delta)).toEqual([-3, -3]);
    expect(judged.outside).toEqual([{ itemId: 'B', lot: null, expected: 10, counted: 7, delta: -3 }]);
    expect(judgeCount([line('A', 5)], [line('A', 5)], { toleranceUnits: 0, tolerancePct: 0 })).toEqual({ variances: [], outside: [] });
  });
});
