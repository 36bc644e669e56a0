/**
 * Content rules for the AIs a receiving dock or packing bench relies on: check digits, dates,
 * decimal measures, counts and length/character-set limits, with the reason when one fails.
 * AIs without a rule here get the generic GS1 character-set check.
 */
import { checkDigitError } from './check-digit';
import { parseGs1Date } from './gs1-date';

/** What an element means beyond its text: an ISO date or a number. */
export type Interpreted = string | number | undefined;

export type RuleResult = { ok: true; interpreted: Interpreted } | { ok: false; error: string };

type Rule = (value: string, ai: string, currentYear: number) => RuleResult;

/** GS1 AI encodable character set 82 (ISO/IEC 646 subset). */
const CHARSET_82 = /^[!"%-?A-Z_a-z]*$/;
/** GS1 AI encodable character set 39 (used by component/part identifiers). */
const CHARSET_39 = /^[#\-/0-9A-Z]*$/;
const CHARSET_82_CHAR = /[!"%-?A-Z_a-z]/;
const CHARSET_39_CHAR = /[#\-/0-9A-Z]/;

const ok = (interpreted?: Interpreted): RuleResult => ({ ok: true, interpreted });
const fail = (error: string): RuleResult => ({ ok: false, error });

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code <= 0x7e ? `"${ch}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function badCharacter(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

/** Alphanumeric X..max in character set 82 (or 39). */
function text(label: string, max: number, charset: 82 | 39 = 82): Rule {
  return (value) => {
    if (value.length === 0) return fail(`${label} is empty`);
    if (value.length > max) return fail(`${label} longer than ${max} characters (${value.length})`);
    if (!(charset === 82 ? CHARSET_82 : CHARSET_39).test(value)) {
      const ch = badCharacter(value, charset === 82 ? CHARSET_82_CHAR : CHARSET_39_CHAR) ?? '';
      return fail(`${label} has ${describeChar(ch)}, not in GS1 character set ${charset}`);
    }
    return ok();
  };
}

function digits(min: number, max: number): RegExp {
  return new RegExp(`^\\d{${min},${max}}$`);
}

/** Numeric N..max (or fixed N when min = max), read as a whole number. */
function count(label: string, min: number, max: number): Rule {
  const pattern = digits(min, max);
  const size = min === max ? `${min}` : `${min}-${max}`;
  return (value) => (pattern.test(value) ? ok(Number(value)) : fail(`${label} should be ${size} digits, got "${value}"`));
}

/** An identification key with a mod-10 check digit. */
function key(label: string, length: number): Rule {
  const pattern = digits(length, length);
  return (value) => {
    if (!pattern.test(value)) return fail(`${label} should be ${length} digits, got "${value}"`);
    const error = checkDigitError(value, label);
    return error ? fail(error) : ok();
  };
}

const date: Rule = (value, _ai, currentYear) => {
  const result = parseGs1Date(value, currentYear);
  return result.ok ? ok(result.iso) : fail(result.error);
};

/** N6 measure whose last AI digit says how many decimals: 3103 000123 = 0.123. */
const measure: Rule = (value, ai) => {
  const decimals = Number(ai.charAt(3));
  if (decimals > 5) return fail(`decimal point position ${decimals} is not allowed (0-5)`);
  if (!/^\d{6}$/.test(value)) return fail(`measure should be 6 digits, got "${value}"`);
  return ok(Number(value) / 10 ** decimals);
};

/** Country code N3 followed by X..max. */
function countryThen(label: string, max: number): Rule {
  const rest = text(label, max);
  return (value) => {
    if (!/^\d{3}/.test(value)) return fail(`${label} should start with a 3-digit ISO country code, got "${value}"`);
    const result = rest(value.slice(3), '', 0);
    return result.ok ? ok(value.slice(3)) : result;
  };
}

const RULES: Readonly<Record<string, Rule>> = (() => {
  const table: Record<string, Rule> = {
    '00': key('SSCC', 18),
    '01': key('GTIN', 14),
    '02': key('GTIN', 14),
    '03': key('GTIN', 14),
    '10': text('lot', 20),
    '11': date, '12': date, '13': date, '15': date, '16': date, '17': date, '7006': date,
    '20': count('variant', 2, 2),
    '21': text('serial', 20),
    '22': text('consumer product variant', 20),
    '240': text('additional item id', 30),
    '241': text('customer part number', 30),
    '250': text('secondary serial', 30),
    '251': text('reference to source', 30),
    '30': count('count', 1, 8),
    '37': count('count', 1, 8),
    '400': text('customer PO', 30),
    '401': text('consignment number', 30),
    '403': text('routing code', 30),
    '420': text('ship-to postal code', 20),
    '421': countryThen('ship-to postal code', 9),
    '8010': text('component/part id', 30, 39),
    '8017': key('GSRN', 18),
    '8018': key('GSRN', 18),
    '90': text('mutually agreed data', 30),
  };
  for (let n = 410; n <= 417; n += 1) table[String(n)] = key('GLN', 13);
  for (let n = 91; n <= 99; n += 1) table[String(n)] = text('company internal data', 90);
  return Object.freeze(table);
})();

const MEASURE_AI = /^3[1-6]\d\d$/;
const anyText = text('data', 90);

/** Check one element's content; the error is prefixed with its AI. */
export function checkElement(ai: string, value: string, currentYear: number): RuleResult {
  const rule = RULES[ai] ?? (MEASURE_AI.test(ai) ? measure : anyText);
  const result = rule(value, ai, currentYear);
  return result.ok ? result : fail(`AI ${ai}: ${result.error}`);
}
