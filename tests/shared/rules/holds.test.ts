import { describe, expect, it } from 'vitest';
import { type HoldScope, holdCovers } from '../../../shared/rules/holds';

const hold = (kind: HoldScope['kind'], itemId: string | null, lot: string | null, location: string | null = null): HoldScope => ({
  kind,
  itemId,
  lot,
  location,
});

describe('what a quality hold covers', () => {
  it('an item hold: every lot of its item, wherever it is', () => {
    expect(holdCovers(hold('item', 'A', null), { itemId: 'A', lot: null })).toBe(true);
    expect(holdCovers(hold('item', 'A', null), { itemId: 'A', lot: 'L1', location: 'A-01' })).toBe(true);
    expect(holdCovers(hold('item', 'A', null), { itemId: 'B', lot: null })).toBe(false);
  });

  it('a lot hold: that lot of its item, or of every item when it names none; never stock without a lot', () => {
    expect(holdCovers(hold('lot', 'A', 'L7'), { itemId: 'A', lot: 'L7' })).toBe(true);
    expect(holdCovers(hold('lot', 'A', 'L7'), { itemId: 'B', lot: 'L7' })).toBe(false);
    expect(holdCovers(hold('lot', 'A', 'L7'), { itemId: 'A', lot: 'L8' })).toBe(false);
    expect(holdCovers(hold('lot', null, 'L9'), { itemId: 'Z', lot: 'L9' })).toBe(true);
    expect(holdCovers(hold('lot', null, 'L9'), { itemId: 'Z', lot: null })).toBe(false);
  });

  it('a location hold: everything at that location, and nothing without a place', () => {
    expect(holdCovers(hold('location', null, null, 'A-01'), { itemId: 'A', lot: null, location: 'A-01' })).toBe(true);
    expect(holdCovers(hold('location', null, null, 'A-01'), { itemId: 'A', lot: null, location: 'A-02' })).toBe(false);
    expect(holdCovers(hold('location', null, null, 'A-01'), { itemId: 'A', lot: null })).toBe(false);
  });
});
