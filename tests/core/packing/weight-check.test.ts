import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkWeight,
  describeVerdict,
  expectedWeightG,
  type ToleranceSettings,
  toleranceFor,
} from '../../../electron/core/packing/weight-check';

const site: ToleranceSettings = { weightTolerancePct: 5, weightToleranceG: 50, smallCartonG: 500, smallCartonTolerancePct: 3 };

describe('expected weight', () => {
  it('is the units times their weight plus the carton tare', () => {
    expect(
      expectedWeightG(
        [
          { unitWeightG: 340, qty: 2 },
          { unitWeightG: 290, qty: 1 },
        ],
        120,
      ),
    ).toBe(1090);
  });
});

describe('tolerance', () => {
  it('uses the percent rule when it is larger than the absolute grams', () => {
    expect(toleranceFor(2000, site)).toEqual({ toleranceG: 100, pct: 5, basis: 'percent' });
  });
  it('uses the absolute grams when they are larger', () => {
    expect(toleranceFor(800, site)).toEqual({ toleranceG: 50, pct: 5, basis: 'absolute' });
  });
  it('uses the tighter small-carton percent under smallCartonG', () => {
    const tight = { ...site, weightToleranceG: 5 };
    expect(toleranceFor(400, tight)).toEqual({ toleranceG: 12, pct: 3, basis: 'percent' });
    expect(toleranceFor(500, tight).pct).toBe(5);
  });
});

describe('verdict', () => {
  it('passes on the boundary and fails just past it, both ways', () => {
    expect(checkWeight(2100, 2000, site).ok).toBe(true);
    expect(checkWeight(1900, 2000, site).ok).toBe(true);
    expect(checkWeight(2100.5, 2000, site).ok).toBe(false);
    expect(checkWeight(1899.5, 2000, site).ok).toBe(false);
  });
  it('says lighter or heavier and by how much', () => {
    const light = checkWeight(1500, 2000, site);
    expect(light.diffG).toBe(-500);
    expect(describeVerdict(light).code).toBe('packing.weightLight');
    expect(describeVerdict(checkWeight(2600, 2000, site)).code).toBe('packing.weightHeavy');
  });
  it('property: ok exactly when the difference is within the larger of percent and absolute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 60_000 }), (expected, actual) => {
        const pct = expected < site.smallCartonG ? site.smallCartonTolerancePct : site.weightTolerancePct;
        const tol = Math.max((expected * pct) / 100, site.weightToleranceG);
        expect(checkWeight(actual, expected, site).ok).toBe(Math.abs(actual - expected) <= tol + 1e-9);
      }),
    );
  });
});
