/**
 * Reader for GS1's Barcode Syntax Dictionary (resources/gs1/gs1-syntax-dictionary.txt) and the
 * writer of the AI table generated from it. Pure text in, text out: the generator script does the
 * file work, and a test checks that the committed table is what this produces.
 */

/** N: digits; X: GS1 character set 82; Y: character set 39; Z: base64url (character set 64). */
export type ComponentType = 'N' | 'X' | 'Y' | 'Z';

export interface AiComponent {
  type: ComponentType;
  min: number;
  max: number;
  /** Optional components may be left off once the data is used up. */
  optional: boolean;
  /** Names of the GS1 Barcode Syntax Tests applied to this component, in order. */
  linters: readonly string[];
}

export interface AiEntry {
  ai: string;
  title: string;
  /** False for the predefined-length AIs ("*" flag): no FNC1 separator follows them. */
  fnc1: boolean;
  /** May appear as a query attribute of a GS1 Digital Link URI ("?" flag). */
  dlDataAttribute: boolean;
  components: readonly AiComponent[];
  /** Each entry is one `req=` rule: a list of alternatives, each alternative the AIs (or patterns) needed together. */
  requires: readonly (readonly (readonly string[])[])[];
  /** AIs (or patterns like "310n") this AI may not appear with. */
  excludes: readonly string[];
  /** Present on Digital Link primary keys: the alternative ordered qualifier sequences (`[[]]` for none). */
  dlPrimaryKey?: readonly (readonly string[])[];
}

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[0-9a-z]+)*)$/;
const AI_OR_RANGE = /^(\d{2,4})(?:-(\d{2,4}))?$/;
const FLAGS = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/;

export class DictionaryError extends Error {}

function parseComponent(token: string, line: number): AiComponent {
  const match = COMPONENT.exec(token);
  if (!match) throw new DictionaryError(`line ${line}: "${token}" is not a component specification`);
  const [, open, type, dots, size, close, linters] = match;
  if (Boolean(open) !== Boolean(close)) throw new DictionaryError(`line ${line}: unbalanced brackets in "${token}"`);
  const length = Number(size);
  return {
    type: type as ComponentType,
    min: dots ? 1 : length,
    max: length,
    optional: Boolean(open),
    linters: linters ? linters.slice(1).split(',') : [],
  };
}

function expandRange(token: string, line: number): string[] {
  const match = AI_OR_RANGE.exec(token);
  if (!match) throw new DictionaryError(`line ${line}: "${token}" is not an AI or AI range`);
  const [, first = '', last] = match;
  if (last === undefined) return [first];
  if (last.length !== first.length) throw new DictionaryError(`line ${line}: range ${token} mixes AI lengths`);
  const ais: string[] = [];
  for (let n = Number(first); n <= Number(last); n += 1) ais.push(String(n).padStart(first.length, '0'));
  return ais;
}

/** Every AI the dictionary defines, ranges expanded, in the dictionary's order. */
export function parseDictionary(text: string): AiEntry[] {
  const entries: AiEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const hash = raw.indexOf('#');
    const body = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (body === '') continue;
    const title = hash === -1 ? '' : raw.slice(hash + 1).trim();
    const tokens = body.split(/\s+/);
    const ais = expandRange(tokens[0] ?? '', lineNumber);
    let at = 1;
    let flags = '';
    if (tokens[at] !== undefined && FLAGS.test(tokens[at] ?? '')) {
      flags = tokens[at] ?? '';
      at += 1;
    }
    const components: AiComponent[] = [];
    while (at < tokens.length && COMPONENT.test(tokens[at] ?? '')) {
      components.push(parseComponent(tokens[at] ?? '', lineNumber));
      at += 1;
    }
    if (components.length === 0) throw new DictionaryError(`line ${lineNumber}: AI ${tokens[0]} has no components`);
    const requires: string[][][] = [];
    const excludes: string[] = [];
    let dlPrimaryKey: string[][] | undefined;
    for (const attribute of tokens.slice(at)) {
      const [key, value] = attribute.split('=', 2);
      if (key === 'req' && value) requires.push(value.split(',').map((group) => group.split('+')));
      else if (key === 'ex' && value) excludes.push(...value.split(','));
      else if (key === 'dlpkey') dlPrimaryKey = value ? value.split('|').map((sequence) => sequence.split(',')) : [[]];
      else throw new DictionaryError(`line ${lineNumber}: unknown attribute "${attribute}"`);
    }
    for (const ai of ais) {
      const entry: AiEntry = {
        ai,
        title,
        fnc1: !flags.includes('*'),
        dlDataAttribute: flags.includes('?'),
        components,
        requires,
        excludes,
      };
      entries.push(dlPrimaryKey === undefined ? entry : { ...entry, dlPrimaryKey });
    }
  }
  return entries;
}

/** The release line of the dictionary's header, e.g. "UNSET" or "2025-01-22". */
export function dictionaryRelease(text: string): string {
  return /^#\s*Release:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? 'unknown';
}

/** TypeScript source of the AI table for `text`: one entry per line, stable for diffs. */
export function renderAiTable(text: string): string {
  const entries = parseDictionary(text);
  const lines = entries.map((entry) => `  ${JSON.stringify(entry)},`);
  return [
    '// Generated from resources/gs1/gs1-syntax-dictionary.txt by `npx tsx scripts/gs1-generate.ts`; do not edit.',
    `// GS1 Barcode Syntax Dictionary release: ${dictionaryRelease(text)}. Apache License 2.0, see resources/gs1/LICENSE.`,
    "import type { AiEntry } from './dictionary';",
    '',
    'export const AI_TABLE: readonly AiEntry[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}
