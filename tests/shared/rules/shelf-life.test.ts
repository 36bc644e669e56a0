import { describe, expect, it } from 'vitest';
import { checkShelfLife, localIsoDate, readExpiry, remainingDays } from '../../../shared/rules/shelf-life';

describe('shelf life', () => {
  it('counts whole days to the expiry, 0 on the day, negative after', () => {
    expect(remainingDays('2026-12-05', '2026-11-25')).toBe(10);
    expect(remainingDays('2026-11-25', '2026-11-25')).toBe(0);
    expect(remainingDays('2026-11-24', '2026-11-25')).toBe(-1);
    expect(remainingDays('2027-03-01', '2026-02-28')).toBe(366);
  });

  it('reads GS1 YYMMDD expiries, DD=00 as the last day of the month (leap years included)', () => {
    expect(readExpiry('261231', '2026-11-25')).toEqual({ ok: true, iso: '2026-12-31' });
    expect(readExpiry('261100', '2026-11-25')).toEqual({ ok: true, iso: '2026-11-30' });
    expect(readExpiry('280200', '2026-11-25')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(readExpiry('270200', '2026-11-25')).toEqual({ ok: true, iso: '2027-02-28' });
    expect(readExpiry('261332', '2026-11-25').ok).toBe(false);
  });

  it('reads typed ISO and day-first dates and refuses what is not a date', () => {
    expect(readExpiry('2026-12-24', '2026-11-25')).toEqual({ ok: true, iso: '2026-12-24' });
    expect(readExpiry('24.12.2026', '2026-11-25')).toEqual({ ok: true, iso: '2026-12-24' });
    expect(readExpiry('5/1/2027', '2026-11-25')).toEqual({ ok: true, iso: '2027-01-05' });
    expect(readExpiry('2026-02-30', '2026-11-25')).toMatchObject({ ok: false, error: expect.stringContaining('not a calendar date') });
    expect(readExpiry('soon', '2026-11-25')).toMatchObject({ ok: false, error: expect.stringContaining('not an expiry date') });
  });

  it('accepts at exactly the minimum, asks for approval one day under it, refuses expired goods', () => {
    expect(checkShelfLife('2026-12-05', '2026-11-25', 10)).toEqual({ ok: true, remainingDays: 10 });
    expect(checkShelfLife('2026-12-04', '2026-11-25', 10)).toMatchObject({
      ok: false,
      reason: 'short_shelf_life',
      remainingDays: 9,
      minDays: 10,
    });
    expect(checkShelfLife('2026-11-24', '2026-11-25', 0)).toMatchObject({ ok: false, reason: 'expired', remainingDays: -1 });
    expect(checkShelfLife('2026-11-25', '2026-11-25', 0)).toEqual({ ok: true, remainingDays: 0 });
  });

  it('judges a DD=00 expiry by the last day of its month', () => {
    const end = readExpiry('261200', '2026-11-25');
    if (!end.ok) throw new Error(end.error);
    // 2026-12-31 is 36 days away: enough for 30, not for 40.
    expect(checkShelfLife(end.iso, '2026-11-25', 30).ok).toBe(true);
    expect(checkShelfLife(end.iso, '2026-11-25', 40)).toMatchObject({ ok: false, reason: 'short_shelf_life', remainingDays: 36 });
  });

  it('takes the local calendar date of an instant', () => {
    const at = new Date(2026, 10, 25, 23, 30);
    expect(localIsoDate(at)).toBe('2026-11-25');
  });
});
