import { describe, expect, it } from 'vitest';
import type { ScaleMessage } from '../../../../electron/core/devices/scale/message';
import { createMtSicsFramer, encodeMtSicsCommand, parseMtSicsLine } from '../../../../electron/core/devices/scale/mt-sics';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function pushByteByByte(text: string): ScaleMessage[] {
  const framer = createMtSicsFramer();
  return [...bytes(text)].flatMap((byte) => framer.push(Uint8Array.of(byte)));
}

describe('MT-SICS replies', () => {
  it('reads a stable weight', () => {
    expect(parseMtSicsLine('S S     100.00 g', 'kg')).toEqual({
      type: 'reading',
      reading: { value: 100, unit: 'g', stable: true, status: 'ok', division: 0.01 },
    });
  });

  it('reads a dynamic weight as motion, not stable', () => {
    const message = parseMtSicsLine('S D     100.02 g', 'kg');
    expect(message).toMatchObject({ type: 'reading', reading: { value: 100.02, stable: false, status: 'motion' } });
  });

  it('reads negative weights and kilograms with three decimals', () => {
    expect(parseMtSicsLine('S S     -0.125 kg', 'g')).toMatchObject({ reading: { value: -0.125, unit: 'kg', division: 0.001 } });
  });

  it('turns milligrams into grams exactly', () => {
    expect(parseMtSicsLine('S S    1234.5 mg', 'g')).toMatchObject({ reading: { value: 1.2345, unit: 'g', division: 0.0001 } });
  });

  it('reports overload and underload with the last known unit', () => {
    expect(parseMtSicsLine('S +', 'lb')).toMatchObject({ reading: { status: 'overload', unit: 'lb', stable: false } });
    expect(parseMtSicsLine('S -', 'kg')).toMatchObject({ reading: { status: 'underload', unit: 'kg' } });
  });

  it('treats "S I" and the E errors as refusals with a reason', () => {
    expect(parseMtSicsLine('S I', 'kg')).toMatchObject({
      type: 'refused',
      command: 'S',
      reason: expect.stringContaining('not executable'),
    });
    expect(parseMtSicsLine('ES', 'kg')).toMatchObject({ type: 'refused', reason: expect.stringContaining('syntax') });
    expect(parseMtSicsLine('ET', 'kg')).toMatchObject({ type: 'refused', reason: expect.stringContaining('transmission') });
    expect(parseMtSicsLine('EL', 'kg')).toMatchObject({ type: 'refused', reason: expect.stringContaining('logical') });
  });

  it('acknowledges zero, tare and reset and refuses them when the scale cannot', () => {
    expect(parseMtSicsLine('Z A', 'kg')).toEqual({ type: 'ack', command: 'Z' });
    expect(parseMtSicsLine('Z I', 'kg')).toMatchObject({ type: 'refused', command: 'Z' });
    expect(parseMtSicsLine('Z +', 'kg')).toMatchObject({ type: 'refused', reason: 'upper limit exceeded' });
    expect(parseMtSicsLine('T S      0.250 kg', 'kg')).toEqual({ type: 'ack', command: 'T', detail: '0.250 kg' });
    expect(parseMtSicsLine('TAC A', 'kg')).toEqual({ type: 'ack', command: 'TAC' });
    expect(parseMtSicsLine('I4 A "B021002593"', 'kg')).toMatchObject({ type: 'ack', command: '@' });
  });

  it('rejects unknown units and unreadable weights', () => {
    expect(parseMtSicsLine('S S     12.00 ct', 'kg')).toMatchObject({ type: 'invalid', reason: expect.stringContaining('unit') });
    expect(parseMtSicsLine('S S     1x.00 g', 'kg')).toMatchObject({ type: 'invalid' });
    expect(parseMtSicsLine('hello', 'kg')).toMatchObject({ type: 'invalid' });
  });

  it('encodes commands with CR LF', () => {
    expect([...encodeMtSicsCommand('SI')]).toEqual([0x53, 0x49, 0x0d, 0x0a]);
  });
});

describe('MT-SICS framer', () => {
  it('frames replies that arrive a byte at a time', () => {
    const messages = pushByteByByte('S S      1.234 kg\r\nS D      1.240 kg\r\n');
    expect(messages.map((m) => (m.type === 'reading' ? [m.reading.value, m.reading.status] : m.type))).toEqual([
      [1.234, 'ok'],
      [1.24, 'motion'],
    ]);
  });

  it('reports garbage as invalid and resyncs on the next line', () => {
    const messages = pushByteByByte('\x00\xff#garbage\r\nS S      2.000 kg\r\n');
    expect(messages[0]?.type).toBe('invalid');
    expect(messages[1]).toMatchObject({ type: 'reading', reading: { value: 2 } });
  });

  it('drops an over-long line whole and carries on', () => {
    const framer = createMtSicsFramer();
    const messages = framer.push(bytes(`${'x'.repeat(500)}\r\nS S 5 g\r\n`));
    expect(messages.map((m) => m.type)).toEqual(['invalid', 'reading']);
  });

  it('uses the unit of the last weight for overload replies', () => {
    const framer = createMtSicsFramer({ defaultUnit: 'kg' });
    const messages = framer.push(bytes('S S 10.00 lb\r\nS +\r\n'));
    expect(messages[1]).toMatchObject({ reading: { status: 'overload', unit: 'lb' } });
  });
});
