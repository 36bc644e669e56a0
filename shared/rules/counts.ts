/** Cycle count variances and the site's tolerance. Pure: the station judges its count with it, the server again against the ledger. */
import type { CountLine, CountSettings } from '../domain/counts';

export interface CountVariance {
  itemId: string;
  lot: string | null;
  expected: number;
  counted: number;
  /** counted - expected: what an adjustment posts. */
  delta: number;
}

const keyOf = (l: { itemId: string; lot: string | null }) => `${l.itemId}\u0000${l.lot ?? ''}`;

/** Adds up lines of the same item and lot. */
export function sumLines(lines: readonly CountLine[]): CountLine[] {
  const sums = new Map<string, CountLine>();
  for (const l of lines) {
    const key = keyOf(l);
    const before = sums.get(key);
    sums.set(key, { itemId: l.itemId, lot: l.lot, qty: (before?.qty ?? 0) + l.qty });
  }
  return [...sums.values()];
}

/** Every item and lot expected or counted, with its difference; lines that match are left out. */
export function countVariances(expected: readonly CountLine[], counted: readonly CountLine[]): CountVariance[] {
  const rows = new Map<string, CountVariance>();
  for (const l of sumLines(expected)) rows.set(keyOf(l), { itemId: l.itemId, lot: l.lot, expected: l.qty, counted: 0, delta: -l.qty });
  for (const l of sumLines(counted)) {
    const row = rows.get(keyOf(l)) ?? { itemId: l.itemId, lot: l.lot, expected: 0, counted: 0, delta: 0 };
    row.counted = l.qty;
    row.delta = row.counted - row.expected;
    rows.set(keyOf(l), row);
  }
  return [...rows.values()].filter((v) => v.delta !== 0).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** The largest difference a line may show and still post without a recount: the larger of the unit and percent tolerance. */
export function allowedVariance(expected: number, settings: Pick<CountSettings, 'toleranceUnits' | 'tolerancePct'>): number {
  return Math.max(settings.toleranceUnits, Math.floor((expected * settings.tolerancePct) / 100));
}

export const withinTolerance = (variance: CountVariance, settings: Pick<CountSettings, 'toleranceUnits' | 'tolerancePct'>): boolean =>
  Math.abs(variance.delta) <= allowedVariance(variance.expected, settings);

export interface CountJudgement {
  variances: CountVariance[];
  /** Variances larger than the site allows: they need a recount by another operator, then a supervisor's badge. */
  outside: CountVariance[];
}

export function judgeCount(
  expected: readonly CountLine[],
  counted: readonly CountLine[],
  settings: Pick<CountSettings, 'toleranceUnits' | 'tolerancePct'>,
): CountJudgement {
  const variances = countVariances(expected, counted);
  return { variances, outside: variances.filter((v) => !withinTolerance(v, settings)) };
}
