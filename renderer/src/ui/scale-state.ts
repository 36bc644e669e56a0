import type { WeightReading } from '../../../shared/domain/devices';

/** What the operator needs to know of a live reading: whether it can be used. */
export type ScaleState = 'stable' | 'motion' | 'over' | 'under-zero' | 'fault';

export function scaleState(reading: Pick<WeightReading, 'value' | 'stable' | 'status'>): ScaleState {
  if (reading.status === 'overload') return 'over';
  if (reading.status === 'underload' || reading.value < 0) return 'under-zero';
  if (reading.status === 'fault') return 'fault';
  if (reading.status === 'motion' || !reading.stable) return 'motion';
  return 'stable';
}

/** A reading older than this no longer stands for what is on the platter (the scale polls several times a second). */
export const LIVE_READING_MAX_AGE_MS = 1500;
