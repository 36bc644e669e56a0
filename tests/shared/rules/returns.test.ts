import { describe, expect, it } from 'vitest';
import { ReturnCondition } from '../../../shared/domain/returns';
import { dispositionAllowed, dispositionHolds, judgeDisposition, lotExpired, returnLocation } from '../../../shared/rules/returns';

const unit = (condition: ReturnCondition, flags: Partial<{ expired: boolean; held: boolean; recalled: boolean }> = {}) => ({
  condition,
  expired: false,
  held: false,
  recalled: false,
  ...flags,
});

describe('return disposition rules', () => {
  it('a new unit may go anywhere and is proposed for restock; an opened one for refurbishing', () => {
    expect(judgeDisposition(unit('new'))).toEqual({
      allowed: ['restock', 'refurbish', 'quarantine', 'scrap', 'returnToVendor'],
      suggested: 'restock',
      rule: 'free',
    });
    expect(judgeDisposition(unit('opened'))).toMatchObject({ suggested: 'refurbish', rule: 'free' });
    expect(dispositionAllowed(unit('opened'), 'restock')).toBe(true);
  });

  it('damaged, defective and incomplete units never restock', () => {
    for (const condition of ['damaged', 'defective', 'missingParts'] as const) {
      const verdict = judgeDisposition(unit(condition));
      expect(verdict.allowed, condition).not.toContain('restock');
      expect(verdict.rule).toBe('damaged');
      expect(verdict.allowed).toContain(verdict.suggested);
    }
    expect(judgeDisposition(unit('defective')).suggested).toBe('returnToVendor');
  });

  it('an expired or held lot always goes to quarantine, whatever its condition', () => {
    for (const condition of ReturnCondition.options) {
      expect(judgeDisposition(unit(condition, { expired: true }))).toEqual({
        allowed: ['quarantine'],
        suggested: 'quarantine',
        rule: 'expired',
      });
      expect(judgeDisposition(unit(condition, { held: true }))).toEqual({ allowed: ['quarantine'], suggested: 'quarantine', rule: 'held' });
    }
  });

  it('a recalled lot never restocks, even brand new', () => {
    const verdict = judgeDisposition(unit('new', { recalled: true }));
    expect(verdict.rule).toBe('recalled');
    expect(verdict.allowed).not.toContain('restock');
    expect(verdict.allowed).not.toContain('refurbish');
    expect(dispositionAllowed(unit('new', { recalled: true }), 'scrap')).toBe(true);
  });

  it('every disposition but restock lands on hold; restock goes to the home location when the item has one', () => {
    expect(dispositionHolds('restock')).toBe(false);
    for (const d of ['refurbish', 'quarantine', 'scrap', 'returnToVendor'] as const) expect(dispositionHolds(d)).toBe(true);
    expect(returnLocation('restock', 'A-02-03-1')).toBe('A-02-03-1');
    expect(returnLocation('restock', null)).toBe('RETURNS-RESTOCK');
    expect(returnLocation('scrap', 'A-02-03-1')).toBe('RETURNS-SCRAP');
  });

  it('a lot is expired the day after its expiry date', () => {
    expect(lotExpired('2026-11-24', '2026-11-25')).toBe(true);
    expect(lotExpired('2026-11-25', '2026-11-25')).toBe(false);
    expect(lotExpired(null, '2026-11-25')).toBe(false);
  });
});
