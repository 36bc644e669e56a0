import { hasValidCheckDigit } from '../../../../shared/scan/check-digit';
import { predefinedLength } from '../../../../shared/scan/gs1-syntax';
import { type Code128Token, FNC1 } from './code128';

/** One GS1 element string: application identifier and its value, e.g. { ai: '00', value: '0...' }. */
export interface Gs1Element {
  ai: string;
  value: string;
}

interface AiRule {
  title: string;
  /** `n` digits only, `x` GS1 character set 82. */
  charset: 'n' | 'x';
  min: number;
  max: number;
  checkDigit?: boolean;
  date?: boolean;
}

/** The AIs printed on Warebench labels. Anything else is refused rather than guessed. */
const AI_RULES: Readonly<Record<string, AiRule>> = (() => {
  const rules: Record<string, AiRule> = {
    '00': { title: 'SSCC', charset: 'n', min: 18, max: 18, checkDigit: true },
    '01': { title: 'GTIN', charset: 'n', min: 14, max: 14, checkDigit: true },
    '02': { title: 'CONTENT', charset: 'n', min: 14, max: 14, checkDigit: true },
    '10': { title: 'BATCH/LOT', charset: 'x', min: 1, max: 20 },
    '11': { title: 'PROD DATE', charset: 'n', min: 6, max: 6, date: true },
    '15': { title: 'BEST BEFORE', charset: 'n', min: 6, max: 6, date: true },
    '17': { title: 'USE BY', charset: 'n', min: 6, max: 6, date: true },
    '21': { title: 'SERIAL', charset: 'x', min: 1, max: 20 },
    '30': { title: 'VAR. COUNT', charset: 'n', min: 1, max: 8 },
    '37': { title: 'COUNT', charset: 'n', min: 1, max: 8 },
    '400': { title: 'ORDER NUMBER', charset: 'x', min: 1, max: 30 },
    '420': { title: 'SHIP TO POST', charset: 'x', min: 1, max: 20 },
  };
  for (let decimals = 0; decimals <= 5; decimals++) {
    rules[`310${decimals}`] = { title: 'NET WEIGHT (kg)', charset: 'n', min: 6, max: 6 };
    rules[`320${decimals}`] = { title: 'NET WEIGHT (lb)', charset: 'n', min: 6, max: 6 };
  }
  return Object.freeze(rules);
})();

/** GS1 AI encodable character set 82. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export class Gs1ElementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Gs1ElementError';
  }
}

export function gs1AiTitle(ai: string): string | undefined {
  return AI_RULES[ai]?.title;
}

function validateElement({ ai, value }: Gs1Element): void {
  const rule = AI_RULES[ai];
  if (!rule) throw new Gs1ElementError(`AI (${ai}) is not one Warebench prints`);
  if (value.length < rule.min || value.length > rule.max) {
    const size = rule.min === rule.max ? `${rule.min}` : `${rule.min} to ${rule.max}`;
    throw new Gs1ElementError(`AI (${ai}) ${rule.title} takes ${size} characters, got ${value.length}`);
  }
  if (rule.charset === 'n' ? !/^\d+$/.test(value) : !CSET82.test(value)) {
    throw new Gs1ElementError(`AI (${ai}) ${rule.title} has characters it may not hold: "${value}"`);
  }
  if (rule.checkDigit && !hasValidCheckDigit(value)) {
    throw new Gs1ElementError(`AI (${ai}) ${rule.title} ${value} has a wrong check digit`);
  }
  if (rule.date) {
    const month = Number(value.slice(2, 4));
    const day = Number(value.slice(4, 6));
    if (month < 1 || month > 12 || day > 31) throw new Gs1ElementError(`AI (${ai}) ${rule.title} ${value} is not a YYMMDD date`);
  }
}

/** Element strings of predefined length (GS1 General Specifications) need no FNC1 after them. */
export function isPredefinedLength(ai: string): boolean {
  return predefinedLength(ai) !== undefined;
}

/** Code 128 tokens of a GS1-128 symbol: leading FNC1, FNC1 after every variable-length element but the last. */
export function gs1Tokens(elements: readonly Gs1Element[]): Code128Token[] {
  if (elements.length === 0) throw new Gs1ElementError('a GS1-128 barcode needs at least one element');
  const tokens: Code128Token[] = [FNC1];
  elements.forEach((element, index) => {
    validateElement(element);
    tokens.push(...element.ai, ...element.value);
    if (!isPredefinedLength(element.ai) && index < elements.length - 1) tokens.push(FNC1);
  });
  return tokens;
}

/** Human-readable interpretation: `(02)09506000134352(37)12`. */
export function gs1HumanReadable(elements: readonly Gs1Element[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value}`).join('');
}

/** The same element string as a scanner reports it after `]C1`: FNC1 separators become GS (0x1D). */
export function gs1ScannedData(elements: readonly Gs1Element[]): string {
  return elements
    .map(({ ai, value }, index) => `${ai}${value}${!isPredefinedLength(ai) && index < elements.length - 1 ? '\u001d' : ''}`)
    .join('');
}

/** YYMMDD from an ISO date `YYYY-MM-DD`. */
export function gs1Date(isoDate: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Gs1ElementError(`"${isoDate}" is not a YYYY-MM-DD date`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** Net weight in kg as AI 310n with as many decimals (up to 3) as fit in six digits. */
export function netWeightKgElement(kg: number): Gs1Element {
  if (!Number.isFinite(kg) || kg <= 0) throw new Gs1ElementError(`net weight must be a positive number of kg, got ${kg}`);
  for (let decimals = 3; decimals >= 0; decimals--) {
    const scaled = Math.round(kg * 10 ** decimals);
    if (scaled < 1_000_000) return { ai: `310${decimals}`, value: String(scaled).padStart(6, '0') };
  }
  throw new Gs1ElementError(`net weight ${kg} kg does not fit AI (3100)`);
}
