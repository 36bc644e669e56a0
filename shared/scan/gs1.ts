/**
 * GS1 element strings -> checked elements. Accepts the human-readable bracketed form
 * `(01)09506000134352(17)201225(10)ABC123` and FNC1-separated data (GS 0x1D between elements, or
 * a site-configured substitute character that a keyboard-wedge scanner types instead of GS).
 *
 * Splitting follows the GS1 structure tables here rather than `gs1-barcode-parser-mod`'s whole-string
 * parse, because the library drops data that starts with a transmitted FNC1, gives errors without
 * saying which element failed, and reads month 13 or day 32 as a date in the next month/year. The
 * library still supplies the AI table: the elements are looked up there for their titles and existence.
 */
import { lookupElement, lookupTitles, type AiLookup } from './gs1-library';
import { checkElement, type Interpreted } from './gs1-rules';
import { GS, looksBracketed, predefinedLength, splitBracketed, splitElementString, type RawElement } from './gs1-syntax';

export interface Gs1Element {
  ai: string;
  /** Short title from the GS1 AI table, e.g. "BATCH/LOT". */
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
}

const currentYearOf = (opts: Gs1Options) => opts.currentYear ?? new Date().getUTCFullYear();

/** Check split elements: length, existence in the AI table, content rules; no conflicting duplicates. */
export function checkElements(raw: readonly RawElement[], currentYear: number): Gs1Result {
  for (const { ai, value } of raw) {
    const total = predefinedLength(ai);
    if (total !== undefined && value.length !== total - ai.length) {
      return { ok: false, error: `AI ${ai}: should be ${total - ai.length} characters, got ${value.length}` };
    }
  }
  const titles = lookupTitles(raw);
  const elements: Gs1Element[] = [];
  const seen = new Map<string, string>();
  for (const [index, { ai, value }] of raw.entries()) {
    const title = titles?.[index];
    const lookup: AiLookup = title === undefined ? lookupElement(ai, value) : { ok: true, title };
    if (!lookup.ok && lookup.unknownAi) return { ok: false, error: lookup.error };
    const rule = checkElement(ai, value, currentYear);
    if (!rule.ok) return rule;
    if (!lookup.ok) return { ok: false, error: lookup.error };
    const previous = seen.get(ai);
    if (previous !== undefined) {
      if (previous !== value) return { ok: false, error: `AI ${ai} appears twice with different values` };
      continue;
    }
    seen.set(ai, value);
    elements.push(rule.interpreted === undefined ? { ai, title: lookup.title, value } : { ai, title: lookup.title, value, interpreted: rule.interpreted });
  }
  return { ok: true, elements };
}

/** FNC1-separated data (no symbology identifier; a leading FNC1 is allowed). */
export function parseElementString(data: string, opts: Gs1Options = {}): Gs1Result {
  const { separator } = opts;
  const normalized = separator && separator !== GS ? data.split(separator).join(GS) : data;
  const split = splitElementString(normalized);
  return split.ok ? checkElements(split.elements, currentYearOf(opts)) : split;
}

/** Human-readable data with AIs in brackets. */
export function parseBracketed(text: string, opts: Gs1Options = {}): Gs1Result {
  const split = splitBracketed(text);
  return split.ok ? checkElements(split.elements, currentYearOf(opts)) : split;
}

/** Either form: bracketed when it starts with "(AI)", FNC1-separated otherwise. */
export function parseGs1(input: string, opts: Gs1Options = {}): Gs1Result {
  return looksBracketed(input) ? parseBracketed(input, opts) : parseElementString(input, opts);
}
