/**
 * One element's data against its dictionary entry: length, then each component's character type
 * and linters. Errors name the AI, the position in the element's data and the rule broken.
 */
import { parseGs1Date } from '../gs1-date';
import { type AiComponent, type AiEntry, validLengths } from './ai-table';
import { CSET_82, LINTERS, type LintContext, type Linter } from './linters';

/** What an element means beyond its text: an ISO date or a number. */
export type Interpreted = string | number | undefined;

export type ElementCheck = { ok: true; interpreted: Interpreted } | { ok: false; error: string };

const CSET_39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET_64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** What the check digit belongs to, for the AIs whose keys have a common name. */
const KEY_LABEL: Readonly<Record<string, string>> = Object.freeze({
  '00': 'SSCC',
  '01': 'GTIN',
  '02': 'GTIN',
  '03': 'GTIN',
  '8006': 'GTIN',
  '8026': 'GTIN',
  '253': 'GDTI',
  '255': 'GCN',
  '402': 'GSIN',
  '410': 'GLN',
  '411': 'GLN',
  '412': 'GLN',
  '413': 'GLN',
  '414': 'GLN',
  '415': 'GLN',
  '416': 'GLN',
  '417': 'GLN',
  '8003': 'GRAI',
  '8017': 'GSRN',
  '8018': 'GSRN',
});

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code <= 0x7e ? `"${ch}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

const VALID_LENGTHS = new WeakMap<AiEntry, ReturnType<typeof validLengths>>();

function lengthError(entry: AiEntry, length: number): string | undefined {
  let valid = VALID_LENGTHS.get(entry);
  if (valid === undefined) {
    valid = validLengths(entry);
    VALID_LENGTHS.set(entry, valid);
  }
  if ('fixed' in valid ? valid.fixed.includes(length) : length >= valid.min && length <= valid.max) return undefined;
  const unit = entry.components.every((c) => c.type === 'N') ? 'digit' : 'character';
  if ('fixed' in valid) {
    const needs =
      valid.fixed.length === 1
        ? String(valid.fixed[0])
        : `${valid.fixed.slice(0, -1).join(', ')} or ${valid.fixed[valid.fixed.length - 1]}`;
    return `${plural(length, unit)}, needs ${needs}`;
  }
  if (length === 0) return `no data, needs ${valid.min} to ${plural(valid.max, unit)}`;
  if (length < valid.min) return `${plural(length, unit)}, needs at least ${valid.min}`;
  if (length > valid.max) return `${plural(length, unit)}, at most ${valid.max}`;
  return undefined;
}

function typeError(component: AiComponent, data: string, offset: number): string | undefined {
  if (TYPE_PATTERN[component.type].test(data)) return undefined;
  for (let i = 0; i < data.length; i += 1) {
    const ch = data.charAt(i);
    const position = offset + i + 1;
    switch (component.type) {
      case 'N':
        if (ch < '0' || ch > '9') return `${describeChar(ch)} at position ${position} is not a digit`;
        break;
      case 'X':
        if (!CSET_82.includes(ch)) return `${describeChar(ch)} at position ${position} is not in GS1 character set 82`;
        break;
      case 'Y':
        if (!CSET_39.includes(ch)) return `${describeChar(ch)} at position ${position} is not in GS1 character set 39`;
        break;
      case 'Z':
        if (!CSET_64.includes(ch) && !(ch === '=' && /^=+$/.test(data.slice(i))))
          return `${describeChar(ch)} at position ${position} is not in GS1 character set 64 (base64url)`;
        break;
    }
  }
  return undefined;
}

const TYPE_PATTERN: Readonly<Record<AiComponent['type'], RegExp>> = {
  N: /^[0-9]*$/,
  X: /^[!"%-?A-Z_a-z]*$/,
  Y: /^[#\-/0-9A-Z]*$/,
  Z: /^[-0-9A-Z_a-z]*=*$/,
};

interface CompiledComponent {
  component: AiComponent;
  linters: readonly Linter[];
  unknownLinter?: string;
}

interface Compiled {
  components: readonly CompiledComponent[];
  keyLabel: string;
}

const COMPILED = new WeakMap<AiEntry, Compiled>();

function compiled(entry: AiEntry): Compiled {
  let found = COMPILED.get(entry);
  if (found === undefined) {
    found = {
      keyLabel: KEY_LABEL[entry.ai] ?? entry.title,
      components: entry.components.map((component) => {
        const unknownLinter = component.linters.find((name) => LINTERS[name] === undefined);
        const linters = component.linters.flatMap((name) => LINTERS[name] ?? []);
        return unknownLinter === undefined ? { component, linters } : { component, linters, unknownLinter };
      }),
    };
    COMPILED.set(entry, found);
  }
  return found;
}

const DATE_LINTERS: ReadonlySet<string> = new Set(['yymmd0', 'yymmdd']);
const MEASURE_AI = /^3[1-6]\d[0-5]$/;

function interpret(entry: AiEntry, value: string, currentYear: number): Interpreted {
  const [first, second] = entry.components;
  if (first && second === undefined && first.max === 6 && first.linters.some((l) => DATE_LINTERS.has(l))) {
    const date = parseGs1Date(value, currentYear);
    return date.ok ? date.iso : undefined;
  }
  if (MEASURE_AI.test(entry.ai)) return Number(value) / 10 ** Number(entry.ai.charAt(3));
  if (entry.ai === '30' || entry.ai === '37') return Number(value);
  if (entry.ai === '421') return value.slice(3);
  return undefined;
}

function failure(entry: AiEntry, error: string): ElementCheck {
  return { ok: false, error: `AI ${entry.ai}: ${error}` };
}

/** Check `value` against the AI's format and content rules; interpret dates, measures and counts. */
export function checkElementValue(entry: AiEntry, value: string, currentYear: number): ElementCheck {
  const length = lengthError(entry, value.length);
  if (length) return failure(entry, length);
  const { components, keyLabel } = compiled(entry);
  const context: LintContext = { currentYear, keyLabel };
  let pos = 0;
  for (const { component, linters, unknownLinter } of components) {
    if (pos >= value.length && component.optional) break;
    const size = component.min === component.max ? component.max : Math.min(component.max, value.length - pos);
    const part = size === value.length ? value : value.slice(pos, pos + size);
    const type = typeError(component, part, pos);
    if (type) return failure(entry, type);
    if (unknownLinter !== undefined) return failure(entry, `the dictionary names an unknown check "${unknownLinter}"`);
    for (const linter of linters) {
      const error = linter(part, context);
      if (error) return failure(entry, pos === 0 ? error : `${error} (data from position ${pos + 1})`);
    }
    pos += size;
  }
  return { ok: true, interpreted: interpret(entry, value, currentYear) };
}
