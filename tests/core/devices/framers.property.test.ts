import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHidScaleFramer, decodeHidScaleReport } from '../../../electron/core/devices/scale/hid-pos';
import type { ScaleFramer, ScaleMessage } from '../../../electron/core/devices/scale/message';
import { createMtSicsFramer } from '../../../electron/core/devices/scale/mt-sics';
import { createNciFramer } from '../../../electron/core/devices/scale/nci';
import { createToledoFramer, encodeToledoFrame } from '../../../electron/core/devices/scale/toledo-continuous';
import { createHidScanAssembler } from '../../../electron/core/devices/scanner/hid-pos-scanner';
import { createLineFramer } from '../../../electron/core/devices/scanner/line-framer';
import { toScanEvent } from '../../../electron/core/devices/scanner/scan-event';
import { ScanEvent, WeightReading } from '../../../shared/domain/devices';

const framers: Record<string, () => ScaleFramer> = {
  'mt-sics': () => createMtSicsFramer(),
  nci: () => createNciFramer(),
  'toledo (checksum)': () => createToledoFramer(),
  'toledo (no checksum)': () => createToledoFramer({ checksum: false }),
  'hid-pos': () => createHidScaleFramer(),
};

/** Byte soup that favours the bytes framers care about, so frames half-form often. */
const interestingByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x02, 0x03, 0x0a, 0x0d, 0x20, 0x2e, 0x2d, 0x30, 0x31, 0x39, 0x53, 0x44, 0x49, 0x67, 0x6b),
);
const chunks = fc.array(
  fc.array(interestingByte, { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes)),
  { maxLength: 30 },
);

function isValidMessage(message: ScaleMessage): boolean {
  switch (message.type) {
    case 'reading':
      return WeightReading.safeParse(message.reading).success;
    case 'ack':
    case 'refused':
      return typeof message.command === 'string';
    case 'invalid':
      return message.reason.length > 0;
  }
}

describe('scale framers never throw and only yield valid messages', () => {
  for (const [name, create] of Object.entries(framers)) {
    it(name, () => {
      fc.assert(
        fc.property(chunks, (input) => {
          const framer = create();
          for (const chunk of input) for (const message of framer.push(chunk)) expect(isValidMessage(message)).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('hid-pos report decoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.boolean(), (bytes, asWeightReport) => {
        if (asWeightReport && bytes.length > 0) bytes[0] = 0x03;
        const message = decodeHidScaleReport(bytes);
        if (message) expect(isValidMessage(message)).toBe(true);
      }),
    );
  });
});

describe('framers resync after garbage', () => {
  it('MT-SICS reads the first whole line after any garbage', () => {
    const garbage = fc.array(
      interestingByte.filter((b) => b !== 0x0a),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(garbage, fc.integer({ min: -99999, max: 99999 }), (junk, grams) => {
        const framer = createMtSicsFramer();
        framer.push(Uint8Array.from(junk));
        const messages = framer.push(new TextEncoder().encode(`\r\nS S ${(grams / 100).toFixed(2)} g\r\n`));
        expect(messages.at(-1)).toMatchObject({ type: 'reading', reading: { value: grams / 100, unit: 'g' } });
      }),
    );
  });

  it('Toledo reads the first whole frame after garbage without STX', () => {
    const garbage = fc.array(
      interestingByte.filter((b) => (b & 0x7f) !== 0x02),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(garbage, fc.integer({ min: 0, max: 999999 }), (junk, weight) => {
        const framer = createToledoFramer();
        const messages = framer.push(Uint8Array.from([...junk, ...encodeToledoFrame({ swa: 0x22, swb: 0x30, swc: 0x20, weight })]));
        expect(messages.filter((m) => m.type === 'reading')).toMatchObject([{ reading: { value: weight } }]);
      }),
    );
  });
});

describe('scanner framing never throws and only yields valid scans', () => {
  const at = '2026-01-01T00:00:00.000Z';

  it('line framer + ScanEvent', () => {
    fc.assert(
      fc.property(chunks, fc.constantFrom(undefined, '#', '\x02'), (input, suffix) => {
        const framer = createLineFramer(suffix ? { suffix } : {});
        for (const chunk of input) {
          const { scans } = framer.push(chunk);
          for (const scan of scans) {
            const result = toScanEvent(scan, { source: 'serial', at });
            if (result.ok) expect(ScanEvent.safeParse(result.event).success).toBe(true);
            else expect(result.reason.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it('HID scan assembler', () => {
    const report = fc.uint8Array({ minLength: 0, maxLength: 64 }).map((bytes) => {
      if (bytes.length > 0 && bytes[0]! % 2 === 0) bytes[0] = 0x02;
      return bytes;
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 20 }), (reports) => {
        const assembler = createHidScanAssembler();
        for (const r of reports) {
          const scan = assembler.push(r);
          if (scan) expect(scan.data.length).toBeLessThanOrEqual(4096);
        }
      }),
    );
  });

  it('ScanEvent framing of any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (raw) => {
        const result = toScanEvent(raw, { source: 'wedge', at });
        if (result.ok) expect(ScanEvent.safeParse(result.event).success).toBe(true);
      }),
    );
  });
});
