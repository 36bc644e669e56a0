/**
 * GS1 mod-10 check digits (GTIN-8/12/13/14, SSCC, GLN, GSRN, ...): weights 3,1,3,1,... from the
 * rightmost data digit; check = (10 - sum mod 10) mod 10.
 */

const DIGITS = /^\d+$/;

/** Check digit for `data`, the digits that come before the check digit. */
export function computeCheckDigit(data: string): number {
  if (!DIGITS.test(data)) throw new RangeError(`check digit needs digits only, got "${data}"`);
  let sum = 0;
  for (let i = data.length - 1, weight = 3; i >= 0; i -= 1, weight = 4 - weight) {
    sum += (data.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why `code` (data digits + check digit) fails its check digit, or undefined when it passes. */
export function checkDigitError(code: string, label: string): string | undefined {
  if (code.length < 2 || !DIGITS.test(code)) return `${label} should be digits only, got "${code}"`;
  const expected = computeCheckDigit(code.slice(0, -1));
  const got = code.charCodeAt(code.length - 1) - 48;
  return expected === got ? undefined : `${label} check digit should be ${expected}, got ${got}`;
}

export function hasValidCheckDigit(code: string): boolean {
  return code.length >= 2 && DIGITS.test(code) && checkDigitError(code, 'code') === undefined;
}

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** True for a GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  return GTIN_LENGTHS.has(gtin.length) && hasValidCheckDigit(gtin);
}

/** Why `gtin` is not a GTIN-8/12/13/14, or undefined when it is one. */
export function gtinError(gtin: string): string | undefined {
  if (!DIGITS.test(gtin)) return `GTIN should be digits only, got "${gtin}"`;
  if (!GTIN_LENGTHS.has(gtin.length)) return `GTIN should be 8, 12, 13 or 14 digits, got ${gtin.length}`;
  return checkDigitError(gtin, 'GTIN');
}

/** A GTIN-8/12/13/14 as the 14-digit form (left-padded with zeros); throws RangeError when invalid. */
export function normalizeGtin(gtin: string): string {
  const error = gtinError(gtin);
  if (error) throw new RangeError(error);
  return gtin.padStart(14, '0');
}

export function isValidSscc(sscc: string): boolean {
  return sscc.length === 18 && hasValidCheckDigit(sscc);
}

/**
 * An SSCC: extension digit + GS1 company prefix + serial reference (left-padded with zeros to fill
 * the 16 digits the prefix leaves) + check digit. Throws RangeError when the parts cannot fit.
 */
export function makeSscc(extensionDigit: number | string, companyPrefix: string, serialReference: number | string): string {
  const extension = String(extensionDigit);
  if (!/^\d$/.test(extension)) throw new RangeError(`SSCC extension digit should be one digit 0-9, got "${extension}"`);
  if (!/^\d{4,12}$/.test(companyPrefix)) {
    throw new RangeError(`GS1 company prefix should be 4 to 12 digits, got "${companyPrefix}"`);
  }
  if (typeof serialReference === 'number' && !(Number.isSafeInteger(serialReference) && serialReference >= 0)) {
    throw new RangeError(`SSCC serial reference should be a whole number >= 0, got ${serialReference}`);
  }
  const serial = String(serialReference);
  if (!DIGITS.test(serial)) throw new RangeError(`SSCC serial reference should be digits only, got "${serial}"`);
  const room = 16 - companyPrefix.length;
  if (serial.length > room) {
    throw new RangeError(
      `SSCC serial reference ${serial} does not fit in ${room} digits after a ${companyPrefix.length}-digit company prefix`,
    );
  }
  const data = extension + companyPrefix + serial.padStart(room, '0');
  return data + String(computeCheckDigit(data));
}
