import { describe, expect, it } from 'vitest';
import * as lint from '../../../shared/scan/gs1/linters';

const context: lint.LintContext = { currentYear: 2024, keyLabel: 'GTIN' };
const passes = (linter: lint.Linter, ...values: string[]) => {
  for (const value of values) expect(linter(value, context), `${value} should pass`).toBeUndefined();
};
const failsWith = (linter: lint.Linter, value: string, message: string | RegExp) => {
  const error = linter(value, context);
  expect(error, `${value} should fail`).toBeDefined();
  expect(error).toMatch(message);
};

describe('GS1 Barcode Syntax Tests (linters)', () => {
  it('csum: GS1 mod-10 check digit', () => {
    passes(lint.csum, '09506000134352', '106141411234567897', '96385074');
    failsWith(lint.csum, '09506000134353', 'GTIN check digit should be 2, got 3');
  });

  it('csumalpha: check character pair (GMN example of the General Specifications)', () => {
    passes(lint.csumalpha, '1987654Ad4X4bL5ttr2310c2K');
    failsWith(lint.csumalpha, '1987654Ad4X4bL5ttr2310c2L', 'check characters should be 2K, got 2L');
    failsWith(lint.csumalpha, 'AB', /too short/);
    expect(lint.checkCharacterPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
  });

  it('gcppos1 / gcppos2 / key / keyoff1: a GS1 Company Prefix where the key expects one', () => {
    passes(lint.gcppos1, '0614141ABC', '1234');
    failsWith(lint.gcppos1, '12A4567', /GS1 Company Prefix at position 1/);
    passes(lint.gcppos2, '09506000134352');
    failsWith(lint.gcppos2, '0ABC', /position 2/);
    expect(lint.key).toBe(lint.gcppos1);
    expect(lint.keyoff1).toBe(lint.gcppos2);
  });

  it('yymmd0 allows day 00 (last day of the month), yymmdd does not; both refuse month 13 and 30 February', () => {
    passes(lint.yymmd0, '240229', '241200', '250100');
    passes(lint.yymmdd, '240229', '991231');
    failsWith(lint.yymmdd, '241200', 'day 00 is not a day of 2024-12');
    failsWith(lint.yymmd0, '201300', 'month 13 is not a month');
    failsWith(lint.yymmdd, '250229', 'day 29 is not a day of 2025-02');
    failsWith(lint.yymmd0, '240230', 'day 30 is not a day of 2024-02');
  });

  it('yyyymmdd and yyyymmd0', () => {
    passes(lint.yyyymmdd, '20000229', '19991231');
    failsWith(lint.yyyymmdd, '19000229', 'day 29 is not a day of 1900-02');
    failsWith(lint.yyyymmdd, '20241300', 'month 13 is not a month');
    passes(lint.yyyymmd0, '20241200');
  });

  it('hh, mi, ss and hhmi', () => {
    passes(lint.hh, '00', '23');
    failsWith(lint.hh, '24', /hour 24/);
    passes(lint.mi, '59');
    failsWith(lint.mi, '60', /minute 60/);
    failsWith(lint.ss, '60', /second 60/);
    passes(lint.hhmi, '0000', '2359');
    failsWith(lint.hhmi, '2360', /minute 60/);
    failsWith(lint.hhmi, '2400', /hour 24/);
  });

  it('ISO 3166 numeric, numeric or 999, alpha-2; ISO 4217; ISO/IEC 5218', () => {
    passes(lint.iso3166, '004', '276', '894');
    failsWith(lint.iso3166, '987', '987 is not an ISO 3166 country code');
    failsWith(lint.iso3166, '999', /not an ISO 3166/);
    passes(lint.iso3166999, '999', '250');
    failsWith(lint.iso3166999, '000', /not an ISO 3166/);
    passes(lint.iso3166alpha2, 'DE', 'GB', 'AD');
    failsWith(lint.iso3166alpha2, 'AA', /alpha-2/);
    passes(lint.iso4217, '978', '840', '008');
    failsWith(lint.iso4217, '004', /ISO 4217/);
    passes(lint.iso5218, '0', '1', '2', '9');
    failsWith(lint.iso5218, '3', /5218/);
  });

  it('iban: ISO 13616 country and mod-97 check digits', () => {
    passes(lint.iban, 'GB82WEST12345698765432', 'DE89370400440532013000');
    failsWith(lint.iban, 'GB83WEST12345698765432', 'IBAN check digits do not match the account');
    failsWith(lint.iban, 'XX82WEST12345698765432', /country XX/);
    failsWith(lint.iban, 'gb82west12345698765432', /not an IBAN/);
  });

  it('pcenc: every % starts a two-hex-digit escape', () => {
    passes(lint.pcenc, 'ABC', 'A%20B', '%2f');
    failsWith(lint.pcenc, 'A%2', '"%" at position 2 is not followed by two hex digits');
    failsWith(lint.pcenc, '%G0', /position 1/);
  });

  it('latitude and longitude ranges', () => {
    passes(lint.latitude, '0000000000', '1800000000');
    failsWith(lint.latitude, '1800000001', /latitude/);
    passes(lint.longitude, '3600000000');
    failsWith(lint.longitude, '3600000001', /longitude/);
  });

  it('yesno, hyphen, nonzero, zero, winding', () => {
    passes(lint.yesno, '0', '1');
    failsWith(lint.yesno, '2', /0 \(no\) or 1 \(yes\)/);
    passes(lint.hyphen, '-');
    failsWith(lint.hyphen, '+', /"-"/);
    passes(lint.nonzero, '0001', '10');
    failsWith(lint.nonzero, '0000', /not be zero/);
    passes(lint.zero, '0');
    failsWith(lint.zero, '1', /should be 0/);
    passes(lint.winding, '0', '1', '9');
    failsWith(lint.winding, '2', /winding/);
  });

  it('importeridx, packagetype, mediatype', () => {
    passes(lint.importeridx, 'A', 'z', '0', '-', '_');
    failsWith(lint.importeridx, '!', /importer index/);
    passes(lint.packagetype, '1A', 'PX', 'APE', '8');
    failsWith(lint.packagetype, 'ZZZZ', /package type/);
    passes(lint.mediatype, '01', '10', '80', '99');
    failsWith(lint.mediatype, '11', /media type/);
    failsWith(lint.mediatype, '00', /media type/);
  });

  it('pieceoftotal, posinseqslash', () => {
    passes(lint.pieceoftotal, '0101', '0102', '9999');
    failsWith(lint.pieceoftotal, '0201', 'piece 2 is beyond the total 1');
    failsWith(lint.pieceoftotal, '0001', /zero/);
    passes(lint.posinseqslash, '1/2', '2/2', '1/9');
    failsWith(lint.posinseqslash, '3/2', 'position 3 is beyond the total 2');
    failsWith(lint.posinseqslash, '0/2', /position\/total/);
  });

  it('nozeroprefix and hasnondigit', () => {
    passes(lint.nozeroprefix, '0', '1', '10');
    failsWith(lint.nozeroprefix, '01', /not start with 0/);
    passes(lint.hasnondigit, '1A', 'A');
    failsWith(lint.hasnondigit, '123', /non-digit/);
  });

  it('couponcode: the North American coupon code fields in order', () => {
    passes(lint.couponcode, '001234512345615110123', `001234512345615110123${'3'}251231`, `001234512345615110123${'3'}251231${'4'}240101`);
    failsWith(lint.couponcode, '0012345123456', /save value length/);
    failsWith(lint.couponcode, `001234512345615110123${'3'}251331`, /expiration date: month 13/);
    failsWith(lint.couponcode, `001234512345615110123${'7'}1`, /optional field 7/);
    failsWith(lint.couponcode, `001234512345615110123${'3'}240101${'4'}251231`, /start date is after/);
    failsWith(lint.couponcode, `001234512345615110123${'4'}240101${'3'}251231`, /optional field 3 is unknown or out of order/);
  });

  it('couponposoffer: format, company prefix, offer code, serial', () => {
    passes(lint.couponposoffer, '000123451234560123456');
    failsWith(lint.couponposoffer, '200123451234560123456', /format code 2/);
    failsWith(lint.couponposoffer, '0001234512345601234567', /unexpected data at position 22/);
  });
});
