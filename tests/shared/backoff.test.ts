import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../shared/backoff';

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoff', () => {
  it('stays within [initial/10, max] however many attempts failed (hours offline cost one try per max)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000_000 }), unit, fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r, jitter) => {
        const delay = backoffDelay(attempt, { initialMs: 500, maxMs: 60_000, jitter }, () => r);
        return Number.isInteger(delay) && delay >= 50 && delay <= 60_000;
      }),
    );
  });

  it('doubles from the initial delay until the cap when there is no jitter', () => {
    const policy = { initialMs: 100, maxMs: 10_000, jitter: 0 };
    expect([0, 1, 2, 3, 7, 20].map((attempt) => backoffDelay(attempt, policy, () => 0.5))).toEqual([100, 200, 400, 800, 10_000, 10_000]);
  });

  it('takes at most the jitter share off the delay, so clients that lost the same peer spread out', () => {
    const policy = { initialMs: 1000, maxMs: 60_000, jitter: 0.25 };
    expect(backoffDelay(2, policy, () => 0)).toBe(4000);
    expect(backoffDelay(2, policy, () => 0.999_999)).toBe(3000);
    const full = { initialMs: 1000, maxMs: 60_000, jitter: 1 };
    expect(backoffDelay(2, full, () => 0.5)).toBe(2000);
    expect(backoffDelay(2, full, () => 0.999_999)).toBe(100);
    expect(backoffDelay(2, { initialMs: 100, maxMs: 1000, jitter: 0.5 }, () => 0.5)).toBe(300);
  });

  it('fills what a policy leaves out from the defaults', () => {
    expect(backoffDelay(0, { jitter: 0 })).toBe(defaultBackoff.initialMs);
    expect(backoffDelay(40, { jitter: 0 })).toBe(defaultBackoff.maxMs);
  });
});
