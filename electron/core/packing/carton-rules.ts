/** Carton choice: which carton types hold a set of items, and which one to recommend. Pure rules, no I/O. */

export interface PackItem {
  itemId: string;
  qty: number;
  unitWeightG: number;
  /** Outer dimensions of one unit; 0 = not known (the unit is taken to fit anywhere, with no volume). */
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface CartonSpec {
  code: string;
  description: string;
  innerLengthMm: number;
  innerWidthMm: number;
  innerHeightMm: number;
  tareG: number;
  maxWeightG: number;
}

/**
 * Share of a carton's inner volume that goods may fill: units of different shapes never pack without gaps,
 * and fragile goods need padding.
 */
export const DEFAULT_FILL_FACTOR = 0.8;

export interface FitOptions {
  fillFactor?: number;
}

const sortedDesc = (dims: readonly number[]): number[] => [...dims].sort((a, b) => b - a);

const hasDims = (item: PackItem): boolean => item.lengthMm > 0 && item.widthMm > 0 && item.heightMm > 0;

export const innerVolumeMm3 = (c: CartonSpec): number => c.innerLengthMm * c.innerWidthMm * c.innerHeightMm;

export const unitVolumeMm3 = (item: PackItem): number => (hasDims(item) ? item.lengthMm * item.widthMm * item.heightMm : 0);

/**
 * One unit fits a carton when, both sorted largest first, each of its dimensions is at most the carton's
 * matching inner dimension (the unit may be turned any way a box can be turned).
 */
export function unitFits(item: PackItem, carton: CartonSpec): boolean {
  if (!hasDims(item)) return true;
  const u = sortedDesc([item.lengthMm, item.widthMm, item.heightMm]);
  const c = sortedDesc([carton.innerLengthMm, carton.innerWidthMm, carton.innerHeightMm]);
  return u.every((d, i) => d <= (c[i] ?? 0));
}

export type FitResult = { fits: true; volumeMm3: number; weightG: number } | { fits: false; reason: string };

/** Whether all `items` go into one carton: every unit fits, total volume within the fill factor, gross weight within the maximum. */
export function cartonFits(items: readonly PackItem[], carton: CartonSpec, options: FitOptions = {}): FitResult {
  const fill = options.fillFactor ?? DEFAULT_FILL_FACTOR;
  const tooBig = items.find((i) => i.qty > 0 && !unitFits(i, carton));
  if (tooBig) return { fits: false, reason: `${tooBig.itemId} does not fit into ${carton.code}` };
  const volume = items.reduce((sum, i) => sum + unitVolumeMm3(i) * i.qty, 0);
  const capacity = innerVolumeMm3(carton) * fill;
  if (volume > capacity) return { fits: false, reason: `the goods need ${litres(volume)} l, ${carton.code} holds ${litres(capacity)} l` };
  const weight = items.reduce((sum, i) => sum + i.unitWeightG * i.qty, 0) + carton.tareG;
  if (weight > carton.maxWeightG)
    return { fits: false, reason: `${grams(weight)} g is over the ${grams(carton.maxWeightG)} g ${carton.code} may carry` };
  return { fits: true, volumeMm3: volume, weightG: weight };
}

export interface Recommendation {
  carton: CartonSpec | null;
  /** True when the recommended carton takes all the items; false when they need more than one carton. */
  fitsAll: boolean;
  reason: string;
}

/**
 * The carton to use for `items`: the one with the least inner volume that takes them all. When none does,
 * the largest carton every single unit fits into (more cartons follow); null when some unit fits none.
 */
export function recommendCarton(items: readonly PackItem[], cartons: readonly CartonSpec[], options: FitOptions = {}): Recommendation {
  const goods = items.filter((i) => i.qty > 0);
  if (goods.length === 0) return { carton: null, fitsAll: false, reason: 'nothing left to pack' };
  const bySize = [...cartons].sort((a, b) => innerVolumeMm3(a) - innerVolumeMm3(b) || a.tareG - b.tareG || a.code.localeCompare(b.code));
  for (const carton of bySize) {
    const fit = cartonFits(goods, carton, options);
    if (fit.fits)
      return {
        carton,
        fitsAll: true,
        reason: `the smallest carton that takes everything (${litres(fit.volumeMm3)} l, ${grams(fit.weightG)} g)`,
      };
  }
  const eachUnit = bySize.filter((c) => goods.every((i) => unitFits(i, c) && i.unitWeightG + c.tareG <= c.maxWeightG));
  const largest = eachUnit.at(-1);
  if (largest)
    return {
      carton: largest,
      fitsAll: false,
      reason: `no single carton takes everything: fill ${largest.code} and continue in another carton`,
    };
  const misfit = goods.find((i) => !bySize.some((c) => unitFits(i, c)));
  return {
    carton: null,
    fitsAll: false,
    reason: misfit ? `${misfit.itemId} fits no carton type: choose a carton by hand` : 'no carton type can carry these goods',
  };
}

const litres = (mm3: number): string => String(Math.round(mm3 / 10_000) / 100);
const grams = (g: number): string => String(Math.round(g));
