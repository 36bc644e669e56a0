import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CartonSpec,
  cartonFits,
  DEFAULT_FILL_FACTOR,
  innerVolumeMm3,
  type PackItem,
  recommendCarton,
  unitFits,
  unitVolumeMm3,
} from '../../../electron/core/packing/carton-rules';
import { buildDemoDataset } from '../../../shared/demo/dataset';

const cartons: CartonSpec[] = buildDemoDataset(new Date('2026-11-25T09:00:00Z')).cartonTypes;
const item = (p: Partial<PackItem> & Pick<PackItem, 'lengthMm' | 'widthMm' | 'heightMm'>): PackItem => ({
  itemId: 'X',
  qty: 1,
  unitWeightG: 100,
  ...p,
});
const box = (code: string): CartonSpec => {
  const c = cartons.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return c;
};

describe('unit fit (sorted dimensions)', () => {
  it('lets a unit turn: 90x200x80 fits a 250x200x100 box', () => {
    expect(unitFits(item({ lengthMm: 90, widthMm: 200, heightMm: 80 }), box('BOX-S'))).toBe(true);
  });
  it('refuses a unit longer than the longest inner side', () => {
    expect(unitFits(item({ lengthMm: 260, widthMm: 10, heightMm: 10 }), box('BOX-S'))).toBe(false);
  });
  it('refuses a unit whose middle side is too big even though its volume is small', () => {
    // 240 x 240 x 5 has little volume but cannot lie in a 250 x 200 floor
    expect(unitFits(item({ lengthMm: 240, widthMm: 240, heightMm: 5 }), box('BOX-S'))).toBe(false);
  });
  it('takes a unit without dimensions as fitting (nothing known to refuse it)', () => {
    expect(unitFits(item({ lengthMm: 0, widthMm: 0, heightMm: 0 }), box('ENV-A4'))).toBe(true);
  });
});

describe('carton fit', () => {
  it('applies the fill factor to the inner volume', () => {
    const s = box('BOX-S');
    const side = Math.cbrt((innerVolumeMm3(s) * DEFAULT_FILL_FACTOR) / 10);
    const cube = item({ lengthMm: side * 0.99, widthMm: side * 0.99, heightMm: side * 0.99, qty: 10, unitWeightG: 1 });
    expect(cartonFits([cube], s).fits).toBe(true);
    expect(cartonFits([{ ...cube, qty: 11 }], s).fits).toBe(false);
  });
  it('refuses goods heavier than the carton may carry (tare included)', () => {
    const env = box('ENV-A4');
    const heavy = item({ lengthMm: 10, widthMm: 10, heightMm: 10, unitWeightG: env.maxWeightG - env.tareG + 1 });
    const result = cartonFits([heavy], env);
    expect(result.fits).toBe(false);
    if (!result.fits) expect(result.reason).toContain('g');
  });
});

describe('recommendation', () => {
  it('picks the smallest carton that takes everything: two mugs and a tape go into BOX-S', () => {
    const mug = item({ itemId: 'mug', qty: 2, unitWeightG: 340, lengthMm: 120, widthMm: 90, heightMm: 100 });
    const tape = item({ itemId: 'tape', qty: 1, unitWeightG: 290, lengthMm: 110, widthMm: 110, heightMm: 50 });
    const rec = recommendCarton([mug, tape], cartons);
    expect(rec.carton?.code).toBe('BOX-S');
    expect(rec.fitsAll).toBe(true);
  });
  it('puts a flat small item into the envelope', () => {
    const rec = recommendCarton([item({ lengthMm: 170, widthMm: 90, heightMm: 15, unitWeightG: 45 })], cartons);
    expect(rec.carton?.code).toBe('ENV-A4');
  });
  it('when nothing takes everything, recommends the largest carton every unit fits and says more cartons follow', () => {
    const chair = item({ itemId: 'chair', qty: 3, unitWeightG: 12_000, lengthMm: 650, widthMm: 650, heightMm: 500 });
    const rec = recommendCarton([chair], cartons);
    expect(rec.carton?.code).toBe('BOX-XL');
    expect(rec.fitsAll).toBe(false);
  });
  it('recommends nothing when a unit fits no carton type', () => {
    const pole = item({ itemId: 'pole', lengthMm: 2000, widthMm: 50, heightMm: 50 });
    const rec = recommendCarton([pole], cartons);
    expect(rec.carton).toBeNull();
    expect(rec.reason).toContain('pole');
  });
  it('recommends nothing for nothing', () => {
    expect(recommendCarton([], cartons).carton).toBeNull();
  });

  it('property: a recommended carton that fits all really holds them, and no smaller carton does', () => {
    const arbItem = fc.record({
      itemId: fc.constantFrom('a', 'b', 'c'),
      qty: fc.integer({ min: 1, max: 6 }),
      unitWeightG: fc.integer({ min: 1, max: 4000 }),
      lengthMm: fc.integer({ min: 0, max: 700 }),
      widthMm: fc.integer({ min: 0, max: 700 }),
      heightMm: fc.integer({ min: 0, max: 700 }),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 1, maxLength: 5 }), (items) => {
        const rec = recommendCarton(items, cartons);
        if (rec.carton && rec.fitsAll) {
          expect(cartonFits(items, rec.carton).fits).toBe(true);
          const smaller = cartons.filter((c) => innerVolumeMm3(c) < innerVolumeMm3(rec.carton as CartonSpec));
          for (const c of smaller) expect(cartonFits(items, c).fits).toBe(false);
          const volume = items.reduce((s, i) => s + unitVolumeMm3(i) * i.qty, 0);
          expect(volume).toBeLessThanOrEqual(innerVolumeMm3(rec.carton) * DEFAULT_FILL_FACTOR);
        }
        if (rec.carton && !rec.fitsAll) for (const i of items) expect(unitFits(i, rec.carton)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
