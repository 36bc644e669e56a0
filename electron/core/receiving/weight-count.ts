/** Counting units by weight: scale reading / unit weight, refused when the reading is not steady or not a whole count. */
import type { WeightReading } from '../../../shared/domain/devices';
import { type Message, message } from '../../../shared/messages';
import { toGrams } from '../devices';

export interface WeightCountRules {
  /** How far from a whole number the count may be, in units (4.85 counts as 5 at 0.2; 4.6 does not). */
  maxFractionUnits: number;
}

export const defaultWeightCountRules: WeightCountRules = { maxFractionUnits: 0.2 };

export type WeightCountResult =
  | { ok: true; count: number; netG: number; exactUnits: number }
  | {
      ok: false;
      reason: 'unstable' | 'scale_fault' | 'no_unit_weight' | 'empty' | 'scale_too_coarse' | 'not_whole';
      message: Message;
      netG?: number;
      exactUnits?: number;
    };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The number of units of `unitWeightG` each on the scale, less `tareG` for the container.
 * A count is only given when the reading is stable, the scale can resolve a fraction of one unit,
 * and the weight is within `maxFractionUnits` of a whole number of units.
 */
export function countByWeight(
  reading: Pick<WeightReading, 'value' | 'unit' | 'stable' | 'status' | 'division'>,
  unitWeightG: number,
  tareG = 0,
  rules: WeightCountRules = defaultWeightCountRules,
): WeightCountResult {
  if (reading.status === 'overload' || reading.status === 'underload' || reading.status === 'fault') {
    return {
      ok: false,
      reason: 'scale_fault',
      message: message('receiving.scaleFault', { status: message(`scaleStatus.${reading.status}`) }),
    };
  }
  if (!reading.stable || reading.status === 'motion') {
    return { ok: false, reason: 'unstable', message: message('receiving.scaleUnstable') };
  }
  if (!(unitWeightG > 0)) {
    return { ok: false, reason: 'no_unit_weight', message: message('receiving.noUnitWeight') };
  }
  const divisionG = reading.division !== undefined ? toGrams(reading.division, reading.unit) : 0;
  if (divisionG / unitWeightG > rules.maxFractionUnits) {
    return {
      ok: false,
      reason: 'scale_too_coarse',
      message: message('receiving.scaleTooCoarse', { unitG: unitWeightG, divisionG: round2(divisionG) }),
    };
  }
  const netG = toGrams(reading.value, reading.unit) - tareG;
  const exactUnits = netG / unitWeightG;
  const count = Math.round(exactUnits);
  if (count < 1) {
    return { ok: false, reason: 'empty', message: message('receiving.scaleEmpty'), netG, exactUnits };
  }
  if (Math.abs(exactUnits - count) > rules.maxFractionUnits) {
    return {
      ok: false,
      reason: 'not_whole',
      netG,
      exactUnits,
      message: message('receiving.notWhole', { units: round2(exactUnits) }),
    };
  }
  return { ok: true, count, netG, exactUnits };
}
