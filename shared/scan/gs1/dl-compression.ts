/**
 * Compressed GS1 Digital Link URIs (GS1 Digital Link standard, compression): the AI data travels as
 * one URI-safe base64 path segment holding a bit string. Each element starts with its AI as 4-bit
 * digits, or with a two-hex-digit code for a common sequence of AIs; its value follows in the
 * fewest bits its format allows. Formats come from the Syntax Dictionary: digits in runs, a fixed
 * run then a variable one, alphanumeric parts with a 3-bit encoding indicator.
 */
import type { RawElement } from '../gs1-syntax';
import { type AiEntry, aiEntry, aiLengthForPrefix } from './ai-table';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789ABCDEF';
const COMPRESSED = /^[A-Za-z0-9_-]+$/;

/** Codes for sequences of AIs that often appear together (hex codes outside 00-99). */
const SEQUENCES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '0A': ['01', '22'],
  '0B': ['01', '10'],
  '0C': ['01', '21'],
  '0D': ['01', '17'],
  '0E': ['01', '7003'],
  '0F': ['01', '30'],
  '1A': ['01', '10', '21', '17'],
  '1B': ['01', '15'],
  '1C': ['01', '11'],
  '1D': ['01', '16'],
  '1E': ['01', '91'],
  '1F': ['01', '10', '15'],
  '2A': ['01', '3100'],
  '2B': ['01', '3101'],
  '2C': ['01', '3102'],
  '2D': ['01', '3103'],
  '2E': ['01', '3104'],
  '2F': ['01', '3105'],
  '3A': ['01', '3200'],
  '3B': ['01', '3201'],
  '3C': ['01', '3202'],
  '3D': ['01', '3203'],
  '3E': ['01', '3204'],
  '3F': ['01', '3205'],
  '9A': ['8010', '8011'],
  '9B': ['8017', '8019'],
  '9C': ['8018', '8019'],
  '9D': ['414', '254'],
  A0: ['01', '3920'],
  A1: ['01', '3921'],
  A2: ['01', '3922'],
  A3: ['01', '3923'],
  A4: ['01', '3924'],
  A5: ['01', '3925'],
  A6: ['01', '3926'],
  A7: ['01', '3927'],
  A8: ['01', '3928'],
  A9: ['01', '3929'],
  C0: ['255', '3900'],
  C1: ['255', '3901'],
  C2: ['255', '3902'],
  C3: ['255', '3903'],
  C4: ['255', '3904'],
  C5: ['255', '3905'],
  C6: ['255', '3906'],
  C7: ['255', '3907'],
  C8: ['255', '3908'],
  C9: ['255', '3909'],
  CA: ['255', '3940'],
  CB: ['255', '3941'],
  CC: ['255', '3942'],
  CD: ['255', '3943'],
});

/** How a value is laid out in bits: digit runs as one number, other runs with an encoding indicator. */
interface Part {
  numeric: boolean;
  /** Fixed number of characters, or the maximum when `variable`. */
  size: number;
  variable: boolean;
}

const PARTS = new WeakMap<AiEntry, readonly Part[]>();

function partsOf(entry: AiEntry): readonly Part[] {
  const known = PARTS.get(entry);
  if (known) return known;
  const parts: Part[] = [];
  const { components } = entry;
  for (let i = 0; i < components.length; ) {
    const numeric = components[i]?.type === 'N';
    let j = i;
    while (j < components.length && (components[j]?.type === 'N') === numeric) j += 1;
    const run = components.slice(i, j);
    const isFixed = (c: (typeof run)[number]) => !c.optional && c.min === c.max;
    if (numeric) {
      let k = 0;
      let fixed = 0;
      for (const component of run) {
        if (!isFixed(component)) break;
        fixed += component.max;
        k += 1;
      }
      const rest = run.slice(k).reduce((sum, c) => sum + c.max, 0);
      if (fixed > 0) parts.push({ numeric, size: fixed, variable: false });
      if (rest > 0) parts.push({ numeric, size: rest, variable: true });
    } else {
      parts.push({ numeric, size: run.reduce((sum, c) => sum + c.max, 0), variable: !run.every(isFixed) });
    }
    i = j;
  }
  PARTS.set(entry, parts);
  return parts;
}

const lengthBits = (max: number) => Math.ceil(Math.log2(max) + 0.01);
const valueBits = (digits: number) => Math.ceil((digits * Math.log(10)) / Math.log(2) + 0.01);

class DecodeError extends Error {}

class BitReader {
  private pos = 0;
  constructor(private readonly bits: string) {}
  get left(): number {
    return this.bits.length - this.pos;
  }
  take(count: number): string {
    if (count > this.left) throw new DecodeError('data ends early');
    const part = this.bits.slice(this.pos, this.pos + count);
    this.pos += count;
    return part;
  }
  int(count: number): number {
    return count === 0 ? 0 : Number.parseInt(this.take(count), 2);
  }
  digits(count: number): string {
    const bits = this.take(valueBits(count));
    if (count === 0) return '';
    const text = BigInt(`0b${bits}`).toString();
    if (text.length > count) throw new DecodeError('number does not fit its length');
    return text.padStart(count, '0');
  }
  text(encoding: number, count: number): string {
    switch (encoding) {
      case 0:
        return this.digits(count);
      case 1:
        return this.chars(count, 4, HEX).toLowerCase();
      case 2:
        return this.chars(count, 4, HEX);
      case 3:
        return this.chars(count, 6, BASE64URL);
      case 4:
        return this.chars(count, 7);
      default:
        throw new DecodeError(`unknown encoding ${encoding}`);
    }
  }
  private chars(count: number, width: number, alphabet?: string): string {
    let out = '';
    for (let i = 0; i < count; i += 1) {
      const code = this.int(width);
      out += alphabet === undefined ? String.fromCharCode(code) : (alphabet[code] ?? '');
    }
    return out;
  }
}

function readValue(reader: BitReader, entry: AiEntry): string {
  let value = '';
  for (const part of partsOf(entry)) {
    if (part.numeric) {
      const count = part.variable ? reader.int(lengthBits(part.size)) : part.size;
      if (count > part.size) throw new DecodeError(`AI ${entry.ai}: length ${count} is beyond ${part.size}`);
      value += reader.digits(count);
    } else {
      const encoding = reader.int(3);
      const count = part.variable ? reader.int(lengthBits(part.size)) : part.size;
      if (count > part.size) throw new DecodeError(`AI ${entry.ai}: length ${count} is beyond ${part.size}`);
      value += reader.text(encoding, count);
    }
  }
  return value;
}

function readElement(reader: BitReader, ai: string, elements: RawElement[]): void {
  const entry = aiEntry(ai);
  if (!entry) throw new DecodeError(`unknown AI ${ai}`);
  elements.push({ ai, value: readValue(reader, entry) });
}

/** Skips a key=value pair that is not GS1 data (hex code F, then a 7-bit key length straddling it). */
function skipOtherPair(reader: BitReader, h2: number): void {
  const keyLength = (h2 << 3) | reader.int(3);
  reader.take(6 * keyLength);
  const encoding = reader.int(3);
  reader.text(encoding, reader.int(7));
}

/** The elements a compressed path segment holds, or undefined when the segment is not compressed GS1 data. */
export function decompressElements(segment: string): RawElement[] | undefined {
  if (!COMPRESSED.test(segment)) return undefined;
  let bits = '';
  for (const ch of segment) bits += BASE64URL.indexOf(ch).toString(2).padStart(6, '0');
  const reader = new BitReader(bits);
  const elements: RawElement[] = [];
  try {
    while (reader.left > 8) {
      const h1 = reader.int(4);
      const h2 = reader.int(4);
      if (h1 <= 9 && h2 <= 9) {
        const prefix = `${h1}${h2}`;
        const length = aiLengthForPrefix(prefix);
        if (length === undefined) throw new DecodeError(`no AI starts ${prefix}`);
        let ai = prefix;
        while (ai.length < length) {
          const digit = reader.int(4);
          if (digit > 9) throw new DecodeError('AI digits out of range');
          ai += String(digit);
        }
        readElement(reader, ai, elements);
      } else {
        const sequence = SEQUENCES[`${HEX[h1]}${HEX[h2]}`];
        if (sequence) for (const ai of sequence) readElement(reader, ai, elements);
        else if (h1 === 15) skipOtherPair(reader, h2);
        else throw new DecodeError(`no sequence has code ${HEX[h1]}${HEX[h2]}`);
      }
    }
    if (!/^0*$/.test(reader.take(reader.left))) return undefined;
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
  return elements.length > 0 ? elements : undefined;
}
