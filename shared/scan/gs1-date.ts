/**
 * GS1 dates YYMMDD. The century comes from the sliding window of the GS1 General Specifications
 * (section 7.12): a year 51-99 ahead of the current one is read as last century, one 50-99 behind
 * as next century. DD = 00 means the last day of the month.
 */

export type Gs1DateResult = { ok: true; iso: string } | { ok: false; error: string };

const SIX_DIGITS = /^\d{6}$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Four-digit year for a two-digit GS1 year, relative to `currentYear` (four digits). */
export function fullYear(yy: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const gap = yy - (currentYear % 100);
  if (gap >= 51) return century - 100 + yy;
  if (gap <= -50) return century + 100 + yy;
  return century + yy;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYMMDD` -> ISO `YYYY-MM-DD`, or the reason it is not a date. */
export function parseGs1Date(value: string, currentYear: number): Gs1DateResult {
  if (!SIX_DIGITS.test(value)) return { ok: false, error: `date should be 6 digits YYMMDD, got "${value}"` };
  const yy = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12) return { ok: false, error: `month ${pad2(month)} is not a month` };
  const year = fullYear(yy, currentYear);
  const last = daysInMonth(year, month);
  if (day > last) return { ok: false, error: `day ${pad2(day)} is not a day of ${year}-${pad2(month)}` };
  return { ok: true, iso: `${year}-${pad2(month)}-${pad2(day === 0 ? last : day)}` };
}
