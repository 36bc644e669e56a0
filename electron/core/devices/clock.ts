/** Cancels a scheduled callback; calling it after the callback ran does nothing. */
export type Cancel = () => void;

/** Time as the device layer sees it; tests inject a manual clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  schedule(ms: number, callback: () => void): Cancel;
}

export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    schedule(ms, callback) {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
  };
}

export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

/** Resolves after `ms` on the given clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.schedule(ms, resolve));
}
