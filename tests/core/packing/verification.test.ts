import { describe, expect, it } from 'vitest';
import {
  checkSerial,
  type HoldRule,
  holdCovering,
  type ItemRules,
  isExpired,
  type LineProgress,
  perHour,
  remainingUnits,
  type ScannedUnit,
  shiftWindow,
  verifyQuantityKey,
  verifyUnit,
} from '../../../electron/core/packing/rules';

const lines: LineProgress[] = [
  { lineNo: 1, itemId: 'mug', qty: 2, packed: 0 },
  { lineNo: 2, itemId: 'tape', qty: 1, packed: 1 },
  { lineNo: 3, itemId: 'yog', qty: 3, packed: 0 },
  { lineNo: 4, itemId: 'bolt', qty: 60, packed: 0 },
];
const plain = (itemId: string): ItemRules => ({ itemId, description: itemId, lotTracked: false, serialTracked: false });
const unit = (itemId: string, p: Partial<ScannedUnit> = {}): ScannedUnit => ({
  itemId,
  unitsPerScan: 1,
  lot: null,
  expiry: null,
  serial: null,
  ...p,
});
const today = '2026-11-25';
const noHolds: HoldRule[] = [];

describe('verifyUnit', () => {
  it('counts a right item on its line', () => {
    expect(verifyUnit(lines, unit('mug'), plain('mug'), noHolds, today)).toEqual({ ok: true, lineNo: 1, qty: 1, needsSerial: false });
  });
  it('stops a wrong item', () => {
    expect(verifyUnit(lines, unit('chair'), plain('chair'), noHolds, today)).toMatchObject({ ok: false, reason: 'wrong_item' });
  });
  it('stops an extra unit of a complete line', () => {
    expect(verifyUnit(lines, unit('tape'), plain('tape'), noHolds, today)).toMatchObject({ ok: false, reason: 'line_complete' });
  });
  it('stops an item on hold and a lot on hold, but not another lot', () => {
    const holds: HoldRule[] = [
      { kind: 'lot', itemId: 'yog', lot: 'L1', reason: 'lab' },
      { kind: 'item', itemId: 'mug', lot: null, reason: 'recall' },
    ];
    const yog: ItemRules = { ...plain('yog'), lotTracked: true };
    expect(verifyUnit(lines, unit('yog', { lot: 'L1' }), yog, holds, today)).toMatchObject({ ok: false, reason: 'on_hold' });
    expect(verifyUnit(lines, unit('yog', { lot: 'L2' }), yog, holds, today)).toMatchObject({ ok: true });
    expect(verifyUnit(lines, unit('mug'), plain('mug'), holds, today)).toMatchObject({ ok: false, reason: 'on_hold' });
  });
  it('stops an expired lot (expiry before today) and lets one expiring today pass', () => {
    const yog: ItemRules = { ...plain('yog'), lotTracked: true };
    expect(verifyUnit(lines, unit('yog', { lot: 'L2', expiry: '2026-11-24' }), yog, noHolds, today)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(verifyUnit(lines, unit('yog', { lot: 'L2', expiry: today }), yog, noHolds, today)).toMatchObject({ ok: true });
  });
  it('asks for the lot of a lot-tracked item', () => {
    expect(verifyUnit(lines, unit('yog'), { ...plain('yog'), lotTracked: true }, noHolds, today)).toMatchObject({
      ok: false,
      reason: 'lot_required',
    });
  });
  it('counts a case only when it does not overshoot the line', () => {
    expect(verifyUnit(lines, unit('bolt', { unitsPerScan: 50 }), plain('bolt'), noHolds, today)).toEqual({
      ok: true,
      lineNo: 4,
      qty: 50,
      needsSerial: false,
    });
    const after = lines.map((l) => (l.lineNo === 4 ? { ...l, packed: 50 } : l));
    expect(verifyUnit(after, unit('bolt', { unitsPerScan: 50 }), plain('bolt'), noHolds, today)).toMatchObject({
      ok: false,
      reason: 'case_overshoots',
    });
    expect(verifyUnit(after, unit('bolt'), plain('bolt'), noHolds, today)).toMatchObject({ ok: true, qty: 1 });
  });
  it('asks for a serial of a serial-tracked unit unless the scan carried one; refuses cases of them', () => {
    const ser: ItemRules = { ...plain('mug'), serialTracked: true };
    expect(verifyUnit(lines, unit('mug'), ser, noHolds, today)).toMatchObject({ ok: true, needsSerial: true });
    expect(verifyUnit(lines, unit('mug', { serial: 'S1' }), ser, noHolds, today)).toMatchObject({ ok: true, needsSerial: false });
    expect(verifyUnit(lines, unit('mug', { unitsPerScan: 6 }), ser, noHolds, today)).toMatchObject({ ok: false, reason: 'serial_each' });
  });
  it('uses a second line of the same item once the first is complete', () => {
    const twice: LineProgress[] = [
      { lineNo: 1, itemId: 'mug', qty: 1, packed: 1 },
      { lineNo: 2, itemId: 'mug', qty: 1, packed: 0 },
    ];
    expect(verifyUnit(twice, unit('mug'), plain('mug'), noHolds, today)).toMatchObject({ ok: true, lineNo: 2 });
  });
});

describe('holds, expiry, serials', () => {
  it('a lot hold without an item covers that lot of any item', () => {
    expect(holdCovering([{ kind: 'lot', itemId: null, lot: 'L9', reason: 'x' }], 'any', 'L9')).toBeDefined();
    expect(holdCovering([{ kind: 'location', itemId: null, lot: null, reason: 'x' }], 'any', null)).toBeUndefined();
  });
  it('no expiry is not expired', () => {
    expect(isExpired(null, today)).toBe(false);
  });
  it('a serial ships once', () => {
    expect(checkSerial('S1', { inThisShipment: true, shippedBefore: false }, 'x')).toMatchObject({ ok: false, reason: 'duplicate_serial' });
    expect(checkSerial('S1', { inThisShipment: false, shippedBefore: true }, 'x')).toMatchObject({ ok: false, reason: 'duplicate_serial' });
    expect(checkSerial('S1', { inThisShipment: false, shippedBefore: false }, 'x')).toBeNull();
  });
});

describe('quantity keys', () => {
  const line: LineProgress = { lineNo: 4, itemId: 'bolt', qty: 60, packed: 1 };
  const ctx = { allowed: true, lastScannedLineNo: 4, serialTracked: false, description: 'bolt' };
  it('counts a typed quantity right after a verifying scan of the line', () => {
    expect(verifyQuantityKey(line, 59, ctx)).toEqual({ ok: true, lineNo: 4, qty: 59, needsSerial: false });
  });
  it('refuses without a verifying scan, past the remainder, for serials, and when the site switched keys off', () => {
    expect(verifyQuantityKey(line, 5, { ...ctx, lastScannedLineNo: 1 })).toMatchObject({ ok: false, reason: 'verify_first' });
    expect(verifyQuantityKey(line, 60, ctx)).toMatchObject({ ok: false, reason: 'line_complete' });
    expect(verifyQuantityKey(line, 5, { ...ctx, serialTracked: true })).toMatchObject({ ok: false, reason: 'serial_each' });
    expect(verifyQuantityKey(line, 5, { ...ctx, allowed: false })).toMatchObject({ ok: false, reason: 'quantity_keys_off' });
  });
});

describe('shift and rates', () => {
  it('finds the shift in local time, the night shift across midnight included', () => {
    const morning = shiftWindow(new Date(2026, 10, 25, 9, 30));
    expect(morning.start).toEqual(new Date(2026, 10, 25, 6));
    expect(morning.end).toEqual(new Date(2026, 10, 25, 14));
    const night = shiftWindow(new Date(2026, 10, 25, 3, 0));
    expect(night.start).toEqual(new Date(2026, 10, 24, 22));
    expect(night.end).toEqual(new Date(2026, 10, 25, 6));
    const late = shiftWindow(new Date(2026, 10, 25, 23, 0));
    expect(late.start).toEqual(new Date(2026, 10, 25, 22));
    expect(late.end).toEqual(new Date(2026, 10, 26, 6));
  });
  it('rates per hour over the time worked, at least a quarter hour', () => {
    expect(perHour(10, 0, 2 * 3_600_000)).toBe(5);
    expect(perHour(1, 0, 60_000)).toBe(4);
  });
  it('sums what is left', () => {
    expect(remainingUnits(lines)).toBe(2 + 0 + 3 + 60);
  });
});
