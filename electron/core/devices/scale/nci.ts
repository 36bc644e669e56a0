import type { WeightStatus, WeightUnit } from '../../../../shared/domain/devices';
import { parseDecimal } from './decimal';
import { printable, readingMessage, readUnit, type ScaleFramer, type ScaleMessage, statusOnlyReading } from './message';

/** NCI / Weigh-Tronix SCP-01 (3825 style) commands, 7E1 on the wire. */
export const NCI_COMMANDS = { weight: 'W', status: 'S', zero: 'Z', tare: 'T', highResolution: 'H' } as const;
export type NciCommand = (typeof NCI_COMMANDS)[keyof typeof NCI_COMMANDS];

const encoder = new TextEncoder();

export function encodeNciCommand(command: NciCommand): Uint8Array {
  return encoder.encode(`${command}\r`);
}

const LF = 0x0a;
const CR = 0x0d;
const ETX = 0x03;
const MAX_SEGMENT = 32;

/** Decoded NCI status bytes (byte 1 and 2; further bytes are accepted and ignored). */
export interface NciStatus {
  motion: boolean;
  atZero: boolean;
  ramError: boolean;
  eepromError: boolean;
  underCapacity: boolean;
  overCapacity: boolean;
  romError: boolean;
  calibrationError: boolean;
}

/** Status bytes have bits 4 and 5 set (0x30..0x3F), bit 6 set on a byte that is followed by another. */
export function parseNciStatus(text: string): NciStatus | undefined {
  if (text.length < 2 || text.length > 4) return undefined;
  for (const ch of text) {
    if ((ch.charCodeAt(0) & 0xb0) !== 0x30) return undefined;
  }
  const b1 = text.charCodeAt(0);
  const b2 = text.charCodeAt(1);
  return {
    motion: (b1 & 0x01) !== 0,
    atZero: (b1 & 0x02) !== 0,
    ramError: (b1 & 0x04) !== 0,
    eepromError: (b1 & 0x08) !== 0,
    underCapacity: (b2 & 0x01) !== 0,
    overCapacity: (b2 & 0x02) !== 0,
    romError: (b2 & 0x04) !== 0,
    calibrationError: (b2 & 0x08) !== 0,
  };
}

export function describeNciStatus(status: NciStatus): string {
  const flags = Object.entries(status)
    .filter(([, on]) => on)
    .map(([name]) => name);
  return flags.length === 0 ? 'stable' : flags.join(', ');
}

function statusOf(status: NciStatus): WeightStatus {
  if (status.ramError || status.eepromError || status.romError || status.calibrationError) return 'fault';
  if (status.overCapacity) return 'overload';
  if (status.underCapacity) return 'underload';
  return status.motion ? 'motion' : 'ok';
}

const WEIGHT = /^\s*(-?\s*\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/;

/** Parses one complete reply: the weight segment (absent for S/Z replies) and the status segment. */
export function parseNciReply(weightText: string | undefined, statusText: string, lastUnit: WeightUnit): ScaleMessage {
  const status = parseNciStatus(statusText);
  if (!status) return { type: 'invalid', reason: `bad NCI status bytes "${printable(statusText)}"` };
  if (weightText === undefined) return { type: 'ack', command: 'status', detail: describeNciStatus(status) };
  const weightStatus = statusOf(status);
  const match = WEIGHT.exec(weightText);
  const weight = match ? parseDecimal(match[1] ?? '') : undefined;
  const unit = match && weight ? readUnit(match[2] ?? '', weight) : undefined;
  if (!unit) {
    // Over/under capacity and faults blank or dash the weight field; the status still tells what happened.
    if (weightStatus !== 'ok' && weightStatus !== 'motion') return statusOnlyReading(weightStatus, lastUnit);
    return { type: 'invalid', reason: `unreadable NCI weight "${printable(weightText)}"` };
  }
  return readingMessage({ weight: unit.weight, unit: unit.unit, status: weightStatus });
}

/**
 * Framer for NCI replies: `<LF>weight<CR><LF>hh<CR><ETX>`, `<LF>hh<CR><ETX>`, `<LF>?<CR>`.
 * Bytes are read as 7-bit so a port left at 8N1 on a 7E1 scale still frames.
 */
export function createNciFramer(options: { defaultUnit?: WeightUnit } = {}): ScaleFramer {
  let segments: string[] = [];
  let current = '';
  let lastUnit: WeightUnit = options.defaultUnit ?? 'lb';

  const endSegment = (out: ScaleMessage[]): void => {
    if (current === '') return;
    if (current === '?') {
      out.push({ type: 'refused', command: 'unknown', reason: 'the scale did not recognise the command' });
      segments = [];
    } else {
      segments.push(current);
      if (segments.length > 2) {
        out.push({ type: 'invalid', reason: `unexpected text "${printable(segments[0] ?? '')}"` });
        segments = segments.slice(-2);
      }
    }
    current = '';
  };

  return {
    push(bytes) {
      const out: ScaleMessage[] = [];
      for (const raw of bytes) {
        const byte = raw & 0x7f;
        if (byte === LF || byte === CR) {
          endSegment(out);
        } else if (byte === ETX) {
          endSegment(out);
          const statusText = segments.pop();
          const weightText = segments.pop();
          segments = [];
          if (statusText === undefined) out.push({ type: 'invalid', reason: 'empty NCI reply' });
          else {
            const message = parseNciReply(weightText, statusText, lastUnit);
            if (message.type === 'reading' && message.reading.status !== 'overload' && message.reading.status !== 'underload') {
              lastUnit = message.reading.unit;
            }
            out.push(message);
          }
        } else if (current.length >= MAX_SEGMENT) {
          out.push({ type: 'invalid', reason: `NCI segment longer than ${MAX_SEGMENT} characters` });
          current = '';
          segments = [];
        } else {
          current += String.fromCharCode(byte);
        }
      }
      return out;
    },
    reset() {
      segments = [];
      current = '';
    },
  };
}
