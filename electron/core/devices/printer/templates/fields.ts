/** zod pieces the label templates share. Free text may hold anything (the builder escapes it); barcode data may not. */
import { z } from 'zod';
import { computeCheckDigit, hasValidCheckDigit } from '../../../../../shared/scan/check-digit';
import type { Dpi } from '../zpl';

/** Free text printed as it is; `^`, `~` and control characters are escaped by the builder. */
export const labelText = (max: number) => z.string().trim().min(1).max(max);
export const optionalLabelText = (max: number) => z.string().trim().max(max).optional();

/** Data for a Code 128 barcode: printable ASCII. */
export const barcodeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/, 'use printable ASCII characters only (letters, digits, punctuation)');

/** GS1 character set 82 (lot and serial numbers). */
export const gs1Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/, 'use letters, digits and GS1 punctuation only (no spaces)');

export const LabelDpi = z.union([z.literal(203), z.literal(300)]).default(203);

/** SSCC: 18 digits with a correct check digit, or 17 digits to which the check digit is added. */
export const Sscc = z
  .string()
  .trim()
  .regex(/^\d{17,18}$/, 'an SSCC has 18 digits (or 17 without the check digit)')
  .refine((s) => s.length === 17 || hasValidCheckDigit(s), 'the SSCC check digit (last digit) is wrong')
  .transform((s) => (s.length === 17 ? `${s}${computeCheckDigit(s)}` : s));

/** GTIN-8/12/13/14 with a correct check digit, as the 14-digit form. */
export const Gtin = z
  .string()
  .trim()
  .regex(/^(\d{8}|\d{12,14})$/, 'a GTIN has 8, 12, 13 or 14 digits')
  .refine(hasValidCheckDigit, 'the GTIN check digit (last digit) is wrong')
  .transform((s) => s.padStart(14, '0'));

export const IsoDate = z.iso.date();

export const Address = z.object({
  name: labelText(40),
  line1: labelText(40),
  line2: optionalLabelText(40),
  city: labelText(30),
  region: optionalLabelText(20),
  postalCode: labelText(12),
  country: labelText(30),
});
export type Address = z.infer<typeof Address>;

/** Layouts are drawn in 203-dpi dots; this scales them to the printer's resolution. */
export function scaler(dpi: Dpi): (dots203: number) => number {
  return (dots203) => Math.round((dots203 * dpi) / 203);
}

export function addressLines(address: Address): string[] {
  const cityLine = [address.city, address.region, address.postalCode].filter((part) => part && part.length > 0).join(' ');
  return [address.name, address.line1, address.line2, cityLine, address.country].filter(
    (line): line is string => line !== undefined && line.length > 0,
  );
}

export function formatNumber(value: number, maxDecimals: number): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/**
 * Character height (font 0) that keeps `text` within `widthDots`: the preferred height, smaller for long text.
 * Font 0 characters average about 0.6 of their height in width.
 */
export function fitTextHeight(text: string, widthDots: number, preferred: number, min: number): number {
  const fitting = Math.floor(widthDots / (Math.max(1, text.length) * 0.6));
  return Math.max(min, Math.min(preferred, fitting));
}
