/** One line of the bench table: a figure measured in this run, and the baseline it is compared with. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** The baseline measured (or named) in the same run; ratio = value / baseline.value. */
  baseline?: { name: string; value: number };
  note?: string;
}

/** A benchmark program: measures and returns its rows; prints nothing itself. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Percentile of a sorted-or-not sample, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
