/** Cancels a scheduled callback; calling it after the callback ran does nothing. */
export type Cancel = () => void;

/** Time as the core sees it, for the station and its devices alike; tests and benches pass a clock they move by hand. */
export interface Clock {
  now(): Date;
  /** Runs `callback` once `ms` have passed on this clock. */
  schedule(ms: number, callback: () => void): Cancel;
}

export const systemClock: Clock = {
  now: () => new Date(),
  schedule(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** The clock's time as an ISO 8601 timestamp, as the journal, the outbox and device events carry it. */
export const isoAt = (clock: Clock): string => clock.now().toISOString();

/** Milliseconds since the epoch on the clock, for timing (settle windows, silence, motion). */
export const msAt = (clock: Clock): number => clock.now().getTime();

/** Resolves after `ms` on the given clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.schedule(ms, resolve));
}
