import { WeightReading, type WeightStatus, type WeightUnit } from '../../../../shared/domain/devices';
import { type Decimal, decimalToNumber, stepOf } from './decimal';

/** What a scale frame means, whatever the protocol. */
export type ScaleMessage =
  | { type: 'reading'; reading: WeightReading }
  /** A command was carried out (zero, tare, reset, a status-only reply). */
  | { type: 'ack'; command: string; detail?: string }
  /** The scale answered but would not or could not do it ("S I", "ES", NCI "?"). */
  | { type: 'refused'; command: string; reason: string }
  /** Bytes that looked like a frame but were not a valid one (bad checksum, unreadable weight, garbage). */
  | { type: 'invalid'; reason: string };

/** A stateful framer: bytes in (any split, a byte at a time), messages out; never throws. */
export interface ScaleFramer {
  push(bytes: Uint8Array): ScaleMessage[];
  reset(): void;
}

export interface ReadingParts {
  weight: Decimal;
  unit: WeightUnit;
  status: WeightStatus;
  /** Resolution of the value as sent; defaults to the step of its last digit. */
  division?: number;
}

/** Builds a schema-checked reading; a value the schema refuses becomes an `invalid` message. */
export function readingMessage(parts: ReadingParts): ScaleMessage {
  const candidate = {
    value: decimalToNumber(parts.weight),
    unit: parts.unit,
    stable: parts.status === 'ok',
    status: parts.status,
    division: parts.division ?? stepOf(parts.weight.scale),
  };
  const parsed = WeightReading.safeParse(candidate);
  return parsed.success
    ? { type: 'reading', reading: parsed.data }
    : { type: 'invalid', reason: `weight out of range: ${candidate.value}` };
}

/** A reading that carries no weight (MT-SICS "S +"): value 0, the status says why. */
export function statusOnlyReading(status: WeightStatus, unit: WeightUnit): ScaleMessage {
  return { type: 'reading', reading: WeightReading.parse({ value: 0, unit, stable: false, status }) };
}

/** Maps unit text as scales print it to a unit, shifting the decimal for units the station converts (mg, t). */
export function readUnit(text: string, weight: Decimal): { unit: WeightUnit; weight: Decimal } | undefined {
  switch (text.toLowerCase()) {
    case 'g':
      return { unit: 'g', weight };
    case 'kg':
      return { unit: 'kg', weight };
    case 'lb':
    case 'lbs':
      return { unit: 'lb', weight };
    case 'oz':
      return { unit: 'oz', weight };
    case 'mg':
      return { unit: 'g', weight: { mantissa: weight.mantissa, scale: weight.scale + 3 } };
    case 't':
      return { unit: 'kg', weight: { mantissa: weight.mantissa, scale: weight.scale - 3 } };
    default:
      return undefined;
  }
}

/** Printable form of raw bytes for error messages: "S\x1bX". */
export function printable(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return shown.replace(/[^\x20-\x7e]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
