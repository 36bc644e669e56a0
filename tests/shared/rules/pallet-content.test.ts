import { describe, expect, it } from 'vitest';
import { type PalletLine, palletContent } from '../../../shared/rules/pallet-content';

const CASE = '10614141000415';
const UNIT = '00614141000418';
const cases = (n: number, itemId = 'A'): PalletLine => ({ itemId, qty: 12 * n, gtin: CASE, packQty: 12 });
const units = (n: number, itemId = 'A'): PalletLine => ({ itemId, qty: n, gtin: UNIT, packQty: 1 });

describe('pallet label content (GS1 AI 02 and 37)', () => {
  it('names the case GTIN and counts cases for a pallet received as cases', () => {
    expect(palletContent([cases(3), cases(2)])).toEqual({ gtin: CASE, count: 5 });
  });

  it('names the unit GTIN and counts units for a pallet received as units', () => {
    expect(palletContent([units(7), units(5)])).toEqual({ gtin: UNIT, count: 12 });
  });

  it('carries no (02) for a mixed pallet: two items, cases beside loose units, or no GTIN known', () => {
    expect(palletContent([cases(2), cases(1, 'B')])).toBeNull();
    expect(palletContent([cases(2), units(3)])).toBeNull();
    expect(palletContent([{ itemId: 'A', qty: 4, gtin: null, packQty: 1 }])).toBeNull();
    expect(palletContent([])).toBeNull();
  });

  it('carries no (02) when the units are not whole trade items of the level they were received at', () => {
    expect(palletContent([{ itemId: 'A', qty: 18, gtin: CASE, packQty: 12 }])).toBeNull();
  });
});
