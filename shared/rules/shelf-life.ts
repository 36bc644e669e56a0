/** Expiry dates and the minimum remaining shelf life an inbound lot must have. Pure: dates in, decisions out. */
import { parseGs1Date } from '../scan';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const utcDay = (iso: string): number => {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`expected a date YYYY-MM-DD, got "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};

/** The calendar date (local time of the station) of an instant, as YYYY-MM-DD. */
export function localIsoDate(at: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p2(at.getMonth() + 1)}-${p2(at.getDate())}`;
}

/** Whole days from `today` to `expiry` (0 on the expiry date itself, negative once expired). */
export function remainingDays(expiry: string, today: string): number {
  return utcDay(expiry) - utcDay(today);
}

export type ExpiryEntry = { ok: true; iso: string } | { ok: false; error: string };

/**
 * An expiry as a receiver types or scans it: ISO `2026-12-31`, GS1 `YYMMDD` (DD = 00 is the last day of the
 * month), or `DD.MM.YYYY` / `DD/MM/YYYY`.
 */
export function readExpiry(text: string, today: string): ExpiryEntry {
  const value = text.trim();
  if (ISO_DATE.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return { ok: false, error: `${value} is not a calendar date` };
    return { ok: true, iso: value };
  }
  if (/^\d{6}$/.test(value)) {
    const parsed = parseGs1Date(value, Number(today.slice(0, 4)));
    return parsed.ok ? { ok: true, iso: parsed.iso } : { ok: false, error: `expiry ${value}: ${parsed.error}` };
  }
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (dmy) return readExpiry(`${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`, today);
  return { ok: false, error: `"${value.slice(0, 30)}" is not an expiry date: type YYYY-MM-DD or scan (17)YYMMDD` };
}

export type ShelfLifeDecision =
  | { ok: true; remainingDays: number }
  | { ok: false; reason: 'expired' | 'short_shelf_life'; remainingDays: number; minDays: number; message: string };

/**
 * Whether a lot expiring on `expiry` may be received on `today`: expired goods never; goods with fewer days
 * left than `minDays` only with a supervisor's approval (the caller decides what to do with `short_shelf_life`).
 */
export function checkShelfLife(expiry: string, today: string, minDays: number): ShelfLifeDecision {
  const left = remainingDays(expiry, today);
  if (left < 0) {
    return {
      ok: false,
      reason: 'expired',
      remainingDays: left,
      minDays,
      message: `Expired on ${expiry} (${-left} d ago): do not receive.`,
    };
  }
  if (minDays > 0 && left < minDays) {
    return {
      ok: false,
      reason: 'short_shelf_life',
      remainingDays: left,
      minDays,
      message: `Only ${left} d of shelf life left (expiry ${expiry}); at least ${minDays} d are required.`,
    };
  }
  return { ok: true, remainingDays: left };
}
