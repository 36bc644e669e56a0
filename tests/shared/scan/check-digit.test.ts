import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigitError,
  computeCheckDigit,
  gtinError,
  isValidGtin,
  isValidSscc,
  makeSscc,
  normalizeGtin,
} from '../../../shared/scan/check-digit';

describe('GS1 mod-10 check digit', () => {
  it('computes the check digit of the GS1 General Specifications example keys', () => {
    expect(computeCheckDigit('0950600013435')).toBe(2); // GTIN 09506000134352
    expect(computeCheckDigit('10614141123456789')).toBe(7); // SSCC 106141411234567897
    expect(computeCheckDigit('0952123454321')).toBe(3); // GTIN 09521234543213
    expect(computeCheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(computeCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
  });

  it('accepts GTIN-8, -12, -13 and -14 with a correct check digit', () => {
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('012345678905')).toBe(true);
    expect(isValidGtin('9506000134352')).toBe(true);
    expect(isValidGtin('09506000134352')).toBe(true);
  });

  it('rejects wrong check digits, wrong lengths and non-digits', () => {
    expect(isValidGtin('09506000134353')).toBe(false);
    expect(isValidGtin('950600013435')).toBe(false); // 12 digits, wrong check
    expect(isValidGtin('0950600013435')).toBe(false); // 13 digits, wrong check
    expect(isValidGtin('123456789')).toBe(false);
    expect(isValidGtin('0950600013435X')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('says which check digit was expected', () => {
    expect(checkDigitError('09506000134353', 'GTIN')).toBe('GTIN check digit should be 2, got 3');
    expect(gtinError('09506000134353')).toBe('GTIN check digit should be 2, got 3');
    expect(gtinError('1234567')).toBe('GTIN should be 8, 12, 13 or 14 digits, got 7');
    expect(checkDigitError('09506000134352', 'GTIN')).toBeUndefined();
  });

  it('normalizes GTINs to 14 digits and refuses invalid ones', () => {
    expect(normalizeGtin('96385074')).toBe('00000096385074');
    expect(normalizeGtin('012345678905')).toBe('00012345678905');
    expect(normalizeGtin('9506000134352')).toBe('09506000134352');
    expect(normalizeGtin('09506000134352')).toBe('09506000134352');
    expect(() => normalizeGtin('09506000134353')).toThrow('GTIN check digit should be 2, got 3');
  });

  it('builds the SSCC of the General Specifications example from its parts', () => {
    expect(makeSscc(1, '0614141', '123456789')).toBe('106141411234567897');
    expect(makeSscc('1', '0614141', 123456789)).toBe('106141411234567897');
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567898')).toBe(false);
  });

  it('pads the serial reference to the digits the company prefix leaves', () => {
    const sscc = makeSscc(0, '952123456', 42);
    expect(sscc).toHaveLength(18);
    expect(sscc.slice(0, 17)).toBe('09521234560000042');
    expect(isValidSscc(sscc)).toBe(true);
  });

  it('refuses SSCC parts that do not fit', () => {
    expect(() => makeSscc(10, '0614141', 1)).toThrow(/extension digit/);
    expect(() => makeSscc(0, '061', 1)).toThrow(/company prefix/);
    expect(() => makeSscc(0, '0614141', '1234567890')).toThrow(/does not fit in 9 digits/);
    expect(() => makeSscc(0, '0614141', -1)).toThrow(/whole number/);
    expect(() => makeSscc(0, '0614141', '12a')).toThrow(/digits only/);
  });

  it('every SSCC it makes has a valid check digit and keeps its parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^\d{4,12}$/), fc.nat(), (extension, prefix, serial) => {
        fc.pre(String(serial).length <= 16 - prefix.length);
        const sscc = makeSscc(extension, prefix, serial);
        expect(isValidSscc(sscc)).toBe(true);
        expect(sscc.startsWith(`${extension}${prefix}`)).toBe(true);
        expect(Number(sscc.slice(1 + prefix.length, 17))).toBe(serial);
      }),
    );
  });

  it('a GTIN with its computed check digit is valid and any other last digit is not', () => {
    const gtinData = fc.constantFrom(7, 11, 12, 13).chain((length) => fc.stringMatching(new RegExp(`^\\d{${length}}$`)));
    fc.assert(
      fc.property(gtinData, fc.nat({ max: 9 }), (data, other) => {
        const check = computeCheckDigit(data);
        expect(isValidGtin(data + check)).toBe(true);
        if (other !== check) expect(isValidGtin(data + other)).toBe(false);
      }),
    );
  });
});
