/**
 * The GS1 Barcode Syntax Tests ("linters") the Syntax Dictionary names, as pure functions: each takes
 * one component's data and answers undefined when it passes, or why it fails. Type checks (digits,
 * character sets) come before these and are not repeated here.
 */
import { computeCheckDigit } from '../check-digit';
import { daysInMonth, fullYear } from '../gs1-date';
import { ISO_3166_ALPHA2, ISO_3166_NUMERIC, ISO_4217_NUMERIC, PACKAGE_TYPES } from './code-lists';

export interface LintContext {
  /** Year two-digit GS1 years are read against (sliding window). */
  currentYear: number;
  /** What the key is called in messages, e.g. "GTIN" for the check digit of AI 01. */
  keyLabel: string;
}

export type Linter = (data: string, context: LintContext) => string | undefined;

const DIGITS = /^\d+$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

export const csum: Linter = (data, { keyLabel }) => {
  if (data.length < 2 || !DIGITS.test(data)) return `${keyLabel} should be digits only`;
  const expected = computeCheckDigit(data.slice(0, -1));
  const got = data.charCodeAt(data.length - 1) - 48;
  return expected === got ? undefined : `${keyLabel} check digit should be ${expected}, got ${got}`;
};

/** GS1 character set 82, in the order that gives each character its value for check character pairs. */
export const CSET_82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET_32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113];

/** The two check characters (character set 32) for `data` under the GS1 check character pair scheme. */
export function checkCharacterPair(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i += 1) {
    sum += CSET_82.indexOf(data.charAt(i)) * (PRIMES[data.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return CSET_32.charAt(sum >> 5) + CSET_32.charAt(sum & 31);
}

export const csumalpha: Linter = (data) => {
  if (data.length < 3) return 'too short for a check character pair';
  if (data.length - 2 > PRIMES.length) return 'too long for a check character pair';
  const expected = checkCharacterPair(data.slice(0, -2));
  const got = data.slice(-2);
  return expected === got ? undefined : `check characters should be ${expected}, got ${got}`;
};

/** A GS1 Company Prefix starts here: at least four digits (the shortest prefix GS1 allocates). */
function companyPrefixAt(offset: number): Linter {
  return (data) => (/^\d{4}/.test(data.slice(offset)) ? undefined : `should start with a GS1 Company Prefix at position ${offset + 1}`);
}
export const gcppos1 = companyPrefixAt(0);
export const gcppos2 = companyPrefixAt(1);
export const key = gcppos1;
export const keyoff1 = gcppos2;

function dateError(year: number, month: number, day: number, zeroDayAllowed: boolean): string | undefined {
  if (month < 1 || month > 12) return `month ${pad2(month)} is not a month`;
  if (day === 0 && zeroDayAllowed) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${pad2(day)} is not a day of ${year}-${pad2(month)}`;
  return undefined;
}

function yymmddLinter(zeroDayAllowed: boolean): Linter {
  return (data, { currentYear }) => {
    if (!/^\d{6}$/.test(data)) return `date should be 6 digits YYMMDD, got "${data}"`;
    const year = fullYear(Number(data.slice(0, 2)), currentYear);
    return dateError(year, Number(data.slice(2, 4)), Number(data.slice(4, 6)), zeroDayAllowed);
  };
}
export const yymmd0 = yymmddLinter(true);
export const yymmdd = yymmddLinter(false);

function yyyymmddLinter(zeroDayAllowed: boolean): Linter {
  return (data) => {
    if (!/^\d{8}$/.test(data)) return `date should be 8 digits YYYYMMDD, got "${data}"`;
    return dateError(Number(data.slice(0, 4)), Number(data.slice(4, 6)), Number(data.slice(6, 8)), zeroDayAllowed);
  };
}
export const yyyymmdd = yyyymmddLinter(false);
export const yyyymmd0 = yyyymmddLinter(true);

function rangeLinter(label: string, length: number, max: number): Linter {
  const pattern = new RegExp(`^\\d{${length}}$`);
  return (data) =>
    pattern.test(data) && Number(data) <= max ? undefined : `${label} ${data} is not ${length === 2 ? `00-${max}` : `0-${max}`}`;
}
export const hh = rangeLinter('hour', 2, 23);
export const mi = rangeLinter('minute', 2, 59);
export const ss = rangeLinter('second', 2, 59);
export const hhmi: Linter = (data, context) =>
  /^\d{4}$/.test(data) ? (hh(data.slice(0, 2), context) ?? mi(data.slice(2), context)) : `time should be 4 digits HHMM, got "${data}"`;

export const iso3166: Linter = (data) => (ISO_3166_NUMERIC.has(data) ? undefined : `${data} is not an ISO 3166 country code`);
export const iso3166999: Linter = (data, context) => (data === '999' ? undefined : iso3166(data, context));
export const iso3166alpha2: Linter = (data) => (ISO_3166_ALPHA2.has(data) ? undefined : `${data} is not an ISO 3166 alpha-2 country code`);
export const iso4217: Linter = (data) => (ISO_4217_NUMERIC.has(data) ? undefined : `${data} is not an ISO 4217 currency code`);
export const iso5218: Linter = (data) => (/^[0129]$/.test(data) ? undefined : `${data} is not an ISO/IEC 5218 sex code (0, 1, 2 or 9)`);

/** IBAN (ISO 13616): country code, two check digits, then the account; mod 97 of the rearranged number is 1. */
export const iban: Linter = (data) => {
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]{1,30}$/.test(data))
    return `"${data}" is not an IBAN (country, 2 check digits, account in capitals and digits)`;
  if (!ISO_3166_ALPHA2.has(data.slice(0, 2))) return `IBAN country ${data.slice(0, 2)} is not an ISO 3166 alpha-2 code`;
  const rearranged = data.slice(4) + data.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1 ? undefined : 'IBAN check digits do not match the account';
};

export const pcenc: Linter = (data) => {
  for (let i = 0; i < data.length; i += 1) {
    if (data[i] === '%' && !/^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3)))
      return `"%" at position ${i + 1} is not followed by two hex digits`;
  }
  return undefined;
};

export const latitude: Linter = (data) =>
  /^\d{10}$/.test(data) && Number(data) <= 1_800_000_000 ? undefined : `latitude ${data} is out of range (0000000000-1800000000)`;
export const longitude: Linter = (data) =>
  /^\d{10}$/.test(data) && Number(data) <= 3_600_000_000 ? undefined : `longitude ${data} is out of range (0000000000-3600000000)`;
export const yesno: Linter = (data) => (data === '0' || data === '1' ? undefined : `${data} should be 0 (no) or 1 (yes)`);
export const hyphen: Linter = (data) => (/^-+$/.test(data) ? undefined : `"${data}" should be "-"`);
export const nonzero: Linter = (data) => (/^0+$/.test(data) ? `${data} should not be zero` : undefined);
export const zero: Linter = (data) => (data === '0' ? undefined : `${data} should be 0`);
export const winding: Linter = (data) => (/^[019]$/.test(data) ? undefined : `winding direction ${data} should be 0, 1 or 9`);
export const importeridx: Linter = (data) => (/^[-0-9A-Z_a-z]$/.test(data) ? undefined : `"${data}" is not an importer index`);
export const packagetype: Linter = (data) => (PACKAGE_TYPES.has(data) ? undefined : `${data} is not a package type code`);
export const mediatype: Linter = (data) => {
  const n = Number(data);
  return /^\d{2}$/.test(data) && ((n >= 1 && n <= 10) || n >= 80) ? undefined : `${data} is not an AIDC media type (01-10, 80-99)`;
};
export const nozeroprefix: Linter = (data) => (data.length > 1 && data.startsWith('0') ? `"${data}" should not start with 0` : undefined);
export const hasnondigit: Linter = (data) => (DIGITS.test(data) ? `"${data}" should contain a non-digit` : undefined);

export const pieceoftotal: Linter = (data) => {
  if (!/^\d{4}$/.test(data)) return `piece of total should be 4 digits, got "${data}"`;
  const piece = Number(data.slice(0, 2));
  const total = Number(data.slice(2));
  if (piece === 0 || total === 0) return `piece ${piece} of ${total}: neither may be zero`;
  return piece <= total ? undefined : `piece ${piece} is beyond the total ${total}`;
};

export const posinseqslash: Linter = (data) => {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(data);
  if (!match) return `"${data}" should be position/total, e.g. 1/2`;
  return Number(match[1]) <= Number(match[2]) ? undefined : `position ${match[1]} is beyond the total ${match[2]}`;
};

/** Reads the fields of a coupon code one after another; each read fails with the reason. */
class CouponReader {
  pos = 0;
  constructor(readonly data: string) {}
  digits(count: number, what: string): string {
    const part = this.data.slice(this.pos, this.pos + count);
    if (part.length !== count || !DIGITS.test(part))
      throw new RangeError(`${what} should be ${count} digit${count === 1 ? '' : 's'} at position ${this.pos + 1}`);
    this.pos += count;
    return part;
  }
  oneOf(allowed: string, what: string): string {
    const digit = this.digits(1, what);
    if (!allowed.includes(digit))
      throw new RangeError(`${what} ${digit} at position ${this.pos} is not one of ${allowed.split('').join(', ')}`);
    return digit;
  }
  /** A variable length indicator, then that many digits plus `base`. */
  sized(allowed: string, base: number, what: string): string {
    const vli = Number(this.oneOf(allowed, `${what} length`));
    return this.digits(vli + base, what);
  }
  get done(): boolean {
    return this.pos >= this.data.length;
  }
}

function readCoupon(data: string, read: (reader: CouponReader) => void): string | undefined {
  if (!DIGITS.test(data)) return 'coupon code should be digits only';
  const reader = new CouponReader(data);
  try {
    read(reader);
  } catch (error) {
    return error instanceof RangeError ? error.message : 'unreadable coupon code';
  }
  return reader.done ? undefined : `unexpected data at position ${reader.pos + 1} of the coupon code`;
}

/** AI (8110): North American coupon code. */
export const couponcode: Linter = (data, context) =>
  readCoupon(data, (r) => {
    r.sized('0123456', 6, 'company prefix');
    r.digits(6, 'offer code');
    r.sized('12345', 0, 'save value');
    r.sized('12345', 0, 'purchase requirement');
    r.oneOf('012349', 'purchase requirement code');
    r.digits(3, 'family code');
    let last = 0;
    let expiry: string | undefined;
    let start: string | undefined;
    while (!r.done) {
      const field = Number(r.digits(1, 'optional field'));
      if (field <= last || ![1, 2, 3, 4, 5, 6, 9].includes(field))
        throw new RangeError(`optional field ${field} is unknown or out of order`);
      last = field;
      if (field === 1) {
        r.oneOf('0123', 'additional purchase rules code');
        r.sized('12345', 0, 'second purchase requirement');
        r.oneOf('012349', 'second purchase requirement code');
        r.digits(3, 'second family code');
        const vli = r.oneOf('01234569', 'second company prefix length');
        if (vli !== '9') r.digits(Number(vli) + 6, 'second company prefix');
      } else if (field === 2) {
        r.sized('12345', 0, 'third purchase requirement');
        r.oneOf('012349', 'third purchase requirement code');
        r.digits(3, 'third family code');
        const vli = r.oneOf('01234569', 'third company prefix length');
        if (vli !== '9') r.digits(Number(vli) + 6, 'third company prefix');
      } else if (field === 3 || field === 4) {
        const date = r.digits(6, field === 3 ? 'expiration date' : 'start date');
        const error = yymmdd(date, context);
        if (error) throw new RangeError(`${field === 3 ? 'expiration' : 'start'} date: ${error}`);
        if (field === 3) expiry = date;
        else start = date;
      } else if (field === 5) {
        r.sized('0123456789', 6, 'serial number');
      } else if (field === 6) {
        r.sized('1234567', 6, 'retailer id');
      } else {
        r.oneOf('01256', 'save value code');
        r.oneOf('012', 'save value applies to item');
        r.digits(1, 'store coupon flag');
        r.oneOf('01', 'do not multiply flag');
      }
    }
    if (expiry !== undefined && start !== undefined && start > expiry) throw new RangeError('start date is after the expiration date');
  });

/** AI (8112): paperless coupon offer for the point of sale. */
export const couponposoffer: Linter = (data) =>
  readCoupon(data, (r) => {
    r.oneOf('01', 'format code');
    r.sized('0123456', 6, 'company prefix');
    r.digits(6, 'offer code');
    r.sized('0123456789', 6, 'serial number');
  });

/** Every linter by the name the dictionary uses. */
export const LINTERS: Readonly<Record<string, Linter>> = Object.freeze({
  csum,
  csumalpha,
  gcppos1,
  gcppos2,
  key,
  keyoff1,
  yymmd0,
  yymmdd,
  yyyymmdd,
  yyyymmd0,
  hh,
  mi,
  ss,
  hhmi,
  iso3166,
  iso3166999,
  iso3166alpha2,
  iso4217,
  iso5218,
  iban,
  pcenc,
  latitude,
  longitude,
  yesno,
  hyphen,
  nonzero,
  zero,
  winding,
  importeridx,
  packagetype,
  mediatype,
  nozeroprefix,
  hasnondigit,
  pieceoftotal,
  posinseqslash,
  couponcode,
  couponposoffer,
});
