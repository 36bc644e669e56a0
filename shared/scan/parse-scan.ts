/**
 * The one entry point for a scan: AIM id, then GS1 Digital Link, GS1 element strings (bracketed or
 * FNC1-separated), bare GTIN/SSCC, or plain data. Never throws.
 */
import type { Symbology } from '../domain/devices';
import { type AimSplit, aimMeaning, splitAim } from './aim';
import { checkDigitError, gtinError } from './check-digit';
import { looksLikeUri, parseDigitalLink } from './digital-link';
import { checkElements, type Gs1Element, type Gs1Options, type Gs1Result, parseBracketed, parseElementString } from './gs1';
import { GS, looksBracketed, splitElementString } from './gs1-syntax';
import { type ParsedScan, type ParsedScanOk, ParseScanOptions } from './parsed-scan';
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

/** The named fields, in the order they are printed, from one pass over the elements. */
function fromElements(elements: readonly Gs1Element[], symbology: Symbology, data: string): Outcome {
  let gtin: string | undefined;
  let sscc: string | undefined;
  let expiry: string | undefined;
  let bestBefore: string | undefined;
  let productionDate: string | undefined;
  let lot: string | undefined;
  let serial: string | undefined;
  let netWeightKg: number | undefined;
  let netWeightLb: number | undefined;
  let count37: number | undefined;
  let count30: number | undefined;
  let customerPo: string | undefined;
  let postal420: string | undefined;
  let postal421: string | undefined;
  const scanElements: ParsedScanOk['elements'] = [];
  for (const { ai, title, value, interpreted } of elements) {
    scanElements.push({ ai, title, value });
    const date = typeof interpreted === 'string' ? interpreted : undefined;
    const number = typeof interpreted === 'number' ? interpreted : undefined;
    switch (ai) {
      case '01':
        gtin ??= value;
        break;
      case '00':
        sscc ??= value;
        break;
      case '17':
        expiry ??= date;
        break;
      case '15':
        bestBefore ??= date;
        break;
      case '11':
        productionDate ??= date;
        break;
      case '10':
        lot ??= value;
        break;
      case '21':
        serial ??= value;
        break;
      case '37':
        count37 ??= number;
        break;
      case '30':
        count30 ??= number;
        break;
      case '400':
        customerPo ??= value;
        break;
      case '420':
        postal420 ??= value;
        break;
      case '421':
        postal421 ??= date;
        break;
      default:
        if (ai.startsWith('310')) netWeightKg ??= number;
        else if (ai.startsWith('320')) netWeightLb ??= number;
    }
  }
  const result: Omit<ParsedScanOk, 'ok' | 'symbology' | 'kind' | 'elements' | 'data'> = {};
  if (gtin !== undefined) result.gtin = gtin;
  if (sscc !== undefined) result.sscc = sscc;
  if (expiry !== undefined) result.expiry = expiry;
  if (bestBefore !== undefined) result.bestBefore = bestBefore;
  if (productionDate !== undefined) result.productionDate = productionDate;
  if (lot !== undefined) result.lot = lot;
  if (serial !== undefined) result.serial = serial;
  if (netWeightKg !== undefined) result.netWeightKg = netWeightKg;
  if (netWeightLb !== undefined) result.netWeightLb = netWeightLb;
  const count = count37 ?? count30;
  if (count !== undefined) result.count = count;
  if (customerPo !== undefined) result.customerPo = customerPo;
  const shipToPostal = postal420 ?? postal421;
  if (shipToPostal !== undefined) result.shipToPostal = shipToPostal;
  return { ok: true, symbology, kind: 'gs1', ...result, elements: scanElements, data };
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

/** The 2D part of an EAN/UPC with a GS1 Composite component, as the scanner sends it: "]E0<digits>|]e0<AIs>". */
const COMPOSITE_MARK = /\|\]e[01]/;

/** The GTIN a retail symbol carries, or why its data is not one. */
function retailGtin(body: string, symbology: Symbology): { ok: true; gtin: string } | { ok: false; error: string } {
  if (!ONLY_DIGITS.test(body)) return { ok: false, error: `${symbology.toUpperCase()} data should be digits only, got "${body}"` };
  let gtin = body;
  if (symbology === 'upc-e') {
    const upcA = expandUpcE(body);
    if (upcA === undefined) return { ok: false, error: `UPC-E should be 6 digits, or 8 digits starting 0 or 1, got "${body}"` };
    gtin = upcA;
  } else if (symbology === 'ean-13' && (body.length === 15 || body.length === 18)) {
    gtin = body.slice(0, 13);
  }
  const error = gtinError(gtin);
  return error ? { ok: false, error } : { ok: true, gtin: gtin.padStart(14, '0') };
}

/** EAN/UPC linear part plus its composite component: one GS1 message, AI (01) first. */
function compositeScan(aimId: string, body: string, gs1: Gs1Options, data: string): Outcome {
  const mark = COMPOSITE_MARK.exec(body);
  const linear = mark ? body.slice(0, mark.index) : body;
  const component = mark ? body.slice(mark.index + mark[0].length) : '';
  const symbology = aimMeaning(aimId, linear).symbology;
  const gtin = retailGtin(linear, symbology);
  if (!gtin.ok) return failure(gtin.error, data);
  const split = splitElementString(component);
  if (!split.ok) return failure(`composite component: ${split.error}`, data);
  return fromGs1(
    checkElements([{ ai: '01', value: gtin.gtin }, ...split.elements], gs1.currentYear ?? new Date().getUTCFullYear(), gs1.requisites),
    symbology,
    data,
  );
}

/** EAN-13, EAN-8, UPC-A, UPC-E, ITF-14: the data is a GTIN (an EAN-13 may carry a 2- or 5-digit add-on). */
function retailScan(body: string, symbology: Symbology, data: string): Outcome {
  const gtin = retailGtin(body, symbology);
  if (!gtin.ok) return failure(gtin.error, data);
  return { ok: true, symbology, kind: 'gtin', gtin: gtin.gtin, elements: [{ ai: '01', title: 'GTIN', value: gtin.gtin }], data };
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
  if (aim.aimId !== undefined && aim.aimId.charAt(1) === 'E' && COMPOSITE_MARK.test(body)) return compositeScan(aim.aimId, body, gs1, data);
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
    if (!checked.success)
      return failure(
        `bad scan options: ${checked.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`,
        data,
      );
    options = checked.data;
  }
  if (data.length > MAX_SCAN_LENGTH) return failure(`scan longer than ${MAX_SCAN_LENGTH} characters`, data);
  const trimmed = withoutTrailingNewlines(data);
  let aim = splitAim(trimmed);
  if (aim.aimId === undefined && options.aimId !== undefined) {
    aim = { aimId: options.aimId, ...aimMeaning(options.aimId, trimmed), body: trimmed };
  }
  const gs1: Gs1Options = { currentYear: (options.now ?? new Date()).getUTCFullYear() };
  if (options.requisites !== undefined) gs1.requisites = options.requisites;
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
