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

export function describeVerdict(v: WeightVerdict): string {
  const diff = `${v.diffG > 0 ? '+' : ''}${Math.round(v.diffG)} g`;
  return v.ok
    ? `Weight ${Math.round(v.actualG)} g is within ±${Math.round(v.toleranceG)} g of ${Math.round(v.expectedG)} g (${diff}).`
    : `Weight ${Math.round(v.actualG)} g is ${v.diffG < 0 ? 'lighter' : 'heavier'} than the expected ${Math.round(v.expectedG)} g by ${Math.abs(Math.round(v.diffG))} g (allowed ±${Math.round(v.toleranceG)} g): check the carton, re-weigh, or ask a supervisor.`;
}
