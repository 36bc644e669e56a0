import type { WeightReading } from '../../../../shared/domain/devices';
import { type Clock, msAt } from '../../kernel/clock';

export interface SettleOptions {
  /** How long the weight must hold (default 250 ms). 0 trusts the scale's own stable flag alone. */
  windowMs?: number;
  /** How far it may wander while holding, in divisions (default 1). */
  toleranceDivisions?: number;
  /** Division to use when a reading carries none. */
  division?: number;
  clock: Clock;
}

/**
 * The station's stability rule on top of the scale's own flag: a weight counts as settled once the scale
 * says stable and the value has stayed within `toleranceDivisions` of where it came to rest for `windowMs`.
 */
export interface SettleRule {
  /** Feeds a reading; answers whether the weight is settled as of this reading. */
  push(reading: WeightReading): boolean;
  reset(): void;
}

export function createSettleRule(options: SettleOptions): SettleRule {
  const windowMs = options.windowMs ?? 250;
  const tolerance = options.toleranceDivisions ?? 1;
  let anchor: { value: number; unit: WeightReading['unit']; since: number } | undefined;

  return {
    push(reading) {
      const now = msAt(options.clock);
      if (reading.status !== 'ok' || !reading.stable) {
        anchor = undefined;
        return false;
      }
      const division = reading.division ?? options.division ?? 0;
      const band = tolerance * division + 1e-9 * Math.max(1, Math.abs(reading.value));
      if (!anchor || anchor.unit !== reading.unit || Math.abs(reading.value - anchor.value) > band) {
        anchor = { value: reading.value, unit: reading.unit, since: now };
      }
      return now - anchor.since >= windowMs;
    },
    reset() {
      anchor = undefined;
    },
  };
}
