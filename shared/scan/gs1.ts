/**
 * GS1 element strings -> checked elements. Accepts the human-readable bracketed form
 * `(01)09506000134352(17)201225(10)ABC123` and FNC1-separated data (GS 0x1D between elements, or
 * a site-configured substitute character that a keyboard-wedge scanner types instead of GS).
 * Formats, content checks, titles and pairing rules all come from GS1's Barcode Syntax Dictionary.
 */
import { aiEntry, isIdentificationKey } from './gs1/ai-table';
import { checkElementValue, type Interpreted } from './gs1/element';
import { pairingError } from './gs1/pairing';
import { GS, looksBracketed, type RawElement, splitBracketed, splitElementString } from './gs1-syntax';

export interface Gs1Element {
  ai: string;
  /** Title from GS1's Barcode Syntax Dictionary, e.g. "BATCH/LOT". */
  title: string;
  /** The element's data exactly as encoded. */
  value: string;
  /** ISO date for date AIs, number for counts and measures. */
  interpreted?: Interpreted;
}

export type Gs1Result = { ok: true; elements: Gs1Element[] } | { ok: false; error: string };

export interface Gs1Options {
  /** Character the scanner sends in place of GS (FNC1), e.g. "|" or "~". */
  separator?: string;
  /** Year the two-digit GS1 years are read against (sliding window); defaults to this year. */
  currentYear?: number;
  /**
   * Where the dictionary's `req=` rules are checked: in this data ("scan"), or later over all labels of
   * the item ("item", see `itemPairingError`). When not given, data that carries an identification key
   * (GTIN, SSCC, GLN, ...) is checked as a whole item and a label without one (e.g. a separate lot and
   * expiry label) is left to the workflow. `ex=` conflicts are always refused here.
   */
  requisites?: 'scan' | 'item';
}

const currentYearOf = (opts: Gs1Options) => opts.currentYear ?? new Date().getUTCFullYear();

/** Check split elements: known AI, format and content rules, no conflicting duplicates, pairing rules. */
export function checkElements(raw: readonly RawElement[], currentYear: number, requisites?: 'scan' | 'item'): Gs1Result {
  const elements: Gs1Element[] = [];
  const seen = new Map<string, string>();
  for (const { ai, value } of raw) {
    const entry = aiEntry(ai);
    if (entry === undefined) return { ok: false, error: `unknown AI ${ai}` };
    const checked = checkElementValue(entry, value, currentYear);
    if (!checked.ok) return checked;
    const previous = seen.get(ai);
    if (previous !== undefined) {
      if (previous !== value) return { ok: false, error: `AI ${ai} appears twice with different values` };
      continue;
    }
    seen.set(ai, value);
    elements.push(
      checked.interpreted === undefined
        ? { ai, title: entry.title, value }
        : { ai, title: entry.title, value, interpreted: checked.interpreted },
    );
  }
  const whole = requisites === undefined ? elements.some((e) => isIdentificationKey(e.ai)) : requisites === 'scan';
  const pairing = pairingError(
    elements.map((e) => e.ai),
    !whole,
  );
  return pairing ? { ok: false, error: pairing } : { ok: true, elements };
}

/** FNC1-separated data (no symbology identifier; a leading FNC1 is allowed). */
export function parseElementString(data: string, opts: Gs1Options = {}): Gs1Result {
  const { separator } = opts;
  const normalized = separator && separator !== GS ? data.split(separator).join(GS) : data;
  const split = splitElementString(normalized);
  return split.ok ? checkElements(split.elements, currentYearOf(opts), opts.requisites) : split;
}

/** Human-readable data with AIs in brackets. */
export function parseBracketed(text: string, opts: Gs1Options = {}): Gs1Result {
  const split = splitBracketed(text);
  return split.ok ? checkElements(split.elements, currentYearOf(opts), opts.requisites) : split;
}

/** Either form: bracketed when it starts with "(AI)", FNC1-separated otherwise. */
export function parseGs1(input: string, opts: Gs1Options = {}): Gs1Result {
  return looksBracketed(input) ? parseBracketed(input, opts) : parseElementString(input, opts);
}
