/**
 * Structure of GS1 element strings: splitting FNC1-separated or bracketed data into (AI, value)
 * pairs with the AI table generated from GS1's Barcode Syntax Dictionary. A variable-length
 * element ends at GS (or the end of the data); one longer than its AI allows is refused here, with
 * its position, rather than being cut and read on as another AI.
 */
import { aiAt, aiEntry, lengthRange } from './gs1/ai-table';

/** FNC1 as transmitted by scanners: ASCII group separator. */
export const GS = '\u001d';

export interface RawElement {
  ai: string;
  value: string;
}

export type SplitResult = { ok: true; elements: RawElement[] } | { ok: false; error: string };

/**
 * Length of an AI by its first two digits (GS1 General Specifications), used only to name an AI the
 * dictionary does not know.
 */
const AI_LENGTH: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const set = (length: number, ...prefixes: string[]) => {
    for (const prefix of prefixes) table[prefix] = length;
  };
  set(2, '00', '01', '02', '03', '04', '10', '11', '12', '13', '15', '16', '17', '20', '21', '22', '30', '37');
  set(2, '90', '91', '92', '93', '94', '95', '96', '97', '98', '99');
  set(3, '23', '24', '25', '40', '41', '42', '71');
  set(4, '31', '32', '33', '34', '35', '36', '39', '43', '70', '72', '80', '81', '82');
  return Object.freeze(table);
})();

const TWO_DIGITS = /^\d\d$/;
const AI_DIGITS = /^\d{2,4}$/;

/** The AI length its first two digits announce, or undefined when no AI starts that way. */
export function aiLength(prefix: string): number | undefined {
  return TWO_DIGITS.test(prefix) ? AI_LENGTH[prefix] : undefined;
}

/** Total length (AI + data) of an element string with a predefined length (no FNC1 after it); undefined otherwise. */
export function predefinedLength(ai: string): number | undefined {
  const entry = aiEntry(ai);
  return entry && !entry.fnc1 ? ai.length + lengthRange(entry).max : undefined;
}

/** Why `ai` is not an AI of the table, or undefined when it is. */
export function aiShapeError(ai: string): string | undefined {
  return AI_DIGITS.test(ai) && aiEntry(ai) !== undefined ? undefined : `unknown AI ${ai}`;
}

function unknownAiAt(data: string, pos: number): string {
  const prefix = data.slice(pos, pos + 2);
  if (!TWO_DIGITS.test(prefix)) return `expected an AI at position ${pos + 1}, got "${prefix}"`;
  const named = data.slice(pos, pos + (aiLength(prefix) ?? 2));
  return `unknown AI ${AI_DIGITS.test(named) ? named : prefix} at position ${pos + 1}`;
}

/**
 * Split FNC1-separated data (GS between elements, no symbology identifier) into elements.
 * A leading FNC1 and redundant separators after predefined-length elements are tolerated.
 */
export function splitElementString(data: string): SplitResult {
  const elements: RawElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.charCodeAt(pos) === 0x1d) {
      pos += 1;
      continue;
    }
    const entry = aiAt(data, pos);
    if (entry === undefined) return { ok: false, error: unknownAiAt(data, pos) };
    const { ai } = entry;
    const start = pos + ai.length;
    const gs = data.indexOf(GS, start);
    const end = gs === -1 ? data.length : gs;
    if (!entry.fnc1) {
      const length = lengthRange(entry).max;
      if (end - start < length) {
        const unit = entry.components.every((c) => c.type === 'N') ? 'digits' : 'characters';
        return { ok: false, error: `AI ${ai}: ${end - start} ${unit}, needs ${length} (element at position ${pos + 1})` };
      }
      elements.push({ ai, value: data.slice(start, start + length) });
      pos = start + length;
    } else {
      elements.push({ ai, value: data.slice(start, end) });
      pos = end;
    }
  }
  if (elements.length === 0) return { ok: false, error: 'no GS1 element in the data' };
  return { ok: true, elements };
}

/** An AI in brackets at the start of human-readable data; loose, so "(99x)" reads as an unknown AI. */
const LEADING_BRACKET = /^\((\d[0-9A-Za-z]{1,3})\)/;
/** AIs inside the data: only 2-4 digits in brackets count, so "AB(1)C" stays data. */
const INNER_BRACKET = /\((\d{2,4})\)/;

/** True when `text` starts like a bracketed (human-readable) element string, e.g. "(01)...". */
export function looksBracketed(text: string): boolean {
  return LEADING_BRACKET.test(text);
}

/** Split human-readable data `(01)09506000134352(17)201225(10)ABC123` into elements. */
export function splitBracketed(text: string): SplitResult {
  const first = LEADING_BRACKET.exec(text);
  if (!first) return { ok: false, error: 'bracketed data should start with an AI in brackets, e.g. (01)' };
  const firstAi = first[1] ?? '';
  // split with a capturing group yields [value, ai, value, ai, value, ...]
  const parts = text.slice(first[0].length).split(INNER_BRACKET);
  const elements: RawElement[] = [{ ai: firstAi, value: parts[0] ?? '' }];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    elements.push({ ai: parts[i] ?? '', value: parts[i + 1] ?? '' });
  }
  for (const { ai } of elements) {
    const error = aiShapeError(ai);
    if (error) return { ok: false, error };
  }
  return { ok: true, elements };
}
