/**
 * The AI table of `gs1-barcode-parser-mod` (titles and existence of the 226 AIs it knows),
 * asked one element at a time so each answer is about exactly one AI.
 */
import { parseBarcode } from 'gs1-barcode-parser-mod';

export type AiLookup =
  | { ok: true; title: string }
  | { ok: false; unknownAi: boolean; error: string };

/** Errors by which the library says no AI starts the data. */
const NO_SUCH_AI = /^(invalid AI after|no valid AI|unrecognised AI)/;

export function lookupElement(ai: string, value: string): AiLookup {
  let items;
  try {
    items = parseBarcode(ai + value).parsedCodeItems;
  } catch (thrown) {
    const message = typeof thrown === 'string' ? thrown : thrown instanceof Error ? thrown.message : 'unreadable element';
    return NO_SUCH_AI.test(message)
      ? { ok: false, unknownAi: true, error: `unknown AI ${ai}` }
      : { ok: false, unknownAi: false, error: `AI ${ai}: ${message}` };
  }
  const [only] = items;
  if (!only || only.ai !== ai) return { ok: false, unknownAi: true, error: `unknown AI ${ai}` };
  if (items.length !== 1) return { ok: false, unknownAi: false, error: `AI ${ai}: "${value}" does not fit the AI's format` };
  return { ok: true, title: only.dataTitle };
}
