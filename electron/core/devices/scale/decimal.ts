/** An exact decimal: value = mantissa / 10^scale (scale may be negative). Weights never pass through float maths. */
export interface Decimal {
  mantissa: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Parses "-100.02", "12", "0.5" (spaces around and between sign and digits allowed). */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = BigInt(whole + fraction);
  return { mantissa: sign === '-' ? -digits : digits, scale: fraction.length };
}

/** The shortest decimal that prints as `value` (what a person typing the number meant). */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [coefficient = '0', exponentText] = value.toString().split('e');
  const parsed = parseDecimal(coefficient);
  if (!parsed) throw new RangeError(`cannot read ${value} as a decimal`);
  return { mantissa: parsed.mantissa, scale: parsed.scale - Number(exponentText ?? 0) };
}

export function decimalToString(decimal: Decimal): string {
  const negative = decimal.mantissa < 0n;
  let digits = (negative ? -decimal.mantissa : decimal.mantissa).toString();
  if (decimal.scale <= 0) return `${negative ? '-' : ''}${digits}${'0'.repeat(-decimal.scale)}`;
  digits = digits.padStart(decimal.scale + 1, '0');
  const whole = digits.slice(0, digits.length - decimal.scale);
  const fraction = digits.slice(digits.length - decimal.scale);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function decimalToNumber(decimal: Decimal): number {
  return Number(decimalToString(decimal));
}

/** 10^-scale as a number: the step of the last digit. */
export function stepOf(scale: number): number {
  return Number(`1e${-scale}`);
}

/** Integer division rounding half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d + ((n % d) * 2n >= d ? 1n : 0n);
  return negative ? -quotient : quotient;
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}
