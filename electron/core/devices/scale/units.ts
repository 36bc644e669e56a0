import type { WeightReading, WeightUnit } from '../../../../shared/domain/devices';
import { type Decimal, decimalFromNumber, decimalToNumber, divideRounded, pow10 } from './decimal';

/** Exact size of each unit in nanograms (1 lb = 0.45359237 kg by definition, 1 oz = 1/16 lb). */
export const NANOGRAMS_PER_UNIT: Readonly<Record<WeightUnit, bigint>> = {
  g: 1_000_000_000n,
  kg: 1_000_000_000_000n,
  lb: 453_592_370_000n,
  oz: 28_349_523_125n,
};

/**
 * A reading in grams, computed exactly (integer nanograms, 1 lb = 453.59237 g by definition) and not rounded:
 * the callers round where their rule says (a count to whole units, a carton to its tolerance).
 */
export function toGrams(value: number, unit: WeightUnit): number {
  const v = decimalFromNumber(value);
  return decimalToNumber({ mantissa: v.mantissa * NANOGRAMS_PER_UNIT[unit], scale: v.scale + 9 });
}

/**
 * Converts a weight and rounds it to a whole number of `division`s of the target unit, with integer
 * arithmetic only: 1 kg to lb at 0.005 lb division gives exactly 2.205, never 2.2050000000000001.
 */
export function convertWeight(value: number, from: WeightUnit, to: WeightUnit, division: number): number {
  return decimalToNumber(convertDecimal(decimalFromNumber(value), from, to, decimalFromNumber(division)));
}

export function convertDecimal(value: Decimal, from: WeightUnit, to: WeightUnit, division: Decimal): Decimal {
  if (division.mantissa <= 0n) throw new RangeError('division must be positive');
  // value * ng(from) / 10^vs  /  (ng(to) * divMantissa / 10^ds)  = number of divisions
  let numerator = value.mantissa * NANOGRAMS_PER_UNIT[from];
  let denominator = NANOGRAMS_PER_UNIT[to] * division.mantissa;
  const shift = division.scale - value.scale;
  if (shift >= 0) numerator *= pow10(shift);
  else denominator *= pow10(-shift);
  const divisions = divideRounded(numerator, denominator);
  return { mantissa: divisions * division.mantissa, scale: division.scale };
}

/** Rounds a value in its own unit to a whole number of divisions (e.g. 0.1235 at 0.005 → 0.125). */
export function roundToDivision(value: number, division: number): number {
  const v = decimalFromNumber(value);
  const d = decimalFromNumber(division);
  if (d.mantissa <= 0n) throw new RangeError('division must be positive');
  let numerator = v.mantissa;
  let denominator = d.mantissa;
  const shift = d.scale - v.scale;
  if (shift >= 0) numerator *= pow10(shift);
  else denominator *= pow10(-shift);
  return decimalToNumber({ mantissa: divideRounded(numerator, denominator) * d.mantissa, scale: d.scale });
}

/** A reading expressed in another unit, rounded to `division` of that unit. */
export function convertReading(reading: WeightReading, to: WeightUnit, division: number): WeightReading {
  return { ...reading, value: convertWeight(reading.value, reading.unit, to, division), unit: to, division };
}
