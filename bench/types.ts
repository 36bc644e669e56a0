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

/**
 * Waits for the next turn of the event loop. A device delivers each scan as its own event (a serial or HID read, a
 * WebSocket message), so what the station does after answering one (its busy checkpoint) runs before the next; a
 * loop of back-to-back awaits would never let it run and grow the WAL to SQLite's own threshold instead.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Waits for `check`, looking every `everyMs`. The sync figures look every 10 ms: `client.state()` counts the outbox,
 * and asked every millisecond it took a share of the very thread it was timing (a 10 ms step is 0.2% of 5 s).
 */
export async function until(check: () => boolean, timeoutMs: number, everyMs = 1): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
