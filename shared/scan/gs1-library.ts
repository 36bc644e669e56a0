/**
 * The AI table of `gs1-barcode-parser-mod` (titles and existence of the 226 AIs it knows).
 * One library call costs about as much for a whole element string as for one element, so the
 * elements are looked up together and only asked about one by one when that fails, to say which
 * element is at fault.
 */
import { parseBarcode, type ParsedElement } from 'gs1-barcode-parser-mod';
import { GS, predefinedLength, type RawElement } from './gs1-syntax';

export type AiLookup =
  | { ok: true; title: string }
  | { ok: false; unknownAi: boolean; error: string };

/** Errors by which the library says no AI starts the data. */
const NO_SUCH_AI = /^(invalid AI after|no valid AI|unrecognised AI)/;

function messageOf(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  return thrown instanceof Error ? thrown.message : 'unreadable element';
}

/** Title of each element when the library reads them exactly as split; undefined otherwise. */
export function lookupTitles(elements: readonly RawElement[]): string[] | undefined {
  const joined = elements.map(({ ai, value }) => (predefinedLength(ai) === undefined ? `${ai}${value}${GS}` : ai + value)).join('');
  let items: ParsedElement[];
  try {
    items = parseBarcode(joined).parsedCodeItems;
  } catch {
    return undefined;
  }
  if (items.length !== elements.length) return undefined;
  const titles: string[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    const element = elements[i];
    if (!item || !element || item.ai !== element.ai || item.raw !== element.value) return undefined;
    titles.push(item.dataTitle);
  }
  return titles;
}

/** Look up one element; says whether its AI is unknown or its data does not fit. */
export function lookupElement(ai: string, value: string): AiLookup {
  let items: ParsedElement[];
  try {
    items = parseBarcode(ai + value).parsedCodeItems;
  } catch (thrown) {
    const message = messageOf(thrown);
    return NO_SUCH_AI.test(message)
      ? { ok: false, unknownAi: true, error: `unknown AI ${ai}` }
      : { ok: false, unknownAi: false, error: `AI ${ai}: ${message}` };
  }
  const [only] = items;
  if (!only || only.ai !== ai) return { ok: false, unknownAi: true, error: `unknown AI ${ai}` };
  if (items.length !== 1) return { ok: false, unknownAi: false, error: `AI ${ai}: "${value}" does not fit the AI's format` };
  return { ok: true, title: only.dataTitle };
}
