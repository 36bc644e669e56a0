import { describe, expect, it } from 'vitest';
import { createNciFramer, encodeNciCommand, parseNciStatus } from '../../../../electron/core/devices/scale/nci';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
/** Sets the even-parity bit on each byte, as a 7E1 line delivers to a port opened 8N1. */
const withParity = (data: Uint8Array): Uint8Array =>
  data.map((byte) => {
    let ones = 0;
    for (let b = byte; b; b >>= 1) ones += b & 1;
    return ones % 2 ? byte | 0x80 : byte;
  });

const weightReply = (weight: string, status: string): string => `\n${weight}\r\n${status}\r\x03`;

describe('NCI status bytes', () => {
  it('decodes the bits of both bytes', () => {
    expect(parseNciStatus('00')).toMatchObject({ motion: false, atZero: false, overCapacity: false });
    expect(parseNciStatus('10')).toMatchObject({ motion: true });
    expect(parseNciStatus('20')).toMatchObject({ atZero: true });
    expect(parseNciStatus('01')).toMatchObject({ underCapacity: true });
    expect(parseNciStatus('02')).toMatchObject({ overCapacity: true });
    expect(parseNciStatus('08')).toMatchObject({ calibrationError: true });
    expect(parseNciStatus('4')).toBeUndefined();
    expect(parseNciStatus('ab')).toBeUndefined();
  });

  it('accepts a second byte flagged "byte follows" and a third byte', () => {
    expect(parseNciStatus('0@0')).toBeUndefined();
    expect(parseNciStatus('0p0')).toMatchObject({ underCapacity: false });
  });
});

describe('NCI framer', () => {
  it('reads a stable weight', () => {
    const messages = createNciFramer().push(bytes(weightReply('0001.25LB', '00')));
    expect(messages).toEqual([{ type: 'reading', reading: { value: 1.25, unit: 'lb', stable: true, status: 'ok', division: 0.01 } }]);
  });

  it('reads motion, negative and kilogram weights', () => {
    const framer = createNciFramer();
    expect(framer.push(bytes(weightReply('0002.50kg', '10')))).toMatchObject([
      { reading: { value: 2.5, unit: 'kg', status: 'motion', stable: false } },
    ]);
    expect(framer.push(bytes(weightReply('-000.12kg', '00')))).toMatchObject([{ reading: { value: -0.12 } }]);
  });

  it('reads over and under capacity even when the weight field is dashed', () => {
    const framer = createNciFramer({ defaultUnit: 'kg' });
    expect(framer.push(bytes(weightReply('^^^^^^^^^', '02')))).toMatchObject([{ reading: { status: 'overload', unit: 'kg', value: 0 } }]);
    expect(framer.push(bytes(weightReply('-----', '01')))).toMatchObject([{ reading: { status: 'underload' } }]);
    expect(framer.push(bytes(weightReply('0001.00lb', '40')))).toMatchObject([{ reading: { status: 'fault' } }]);
  });

  it('acknowledges status-only replies to S and Z, and refuses "?"', () => {
    const framer = createNciFramer();
    expect(framer.push(bytes('\n20\r\x03'))).toEqual([{ type: 'ack', command: 'status', detail: 'atZero' }]);
    expect(framer.push(bytes('\n?\r'))).toMatchObject([{ type: 'refused', command: 'unknown' }]);
  });

  it('frames a reply split at every byte, with parity bits set', () => {
    const framer = createNciFramer();
    const messages = [...withParity(bytes(weightReply('0012.34lb', '00')))].flatMap((byte) => framer.push(Uint8Array.of(byte)));
    expect(messages).toMatchObject([{ type: 'reading', reading: { value: 12.34, unit: 'lb' } }]);
  });

  it('reports garbage and resyncs', () => {
    const framer = createNciFramer();
    const messages = framer.push(bytes(`zz\x7fjunk\r\x03${weightReply('0003.00lb', '00')}`));
    expect(messages[0]?.type).toBe('invalid');
    expect(messages.at(-1)).toMatchObject({ type: 'reading', reading: { value: 3 } });
  });

  it('encodes commands with CR', () => {
    expect([...encodeNciCommand('W')]).toEqual([0x57, 0x0d]);
  });
});
