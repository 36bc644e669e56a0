/**
 * The one retry backoff of station, server and renderer: doubling from `initialMs`, capped at `maxMs`, with a
 * random part taken off so many clients that lost the same peer do not retry in lockstep.
 */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  initialMs: number;
  /** Longest delay, however many attempts failed. */
  maxMs: number;
  /** Fraction of the delay that is random: 0 = none, 1 = anywhere in [0, delay] ("full jitter"). */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, jitter: 0.25 };

/** Delay before retry number `attempt` (0-based). Never below a tenth of `initialMs`, so a retry is never a busy loop. */
export function backoffDelay(attempt: number, policy: Partial<BackoffPolicy> = {}, random: () => number = Math.random): number {
  const { initialMs, maxMs, jitter } = { ...defaultBackoff, ...policy };
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const share = Math.min(1, Math.max(0, jitter));
  return Math.max(Math.round(initialMs / 10), Math.round(ceiling * (1 - share * random())));
}
