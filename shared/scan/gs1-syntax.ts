/**
 * Structure of GS1 element strings: how long an AI is, which element strings have a predefined
 * length (no FNC1 needed after them), and splitting raw or bracketed data into (AI, value) pairs.
 * Tables from the GS1 General Specifications (AI length by its first two digits; figure
 * "Element strings with predefined length using GS1 Application Identifiers").
 */

/** FNC1 as transmitted by scanners: ASCII group separator. */
export const GS = '\u001d';

export interface RawElement {
  ai: string;
  value: string;
}

export type SplitResult = { ok: true; elements: RawElement[] } | { ok: false; error: string };

/** Length of the AI, by its first two digits. Prefixes not listed start no AI. */
const AI_LENGTH: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const set = (length: number, ...prefixes: string[]) => {
    for (const prefix of prefixes) table[prefix] = length;
  };
  set(2, '00', '01', '02', '03', '10', '11', '12', '13', '15', '16', '17', '20', '21', '22', '30', '37');
  set(2, '90', '91', '92', '93', '94', '95', '96', '97', '98', '99');
  set(3, '23', '24', '25', '40', '41', '42', '71');
  set(4, '31', '32', '33', '34', '35', '36', '39', '43', '70', '72', '80', '81', '82');
  return Object.freeze(table);
})();

/** Total length (AI + data) of element strings with a predefined length, by the AI's first two digits. */
const PREDEFINED_LENGTH: Readonly<Record<string, number>> = Object.freeze({
  '00': 20, '01': 16, '02': 16, '03': 16, '04': 18,
  '11': 8, '12': 8, '13': 8, '14': 8, '15': 8, '16': 8, '17': 8, '18': 8, '19': 8,
  '20': 4,
  '31': 10, '32': 10, '33': 10, '34': 10, '35': 10, '36': 10,
  '41': 16,
});

const TWO_DIGITS = /^\d\d$/;
const AI_DIGITS = /^\d{2,4}$/;

/** The AI length its first two digits announce, or undefined when no AI starts that way. */
export function aiLength(prefix: string): number | undefined {
  return TWO_DIGITS.test(prefix) ? AI_LENGTH[prefix] : undefined;
}

export function predefinedLength(ai: string): number | undefined {
  return PREDEFINED_LENGTH[ai.slice(0, 2)];
}

/** Why `ai` is not an AI the structure tables allow, or undefined when it is. */
export function aiShapeError(ai: string): string | undefined {
  if (!AI_DIGITS.test(ai)) return `unknown AI ${ai}`;
  return aiLength(ai.slice(0, 2)) === ai.length ? undefined : `unknown AI ${ai}`;
}

/**
 * Split FNC1-separated data (GS between elements, no symbology identifier) into elements.
 * A leading FNC1 and redundant separators after predefined-length elements are tolerated.
 */
export function splitElementString(data: string): SplitResult {
  const elements: RawElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos += 1;
      continue;
    }
    const prefix = data.slice(pos, pos + 2);
    const length = aiLength(prefix);
    if (length === undefined) {
      return { ok: false, error: TWO_DIGITS.test(prefix) ? `unknown AI ${prefix}` : `expected an AI at position ${pos + 1}, got "${prefix}"` };
    }
    const ai = data.slice(pos, pos + length);
    if (!AI_DIGITS.test(ai) || ai.length !== length) return { ok: false, error: `unknown AI ${ai}` };
    const total = predefinedLength(ai);
    if (total !== undefined) {
      const value = data.slice(pos + length, pos + total);
      const cut = value.indexOf(GS);
      if (value.length < total - length || cut !== -1) {
        const got = cut === -1 ? value.length : cut;
        return { ok: false, error: `AI ${ai}: should be ${total - length} characters, got ${got}` };
      }
      elements.push({ ai, value });
      pos += total;
    } else {
      const end = data.indexOf(GS, pos + length);
      const stop = end === -1 ? data.length : end;
      elements.push({ ai, value: data.slice(pos + length, stop) });
      pos = end === -1 ? data.length : end + 1;
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
