import type { WeightUnit } from '../../../../shared/domain/devices';
import { parseDecimal } from './decimal';
import { printable, readingMessage, readUnit, type ScaleFramer, type ScaleMessage, statusOnlyReading } from './message';

/** MT-SICS commands the station sends (each followed by CR LF on the wire). */
export const MT_SICS_COMMANDS = {
  /** Stable weight: the scale answers once it is stable (or "S I" if it cannot). */
  weightStable: 'S',
  /** Weight now, stable or not ("S S" / "S D"). */
  weightImmediate: 'SI',
  zero: 'Z',
  zeroImmediate: 'ZI',
  tare: 'T',
  tareImmediate: 'TI',
  /** Query the tare value. */
  tareValue: 'TA',
  clearTare: 'TAC',
  reset: '@',
} as const;

export type MtSicsCommand = (typeof MT_SICS_COMMANDS)[keyof typeof MT_SICS_COMMANDS];

const encoder = new TextEncoder();

export function encodeMtSicsCommand(command: MtSicsCommand): Uint8Array {
  return encoder.encode(`${command}\r\n`);
}

const MAX_LINE = 128;
const REPLY = /^(S|Z|ZI|T|TI|TA|TAC)\s+([A-Z+-])(?:\s+(.*))?$/;
const WEIGHT = /^(-?\s*\d+(?:\.\d+)?)\s+(\S+)$/;

const ERRORS: Record<string, string> = {
  ES: 'syntax error: the scale did not recognise the command',
  ET: 'transmission error: the scale received a garbled command',
  EL: 'logical error: the scale cannot carry out the command',
};

const REFUSALS: Record<string, string> = {
  I: 'not executable now (scale busy or not settled)',
  L: 'logical error: not allowed now',
  '+': 'upper limit exceeded',
  '-': 'lower limit exceeded',
};

/** Parses one MT-SICS reply line (without CR LF). `lastUnit` fills in the unit of weightless replies. */
export function parseMtSicsLine(line: string, lastUnit: WeightUnit): ScaleMessage {
  const text = line.trim();
  const error = ERRORS[text];
  if (error) return { type: 'refused', command: text, reason: error };
  if (/^I4\s+A\b/.test(text)) return { type: 'ack', command: '@', detail: text };
  const reply = REPLY.exec(text);
  if (!reply) return { type: 'invalid', reason: `not an MT-SICS reply: "${printable(text)}"` };
  const [, command = '', status = '', rest = ''] = reply;

  if (command === 'S') {
    if (status === '+') return statusOnlyReading('overload', lastUnit);
    if (status === '-') return statusOnlyReading('underload', lastUnit);
    if (status === 'S' || status === 'D') return weightReply(rest, status === 'S' ? 'ok' : 'motion');
  } else if (status === 'A' || status === 'S' || status === 'D') {
    return { type: 'ack', command, ...(rest ? { detail: rest.trim() } : {}) };
  }
  const refusal = REFUSALS[status];
  if (refusal) return { type: 'refused', command, reason: refusal };
  return { type: 'invalid', reason: `unknown MT-SICS status "${status}" in "${printable(text)}"` };
}

function weightReply(rest: string, status: 'ok' | 'motion'): ScaleMessage {
  const match = WEIGHT.exec(rest.trim());
  const weight = match ? parseDecimal(match[1] ?? '') : undefined;
  if (!match || !weight) return { type: 'invalid', reason: `unreadable weight "${printable(rest)}"` };
  const unit = readUnit(match[2] ?? '', weight);
  if (!unit) return { type: 'invalid', reason: `unsupported unit "${printable(match[2] ?? '')}"` };
  return readingMessage({ weight: unit.weight, unit: unit.unit, status });
}

/** Line framer for MT-SICS replies (CR LF terminated; a lone LF also ends a line). */
export function createMtSicsFramer(options: { defaultUnit?: WeightUnit } = {}): ScaleFramer {
  let line = '';
  let overflow = false;
  let lastUnit: WeightUnit = options.defaultUnit ?? 'kg';

  return {
    push(bytes) {
      const out: ScaleMessage[] = [];
      for (const byte of bytes) {
        if (byte === 0x0a) {
          const text = line;
          line = '';
          if (overflow) {
            overflow = false;
            out.push({ type: 'invalid', reason: `line longer than ${MAX_LINE} characters` });
          } else if (text.trim() !== '') {
            const message = parseMtSicsLine(text, lastUnit);
            if (message.type === 'reading' && message.reading.status !== 'overload' && message.reading.status !== 'underload') {
              lastUnit = message.reading.unit;
            }
            out.push(message);
          }
        } else if (byte !== 0x0d && !overflow) {
          if (line.length >= MAX_LINE) {
            overflow = true;
            line = '';
          } else {
            line += String.fromCharCode(byte);
          }
        }
      }
      return out;
    },
    reset() {
      line = '';
      overflow = false;
    },
  };
}
