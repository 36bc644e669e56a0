import { describe, expect, it } from 'vitest';
import { createToledoFramer, encodeToledoFrame, toledoChecksum } from '../../../../electron/core/devices/scale/toledo-continuous';

/** SWA: bits 0-2 decimal code, bits 3-4 increment (1 = x1, 2 = x2, 3 = x5), bit 5 always set. */
const swa = (decimalCode: number, increment = 1): number => 0x20 | (increment << 3) | decimalCode;
/** SWB: bit0 net, bit1 negative, bit2 out of range, bit3 motion, bit4 kg; bit 5 always set. */
const swb = (flags: { negative?: boolean; range?: boolean; motion?: boolean; kg?: boolean } = {}): number =>
  0x20 | (flags.negative ? 0x02 : 0) | (flags.range ? 0x04 : 0) | (flags.motion ? 0x08 : 0) | (flags.kg ? 0x10 : 0);
const SWC = 0x20;

describe('Toledo continuous checksum', () => {
  it('makes the 7-bit sum of the frame zero', () => {
    const frame = encodeToledoFrame({ swa: swa(4), swb: swb({ kg: true }), swc: SWC, weight: 1234 });
    const sum = [...frame].reduce((total, byte) => total + (byte & 0x7f), 0);
    expect(sum & 0x7f).toBe(0);
    expect(toledoChecksum(frame.subarray(0, 17))).toBe(frame[17]);
  });
});

describe('Toledo continuous framer', () => {
  it('places the decimal point from SWA and the unit from SWB', () => {
    const framer = createToledoFramer();
    expect(framer.push(encodeToledoFrame({ swa: swa(4), swb: swb({ kg: true }), swc: SWC, weight: 1234 }))).toEqual([
      { type: 'reading', reading: { value: 12.34, unit: 'kg', stable: true, status: 'ok', division: 0.01 } },
    ]);
    expect(framer.push(encodeToledoFrame({ swa: swa(0), swb: swb(), swc: SWC, weight: 12 }))).toMatchObject([
      { reading: { value: 1200, unit: 'lb', division: 100 } },
    ]);
    expect(framer.push(encodeToledoFrame({ swa: swa(5, 3), swb: swb({ kg: true }), swc: SWC, weight: 1235 }))).toMatchObject([
      { reading: { value: 1.235, division: 0.005 } },
    ]);
  });

  it('reads grams from SWC, negative weights and motion', () => {
    const framer = createToledoFramer();
    expect(framer.push(encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC | 0x01, weight: 500 }))).toMatchObject([
      { reading: { value: 500, unit: 'g' } },
    ]);
    expect(framer.push(encodeToledoFrame({ swa: swa(3), swb: swb({ negative: true, kg: true }), swc: SWC, weight: 15 }))).toMatchObject([
      { reading: { value: -1.5 } },
    ]);
    expect(framer.push(encodeToledoFrame({ swa: swa(3), swb: swb({ motion: true, kg: true }), swc: SWC, weight: 15 }))).toMatchObject([
      { reading: { status: 'motion', stable: false } },
    ]);
  });

  it('reports out of range as overload, or underload when negative', () => {
    const framer = createToledoFramer();
    expect(framer.push(encodeToledoFrame({ swa: swa(2), swb: swb({ range: true }), swc: SWC, weight: 999999 }))).toMatchObject([
      { reading: { status: 'overload' } },
    ]);
    expect(framer.push(encodeToledoFrame({ swa: swa(2), swb: swb({ range: true, negative: true }), swc: SWC, weight: 5 }))).toMatchObject([
      { reading: { status: 'underload' } },
    ]);
  });

  it('rejects a frame with a bad checksum and reads the next one', () => {
    const bad = encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC, weight: 111 });
    bad[17] = (bad[17]! + 1) & 0x7f;
    const good = encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC, weight: 222 });
    const messages = createToledoFramer().push(Uint8Array.from([...bad, ...good]));
    expect(messages[0]).toMatchObject({ type: 'invalid', reason: expect.stringContaining('checksum') });
    expect(messages.filter((m) => m.type === 'reading')).toMatchObject([{ reading: { value: 222 } }]);
  });

  it('frames byte by byte through garbage and a truncated frame', () => {
    const full = encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC, weight: 42 });
    const stream = Uint8Array.from([0x41, 0x00, 0xff, ...full.subarray(0, 9), ...full, 0x13]);
    const framer = createToledoFramer();
    const messages = [...stream].flatMap((byte) => framer.push(Uint8Array.of(byte)));
    expect(messages.filter((m) => m.type === 'reading')).toMatchObject([{ reading: { value: 42 } }]);
  });

  it('works without checksum when the terminal sends none', () => {
    const framer = createToledoFramer({ checksum: false });
    const frames = [1, 2, 3].map((weight) => encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC, weight }, { checksum: false }));
    const messages = framer.push(Uint8Array.from(frames.flatMap((frame) => [...frame])));
    expect(messages.map((m) => (m.type === 'reading' ? m.reading.value : m.type))).toEqual([1, 2, 3]);
  });

  it('rejects units it cannot express', () => {
    expect(createToledoFramer().push(encodeToledoFrame({ swa: swa(2), swb: swb(), swc: SWC | 0x02, weight: 1 }))).toMatchObject([
      { type: 'invalid', reason: expect.stringContaining('unit') },
    ]);
  });
});
