export interface BackoffOptions {
  /** First retry delay (default 500 ms). */
  initialMs?: number;
  /** Longest delay (default 30 s). */
  maxMs?: number;
  /** Fraction of the delay taken off at random so devices do not retry in lockstep (default 0.25). */
  jitter?: number;
}

/** Delay before retry number `attempt` (0-based): doubling from `initialMs`, capped, with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.25));
  const base = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(base * (1 - jitter * random()));
}
