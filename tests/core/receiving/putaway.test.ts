import { describe, expect, it } from 'vitest';
import { type PutawayGoods, type PutawayLocation, suggestPutaway } from '../../../electron/core/receiving/putaway';

const loc = (code: string, zone: string, over: Partial<PutawayLocation> = {}): PutawayLocation => ({
  code,
  zone,
  itemClasses:
    zone === 'C'
      ? ['cold']
      : zone === 'H'
        ? ['hazmat']
        : zone === 'Q'
          ? ['general', 'cold', 'hazmat', 'bulky', 'fast-mover', 'high-value']
          : ['general', 'fast-mover', 'high-value'],
  status: 'available',
  held: false,
  capacityUnits: 500,
  pickSequence: 0,
  stock: [],
  ...over,
});

const goods = (over: Partial<PutawayGoods> = {}): PutawayGoods[] => [
  { itemId: 'MUG', itemClass: 'general', homeLocation: null, lot: null, qty: 12, onHold: false, ...over },
];

describe('putaway suggestions', () => {
  const rack = [
    loc('A-01', 'A', { pickSequence: 1 }),
    loc('A-02', 'A', { pickSequence: 2 }),
    loc('A-03', 'A', { pickSequence: 3 }),
    loc('C-01', 'C', { pickSequence: 4 }),
    loc('H-01', 'H', { pickSequence: 5 }),
    loc('Q-01', 'Q', { capacityUnits: 0, pickSequence: 6 }),
  ];

  it('puts the home location first and says why', () => {
    const plan = suggestPutaway(goods({ homeLocation: 'A-03' }), rack);
    expect(plan.suggestions[0]).toMatchObject({ location: 'A-03' });
    expect(plan.suggestions[0]?.reasons.join('; ')).toContain('home location of MUG');
  });

  it('prefers a location with the same item and lot over one with the same item, over an empty one', () => {
    const stocked = [
      loc('A-01', 'A', { pickSequence: 1 }),
      loc('A-02', 'A', { pickSequence: 2, stock: [{ itemId: 'MUG', lot: 'L9', qty: 5 }] }),
      loc('A-03', 'A', { pickSequence: 3, stock: [{ itemId: 'MUG', lot: 'L1', qty: 5 }] }),
    ];
    const plan = suggestPutaway(goods({ lot: 'L1' }), stocked);
    expect(plan.suggestions.map((s) => s.location)).toEqual(['A-03', 'A-02', 'A-01']);
    expect(plan.suggestions[0]?.reasons).toContain('holds MUG lot L1');
    expect(plan.suggestions[1]?.reasons).toContain('holds MUG');
  });

  it('sends goods to the zone of their class: cold to C, hazmat to H', () => {
    expect(suggestPutaway(goods({ itemId: 'YOG', itemClass: 'cold' }), rack).suggestions[0]).toMatchObject({ location: 'C-01', zone: 'C' });
    expect(suggestPutaway(goods({ itemId: 'BATT', itemClass: 'hazmat' }), rack).suggestions[0]).toMatchObject({
      location: 'H-01',
      zone: 'H',
    });
    expect(suggestPutaway(goods({ itemId: 'BATT', itemClass: 'hazmat' }), rack).excluded).toContainEqual({
      location: 'A-01',
      reason: 'does not take hazmat goods',
    });
  });

  it('never suggests a held or blocked location, nor one with an active location hold, even the home location', () => {
    const held = [
      loc('A-01', 'A', { status: 'hold' }),
      loc('A-02', 'A', { status: 'blocked' }),
      loc('A-03', 'A', { held: true }),
      loc('A-04', 'A'),
    ];
    const plan = suggestPutaway(goods({ homeLocation: 'A-01' }), held);
    expect(plan.suggestions.map((s) => s.location)).toEqual(['A-04']);
    expect(plan.excluded).toEqual([
      { location: 'A-01', reason: 'location is on hold' },
      { location: 'A-02', reason: 'location is blocked' },
      { location: 'A-03', reason: 'location has an active hold' },
    ]);
  });

  it('rules out a location without room, and ranks emptier ones higher', () => {
    const full = [
      loc('A-01', 'A', { capacityUnits: 20, stock: [{ itemId: 'X', lot: null, qty: 15 }] }),
      loc('A-02', 'A', { capacityUnits: 100, stock: [{ itemId: 'X', lot: null, qty: 50 }] }),
      loc('A-03', 'A', { capacityUnits: 100 }),
    ];
    const plan = suggestPutaway(goods(), full);
    expect(plan.excluded).toEqual([{ location: 'A-01', reason: 'no room: 5 of 12 units fit' }]);
    expect(plan.suggestions.map((s) => s.location)).toEqual(['A-03', 'A-02']);
  });

  it('sends goods on hold to quarantine only', () => {
    const plan = suggestPutaway(goods({ onHold: true, homeLocation: 'A-01' }), rack);
    expect(plan.suggestions.map((s) => s.location)).toEqual(['Q-01']);
    expect(plan.suggestions[0]?.reasons[0]).toContain('quarantine');
  });

  it('is deterministic: equal scores go by pick sequence, and the list is cut to the limit', () => {
    const plan = suggestPutaway(goods(), rack, 2);
    expect(plan.suggestions.map((s) => s.location)).toEqual(['A-01', 'A-02']);
    expect(suggestPutaway(goods(), [...rack].reverse(), 2)).toEqual(plan);
    expect(suggestPutaway([], rack)).toEqual({ suggestions: [], excluded: [] });
  });
});
