import { beforeAll, describe, expect, it } from 'vitest';
import { fn, loadRendererModule } from '../support/renderer-module';

type Unit = 'kg' | 'g' | 'lb' | 'oz';
let formatWeight: (value: number, unit: Unit, locale: string, digits?: number) => string;
let formatNumber: (value: number, locale: string) => string;
let formatBytes: (bytes: number, locale: string) => string;
let formatDateTime: (iso: string, locale: string, options?: Intl.DateTimeFormatOptions) => string;

beforeAll(async () => {
  const format = await loadRendererModule('ui/format.ts');
  formatWeight = fn(format, 'formatWeight');
  formatNumber = fn(format, 'formatNumber');
  formatBytes = fn(format, 'formatBytes');
  formatDateTime = fn(format, 'formatDateTime');
});

// Intl separates number and unit with a (narrow) no-break space in some locales: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it("writes weights with the locale's decimal mark and the unit", () => {
    expect(plain(formatWeight(1.25, 'kg', 'en'))).toBe('1.25 kg');
    expect(plain(formatWeight(1.25, 'kg', 'de'))).toBe('1,25 kg');
    expect(plain(formatWeight(1.25, 'kg', 'es'))).toBe('1,25 kg');
    expect(plain(formatWeight(645.2, 'oz', 'en', 1))).toBe('645.2 oz');
    expect(plain(formatWeight(2, 'kg', 'de', 3))).toBe('2,000 kg');
  });

  it('groups thousands the way each language does', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'de')).toBe('1.234.567,5');
  });

  it('writes sizes and times per locale, and leaves a non-date as it is', () => {
    expect(plain(formatBytes(1536, 'en'))).toBe('1.5 kB');
    expect(plain(formatBytes(1536, 'de'))).toBe('1,5 kB');
    const at = '2026-11-25T09:05:00.000Z';
    expect(formatDateTime(at, 'de', { dateStyle: 'short', timeZone: 'UTC' })).toBe('25.11.26');
    expect(formatDateTime(at, 'en', { dateStyle: 'short', timeZone: 'UTC' })).toBe('11/25/26');
    expect(formatDateTime('never', 'en')).toBe('never');
  });
});
