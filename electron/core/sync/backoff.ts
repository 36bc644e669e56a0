export interface BackoffPolicy {
  baseMs: number;
  /** The longest wait between attempts, however long the server has been away. */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 60_000 };

/** "Full jitter" exponential backoff: a random wait in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(policy.baseMs / 2, Math.round(random() * ceiling));
}
