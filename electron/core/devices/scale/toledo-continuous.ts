import type { WeightStatus, WeightUnit } from '../../../../shared/domain/devices';
import { stepOf } from './decimal';
import { readingMessage, type ScaleFramer, type ScaleMessage } from './message';

const STX = 0x02;
const CR = 0x0d;
/** STX, SWA, SWB, SWC, 6 weight digits, 6 tare digits, CR. */
const BODY_LENGTH = 17;

export interface ToledoOptions {
  /** The scale appends a checksum character after CR (a setup option on the terminal). Default true. */
  checksum?: boolean;
}

/** Two's complement of the 7-bit sum of the given bytes: the checksum that makes the 7-bit total zero. */
export function toledoChecksum(bytes: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 1) sum += (bytes[i] ?? 0) & 0x7f;
  return -sum & 0x7f;
}

/** Decimal places per SWA bits 0-2: 0 = "XXXX00" (×100) … 2 = "XXXXXX" … 7 = "X.XXXXX". */
function exponentOf(swa: number): number {
  return 2 - (swa & 0x07);
}

const INCREMENTS = [1, 1, 2, 5] as const;

function unitOf(swb: number, swc: number): WeightUnit | undefined {
  switch (swc & 0x07) {
    case 0:
      return swb & 0x10 ? 'kg' : 'lb';
    case 1:
      return 'g';
    default:
      return undefined;
  }
}

function digitsOf(bytes: Uint8Array, from: number): bigint | undefined {
  let text = '';
  for (let i = from; i < from + 6; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x20) text += '0';
    else if (byte >= 0x30 && byte <= 0x39) text += String.fromCharCode(byte);
    else return undefined;
  }
  return BigInt(text);
}

/** Decodes one complete frame (STX … CR, without the checksum). */
export function decodeToledoFrame(frame: Uint8Array): ScaleMessage {
  const swa = frame[1] ?? 0;
  const swb = frame[2] ?? 0;
  const swc = frame[3] ?? 0;
  const digits = digitsOf(frame, 4);
  if (digits === undefined || digitsOf(frame, 10) === undefined)
    return { type: 'invalid', reason: 'Toledo frame with non-digit weight or tare' };
  const unit = unitOf(swb, swc);
  if (!unit) return { type: 'invalid', reason: `Toledo unit code ${swc & 0x07} is not supported` };
  const exponent = exponentOf(swa);
  const negative = (swb & 0x02) !== 0;
  let status: WeightStatus = 'ok';
  if (swb & 0x04) status = negative ? 'underload' : 'overload';
  else if (swb & 0x08) status = 'motion';
  const increment = INCREMENTS[(swa >> 3) & 0x03] ?? 1;
  return readingMessage({
    weight: { mantissa: negative ? -digits : digits, scale: -exponent },
    unit,
    status,
    division: increment * stepOf(-exponent),
  });
}

/**
 * Framer for the Mettler Toledo continuous output (8142 style). Resyncs on the next STX after garbage,
 * a bad frame or a checksum error; bytes are read as 7-bit (the eighth bit may be parity).
 */
export function createToledoFramer(options: ToledoOptions = {}): ScaleFramer {
  const withChecksum = options.checksum ?? true;
  const frameLength = BODY_LENGTH + (withChecksum ? 1 : 0);
  let buffer: number[] = [];

  const takeFrames = (out: ScaleMessage[]): void => {
    let pos = 0;
    for (;;) {
      const start = buffer.indexOf(STX, pos);
      if (start < 0) {
        pos = buffer.length;
        break;
      }
      pos = start;
      if (buffer.length - pos < frameLength) break;
      if (buffer[pos + BODY_LENGTH - 1] !== CR) {
        out.push({ type: 'invalid', reason: 'Toledo frame without CR at its end' });
        pos += 1;
        continue;
      }
      const frame = Uint8Array.from(buffer.slice(pos, pos + BODY_LENGTH));
      if (withChecksum) {
        const expected = toledoChecksum(frame);
        const got = buffer[pos + BODY_LENGTH] ?? -1;
        if (got !== expected) {
          out.push({ type: 'invalid', reason: `Toledo checksum error: expected 0x${expected.toString(16)}, got 0x${got.toString(16)}` });
          pos += 1;
          continue;
        }
      }
      out.push(decodeToledoFrame(frame));
      pos += frameLength;
    }
    buffer = pos >= buffer.length ? [] : buffer.slice(pos);
  };

  return {
    push(bytes) {
      const out: ScaleMessage[] = [];
      for (const byte of bytes) buffer.push(byte & 0x7f);
      takeFrames(out);
      return out;
    },
    reset() {
      buffer = [];
    },
  };
}

/** Encodes a frame as a Toledo terminal sends it (used by the simulator and tests). */
export function encodeToledoFrame(
  fields: { swa: number; swb: number; swc: number; weight: number; tare?: number },
  options: ToledoOptions = {},
): Uint8Array {
  const six = (n: number): string =>
    String(Math.trunc(Math.abs(n)))
      .padStart(6, '0')
      .slice(-6);
  const body = [
    STX,
    fields.swa,
    fields.swb,
    fields.swc,
    ...Array.from(six(fields.weight) + six(fields.tare ?? 0), (c) => c.charCodeAt(0)),
    CR,
  ];
  return Uint8Array.from((options.checksum ?? true) ? [...body, toledoChecksum(body)] : body);
}
