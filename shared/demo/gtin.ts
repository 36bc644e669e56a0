import { computeCheckDigit } from '../scan/check-digit';

/** A GTIN-14 from a company prefix and an item reference (indicator 0 = the unit, 1-8 = cases). */
export function makeGtin14(indicator: number, companyPrefix: string, itemRef: number): string {
  const body = `${indicator}${companyPrefix}${String(itemRef).padStart(12 - companyPrefix.length, '0')}`;
  return `${body}${computeCheckDigit(body)}`;
}
