/**
 * Zebra `~HS` host status reply: three `<STX>...<ETX><CR><LF>` strings.
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l       (b paper out, c pause, f buffer full, k/l temperature)
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www       (o head up, p ribbon out, q thermal transfer, t label waiting)
 *   3: xxxx,y
 * Bytes arrive in pieces and may carry noise; the reader keeps what it needs and never throws.
 */
import { type HostStatusFlags, type PrinterStatus, statusFromFlags } from './status';

const STX = 0x02;
const ETX = 0x03;
/** A reply string is short; anything longer without ETX is noise. */
const MAX_FRAME = 128;
/** Host status query, as sent to the printer. */
export const HOST_STATUS_QUERY = '~HS';

// Field widths vary a little between firmware versions; the field count and the flag positions do not.
const STRING_1 = /^\d+,[01],[01],\d+,\d+,[01],[01],[01],\d+,[01],[01],[01]$/;
const STRING_2 = /^\d+,\d+,[01],[01],[01],\d+,\d+,[01],\d+,\d+,\d+$/;

function flagsFrom(first: string, second: string): HostStatusFlags {
  const a = first.split(',');
  const b = second.split(',');
  const bit = (value: string | undefined): boolean => value === '1';
  const int = (value: string | undefined): number => Number.parseInt(value ?? '0', 10);
  return {
    paperOut: bit(a[1]),
    paused: bit(a[2]),
    labelLengthDots: int(a[3]),
    formatsInBuffer: int(a[4]),
    bufferFull: bit(a[5]),
    diagnosticMode: bit(a[6]),
    partialFormat: bit(a[7]),
    corruptRam: bit(a[9]),
    underTemperature: bit(a[10]),
    overTemperature: bit(a[11]),
    headOpen: bit(b[2]),
    ribbonOut: bit(b[3]),
    thermalTransfer: bit(b[4]),
    printMode: int(b[5]),
    labelWaiting: bit(b[7]),
    labelsRemaining: int(b[8]),
  };
}

export interface HostStatusReader {
  /** Feeds received bytes; returns the status once strings 1 and 2 have both arrived, else undefined. */
  push(chunk: Uint8Array | string): PrinterStatus | undefined;
}

/** Incremental `~HS` parser for a byte stream (TCP, serial). */
export function createHostStatusReader(): HostStatusReader {
  let frame: number[] | undefined;
  let first: string | undefined;
  const onFrame = (text: string): PrinterStatus | undefined => {
    if (STRING_1.test(text)) {
      first = text;
      return undefined;
    }
    if (STRING_2.test(text) && first !== undefined) {
      const status = statusFromFlags(flagsFrom(first, text));
      first = undefined;
      return status;
    }
    return undefined;
  };
  return {
    push(chunk) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      let result: PrinterStatus | undefined;
      for (const byte of bytes) {
        if (byte === STX) {
          frame = [];
        } else if (byte === ETX) {
          if (frame) result = onFrame(String.fromCharCode(...frame)) ?? result;
          frame = undefined;
        } else if (frame) {
          frame.push(byte);
          if (frame.length > MAX_FRAME) frame = undefined;
        }
      }
      return result;
    },
  };
}

/** Parses a complete reply; undefined when it holds no valid strings 1 and 2. */
export function parseHostStatus(reply: Uint8Array | string): PrinterStatus | undefined {
  return createHostStatusReader().push(reply);
}
