import { useTranslation } from 'react-i18next';

/**
 * Numbers, weights, sizes and times in the station's language (Intl), so a German bench reads "1,25 kg"
 * and "25.11.2026, 09:00:00" while an English one reads "1.25 kg" and "11/25/2026, 9:00:00 AM".
 */

const unitNames = { kg: 'kilogram', g: 'gram', lb: 'pound', oz: 'ounce' } as const;
export type WeightUnit = keyof typeof unitNames;

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A weight with its unit; `digits` fixes the decimals (a scale's division), otherwise up to 3. */
export function formatWeight(value: number, unit: WeightUnit, locale: string, digits?: number): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unitNames[unit],
    unitDisplay: 'short',
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 3,
  }).format(value);
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** Date and time of an ISO timestamp; the text itself when it is not one. */
export function formatDateTime(
  iso: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'medium' },
): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatDate(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { dateStyle: 'medium' });
}

/** The helpers bound to the UI's current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  return {
    locale,
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
    weight: (value: number, unit: WeightUnit, digits?: number) => formatWeight(value, unit, locale, digits),
    bytes: (bytes: number) => formatBytes(bytes, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    date: (iso: string) => formatDate(iso, locale),
  };
}
