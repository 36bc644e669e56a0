/**
 * The one entry point for a scan: AIM id, then GS1 Digital Link, GS1 element strings (bracketed or
 * FNC1-separated), bare GTIN/SSCC, or plain data. Never throws.
 */
import type { Symbology } from '../domain/devices';
import { aimMeaning, splitAim, type AimSplit } from './aim';
import { checkDigitError, gtinError } from './check-digit';
import { looksLikeUri, parseDigitalLink } from './digital-link';
import { parseBracketed, parseElementString, type Gs1Element, type Gs1Options, type Gs1Result } from './gs1';
import { GS, looksBracketed } from './gs1-syntax';
import { ParseScanOptions, type ParsedScan } from './parsed-scan';
import { expandUpcE } from './upc-e';

/** Longest scan accepted; a ScanEvent carries at most this much. */
export const MAX_SCAN_LENGTH = 4096;

const ONLY_DIGITS = /^\d+$/;
const TWO_DIGITS_FIRST = /^\d\d/;
/** Unprefixed data that starts with an SSCC or GTIN element: "00" + 18 digits, "01"/"02"/"03" + 14 digits. */
const KEY_ELEMENT_FIRST = /^(?:00\d{18}|0[1-3]\d{14})/;
const RETAIL: ReadonlySet<Symbology> = new Set(['ean-13', 'ean-8', 'upc-a', 'upc-e', 'itf-14']);
const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

type Outcome = ParsedScan;

const failure = (error: string, data: string): Outcome => ({ ok: false, error, data });

function fromGs1(result: Gs1Result, symbology: Symbology, data: string): Outcome {
  if (!result.ok) return failure(result.error, data);
  return fromElements(result.elements, symbology, data);
}

function text(elements: readonly Gs1Element[], ai: string): string | undefined {
  return elements.find((e) => e.ai === ai)?.value;
}

/** The date (or other text meaning) an element was read as. */
function meaning(elements: readonly Gs1Element[], ai: string): string | undefined {
  const found = elements.find((e) => e.ai === ai)?.interpreted;
  return typeof found === 'string' ? found : undefined;
}

function amount(elements: readonly Gs1Element[], test: (ai: string) => boolean): number | undefined {
  const found = elements.find((e) => test(e.ai))?.interpreted;
  return typeof found === 'number' ? found : undefined;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function fromElements(elements: readonly Gs1Element[], symbology: Symbology, data: string): Outcome {
  const fields = definedOnly({
    gtin: text(elements, '01'),
    sscc: text(elements, '00'),
    expiry: meaning(elements, '17'),
    bestBefore: meaning(elements, '15'),
    productionDate: meaning(elements, '11'),
    lot: text(elements, '10'),
    serial: text(elements, '21'),
    netWeightKg: amount(elements, (ai) => ai.startsWith('310')),
    netWeightLb: amount(elements, (ai) => ai.startsWith('320')),
    count: amount(elements, (ai) => ai === '37') ?? amount(elements, (ai) => ai === '30'),
    customerPo: text(elements, '400'),
    shipToPostal: text(elements, '420') ?? meaning(elements, '421'),
  });
  return {
    ok: true,
    symbology,
    kind: 'gs1',
    ...fields,
    elements: elements.map(({ ai, title, value }) => ({ ai, title, value })),
    data,
  };
}

function gtinScan(gtin: string, symbology: Symbology, data: string): Outcome {
  const error = gtinError(gtin);
  if (error) return failure(error, data);
  const gtin14 = gtin.padStart(14, '0');
  return { ok: true, symbology, kind: 'gtin', gtin: gtin14, elements: [{ ai: '01', title: 'GTIN', value: gtin14 }], data };
}

function ssccScan(sscc: string, symbology: Symbology, data: string): Outcome {
  const error = checkDigitError(sscc, 'SSCC');
  if (error) return failure(error, data);
  return { ok: true, symbology, kind: 'sscc', sscc, elements: [{ ai: '00', title: 'SSCC', value: sscc }], data };
}

const plainScan = (symbology: Symbology, data: string): Outcome => ({ ok: true, symbology, kind: 'plain', elements: [], data });

/** EAN-13, EAN-8, UPC-A, UPC-E, ITF-14: the data is a GTIN (an EAN-13 may carry a 2- or 5-digit add-on). */
function retailScan(body: string, symbology: Symbology, data: string): Outcome {
  if (!ONLY_DIGITS.test(body)) return failure(`${symbology.toUpperCase()} data should be digits only, got "${body}"`, data);
  if (symbology === 'upc-e') {
    const upcA = expandUpcE(body);
    return upcA === undefined ? failure(`UPC-E should be 8 digits starting 0 or 1, got "${body}"`, data) : gtinScan(upcA, symbology, data);
  }
  const withoutAddOn = symbology === 'ean-13' && (body.length === 15 || body.length === 18) ? body.slice(0, 13) : body;
  return gtinScan(withoutAddOn, symbology, data);
}

/** Data with no symbology identifier: decide from its shape. */
function unidentifiedScan(body: string, gs1: Gs1Options, data: string): Outcome {
  if (ONLY_DIGITS.test(body)) {
    if (GTIN_LENGTHS.has(body.length)) return gtinScan(body, 'unknown', data);
    if (body.length === 18) return ssccScan(body, 'unknown', data);
  }
  const separated = body.includes(GS) || (gs1.separator !== undefined && body.includes(gs1.separator));
  if (body.startsWith(GS) || (TWO_DIGITS_FIRST.test(body) && (separated || KEY_ELEMENT_FIRST.test(body)))) {
    return fromGs1(parseElementString(body, gs1), 'unknown', data);
  }
  return plainScan('unknown', data);
}

function classify(aim: AimSplit, gs1: Gs1Options, data: string): Outcome {
  const { body, symbology } = aim;
  if (body.length === 0) return failure('empty scan', data);
  if (aim.gs1) {
    return fromGs1(looksBracketed(body) ? parseBracketed(body, gs1) : parseElementString(body, gs1), symbology, data);
  }
  if (RETAIL.has(symbology)) return retailScan(body, symbology, data);
  if (looksLikeUri(body)) {
    const link = parseDigitalLink(body, gs1);
    return link === undefined ? plainScan(symbology, data) : fromGs1(link, symbology, data);
  }
  if (looksBracketed(body)) return fromGs1(parseBracketed(body, gs1), symbology === 'unknown' ? 'gs1-128' : symbology, data);
  if (aim.aimId === undefined || symbology === 'unknown') return unidentifiedScan(body, gs1, data);
  return plainScan(symbology, data);
}

function parseScanUnchecked(data: string, opts: unknown): Outcome {
  let options: ParseScanOptions = {};
  if (opts !== undefined) {
    const checked = ParseScanOptions.safeParse(opts);
    if (!checked.success) return failure(`bad scan options: ${checked.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`, data);
    options = checked.data;
  }
  if (data.length > MAX_SCAN_LENGTH) return failure(`scan longer than ${MAX_SCAN_LENGTH} characters`, data);
  const trimmed = withoutTrailingNewlines(data);
  let aim = splitAim(trimmed);
  if (aim.aimId === undefined && options.aimId !== undefined) {
    aim = { aimId: options.aimId, ...aimMeaning(options.aimId, trimmed), body: trimmed };
  }
  const gs1: Gs1Options = { currentYear: (options.now ?? new Date()).getUTCFullYear() };
  if (options.separator !== undefined) gs1.separator = options.separator;
  return classify(aim, gs1, data);
}

/** Parse one scan as the station reads it. Never throws: anything unreadable is `{ ok: false, error }`. */
export function parseScan(raw: string, opts?: ParseScanOptions): ParsedScan {
  const data = typeof raw === 'string' ? raw : safeString(raw);
  try {
    return parseScanUnchecked(data, opts);
  } catch (thrown) {
    return failure(`could not read the scan: ${thrown instanceof Error ? thrown.message : safeString(thrown)}`, data);
  }
}

function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}
