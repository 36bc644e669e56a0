import { type Message, message } from '../../../shared/messages';
/** Carton weight check: expected gross weight, the tolerance that applies, and the verdict. Pure rules, no I/O. */

export interface ToleranceSettings {
  /** Percent of the expected weight. */
  weightTolerancePct: number;
  /** Absolute grams; the larger of percent and absolute applies. */
  weightToleranceG: number;
  /** Cartons expected under this many grams use `smallCartonTolerancePct` instead of `weightTolerancePct`. */
  smallCartonG: number;
  smallCartonTolerancePct: number;
}

export interface WeighedLine {
  unitWeightG: number;
  qty: number;
}

/** Items' unit weights times quantities, plus the carton's tare. */
export function expectedWeightG(lines: readonly WeighedLine[], tareG: number): number {
  return lines.reduce((sum, l) => sum + l.unitWeightG * l.qty, 0) + tareG;
}

export interface Tolerance {
  toleranceG: number;
  /** The percent rule that was used (the small-carton one for light cartons). */
  pct: number;
  basis: 'percent' | 'absolute';
}

export function toleranceFor(expectedG: number, settings: ToleranceSettings): Tolerance {
  const pct = expectedG < settings.smallCartonG ? settings.smallCartonTolerancePct : settings.weightTolerancePct;
  const byPct = (expectedG * pct) / 100;
  return byPct >= settings.weightToleranceG
    ? { toleranceG: byPct, pct, basis: 'percent' }
    : { toleranceG: settings.weightToleranceG, pct, basis: 'absolute' };
}

export interface WeightVerdict {
  ok: boolean;
  actualG: number;
  expectedG: number;
  /** actual - expected: negative = lighter than expected (something missing?), positive = heavier (something extra?). */
  diffG: number;
  toleranceG: number;
  pct: number;
  basis: 'percent' | 'absolute';
}

/** Within tolerance when |actual - expected| <= tolerance. */
export function checkWeight(actualG: number, expectedG: number, settings: ToleranceSettings): WeightVerdict {
  const tol = toleranceFor(expectedG, settings);
  const diffG = Math.round((actualG - expectedG) * 100) / 100;
  return {
    ok: Math.abs(diffG) <= tol.toleranceG + 1e-9,
    actualG,
    expectedG,
    diffG,
    toleranceG: Math.round(tol.toleranceG * 100) / 100,
    pct: tol.pct,
    basis: tol.basis,
  };
}

export function describeVerdict(v: WeightVerdict): Message {
  const grams = { actualG: Math.round(v.actualG), expectedG: Math.round(v.expectedG), toleranceG: Math.round(v.toleranceG) };
  if (v.ok) return message('packing.weightOk', { ...grams, diffG: Math.round(v.diffG) });
  return message(v.diffG < 0 ? 'packing.weightLight' : 'packing.weightHeavy', { ...grams, diffG: Math.abs(Math.round(v.diffG)) });
}
