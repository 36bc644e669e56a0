import { describe, expect, it } from 'vitest';
import {
  allowedQty,
  closeSummary,
  conditionProblem,
  hasDiscrepancies,
  holdsCovering,
  judgeQuantity,
  missingTracking,
  pickPoLine,
  receivedOnHold,
  serialConflict,
  serialQuantityProblem,
} from '../../../shared/rules/receiving';

describe('over-receipt tolerance', () => {
  it('takes the item tolerance, else the larger of PO and site, rounding down', () => {
    expect(allowedQty(24, null, 5, 0)).toBe(25);
    expect(allowedQty(24, null, 0, 10)).toBe(26);
    expect(allowedQty(24, 0, 50, 50)).toBe(24);
    expect(allowedQty(500, 2, 5, 0)).toBe(510);
    expect(allowedQty(3, null, 5, 0)).toBe(3);
  });

  it('lets a scan through within the tolerance and tells how much still fits past it', () => {
    const line = { lineNo: 1, ordered: 24, received: 20, allowed: 25 };
    expect(judgeQuantity(line, 5)).toEqual({ kind: 'within' });
    expect(judgeQuantity(line, 12)).toEqual({ kind: 'over_tolerance', allowed: 25, wouldBe: 32, withinPart: 5 });
    expect(judgeQuantity({ ...line, received: 26 }, 1)).toEqual({ kind: 'over_tolerance', allowed: 25, wouldBe: 27, withinPart: 0 });
  });

  it('fills PO lines of the same item in order, the last one taking an over-receipt', () => {
    const lines = [
      { lineNo: 1, ordered: 5, received: 5, allowed: 5 },
      { lineNo: 2, ordered: 5, received: 2, allowed: 5 },
    ];
    expect(pickPoLine(lines)?.lineNo).toBe(2);
    expect(pickPoLine([{ ...lines[0]! }, { ...lines[1]!, received: 5 }])?.lineNo).toBe(2);
    expect(pickPoLine([])).toBeUndefined();
  });
});

describe('tracking, serials, holds, condition', () => {
  const yoghurt = { lotTracked: true, expiryTracked: true, serialTracked: false };
  const scanner = { lotTracked: false, expiryTracked: false, serialTracked: true };

  it('asks for what the item tracks and the entry lacks, lot first', () => {
    expect(missingTracking(yoghurt, { lot: null, expiry: null, serial: null })).toEqual(['lot', 'expiry']);
    expect(missingTracking(yoghurt, { lot: 'L1', expiry: null, serial: null })).toEqual(['expiry']);
    expect(missingTracking(yoghurt, { lot: 'L1', expiry: '2026-12-31', serial: null })).toEqual([]);
    expect(missingTracking(scanner, { lot: null, expiry: null, serial: null })).toEqual(['serial']);
  });

  it('receives serial-tracked items one per serial', () => {
    expect(serialQuantityProblem(scanner, 1)).toBeNull();
    expect(serialQuantityProblem(scanner, 5)).toContain('one unit per serial');
    expect(serialQuantityProblem(yoghurt, 12)).toBeNull();
  });

  it('refuses a serial seen in this receipt or anywhere in the station history', () => {
    expect(serialConflict('SN1', 'R2', [])).toBeNull();
    expect(serialConflict('SN1', 'R2', [{ receiptId: 'R2', poId: 'PO-1' }])).toContain('already scanned in this receipt');
    expect(serialConflict('SN1', 'R2', [{ receiptId: 'R1', poId: 'PO-7' }])).toContain('already received on PO-7');
  });

  it('finds item holds and lot holds of the same lot only, active ones only', () => {
    const holds = [
      { id: 'H1', kind: 'lot' as const, itemId: 'Y', lot: 'L2405B', active: true },
      { id: 'H2', kind: 'item' as const, itemId: 'B', lot: null, active: true },
      { id: 'H3', kind: 'lot' as const, itemId: 'Y', lot: 'OLD', active: false },
      { id: 'H4', kind: 'location' as const, itemId: null, lot: null, active: true },
    ];
    expect(holdsCovering(holds, 'Y', 'L2405B').map((h) => h.id)).toEqual(['H1']);
    expect(holdsCovering(holds, 'Y', 'L2411A')).toEqual([]);
    expect(holdsCovering(holds, 'Y', 'OLD')).toEqual([]);
    expect(holdsCovering(holds, 'B', null).map((h) => h.id)).toEqual(['H2']);
  });

  it('takes a lot hold that names no item as covering that lot of every item, as the server does', () => {
    const anyItemLot = [{ id: 'H5', kind: 'lot' as const, itemId: null, lot: 'RECALL-7', active: true }];
    expect(holdsCovering(anyItemLot, 'Y', 'RECALL-7').map((h) => h.id)).toEqual(['H5']);
    expect(holdsCovering(anyItemLot, 'B', 'RECALL-7').map((h) => h.id)).toEqual(['H5']);
    expect(holdsCovering(anyItemLot, 'B', 'L1')).toEqual([]);
    expect(holdsCovering(anyItemLot, 'B', null)).toEqual([]);
  });

  it('puts damaged, quarantined and held goods on hold, and wants a reason for them', () => {
    expect(receivedOnHold('good', false)).toBe(false);
    expect(receivedOnHold('good', true)).toBe(true);
    expect(receivedOnHold('damaged', false)).toBe(true);
    expect(receivedOnHold('quarantine', false)).toBe(true);
    expect(conditionProblem('damaged', null)).toContain('why');
    expect(conditionProblem('damaged', '  ')).toContain('why');
    expect(conditionProblem('damaged', 'crushed')).toBeNull();
    expect(conditionProblem('good', null)).toBeNull();
  });
});

describe('close summary', () => {
  const po = [
    { lineNo: 1, itemId: 'Y', ordered: 24 },
    { lineNo: 2, itemId: 'B', ordered: 500 },
    { lineNo: 3, itemId: 'S', ordered: 3 },
  ];

  it('marks short, over, ok and unexpected lines and counts damaged units', () => {
    const summary = closeSummary(po, [
      { poLineNo: 1, itemId: 'Y', qty: 12, condition: 'good' },
      { poLineNo: 1, itemId: 'Y', qty: 12, condition: 'damaged' },
      { poLineNo: 2, itemId: 'B', qty: 510, condition: 'good' },
      { poLineNo: null, itemId: 'X', qty: 2, condition: 'good' },
      { poLineNo: null, itemId: 'X', qty: 1, condition: 'quarantine' },
    ]);
    expect(summary).toEqual([
      { poLineNo: 1, itemId: 'Y', ordered: 24, received: 24, damaged: 12, kind: 'ok' },
      { poLineNo: 2, itemId: 'B', ordered: 500, received: 510, damaged: 0, kind: 'over' },
      { poLineNo: 3, itemId: 'S', ordered: 3, received: 0, damaged: 0, kind: 'short' },
      { poLineNo: null, itemId: 'X', ordered: 0, received: 3, damaged: 1, kind: 'unexpected' },
    ]);
    expect(hasDiscrepancies(summary)).toBe(true);
  });

  it('needs no approval when everything came as ordered and in good condition', () => {
    const summary = closeSummary(po, [
      { poLineNo: 1, itemId: 'Y', qty: 24, condition: 'good' },
      { poLineNo: 2, itemId: 'B', qty: 500, condition: 'good' },
      { poLineNo: 3, itemId: 'S', qty: 3, condition: 'good' },
    ]);
    expect(summary.every((l) => l.kind === 'ok')).toBe(true);
    expect(hasDiscrepancies(summary)).toBe(false);
    expect(hasDiscrepancies(closeSummary(po.slice(0, 1), [{ poLineNo: 1, itemId: 'Y', qty: 24, condition: 'damaged' }]))).toBe(true);
  });
});
