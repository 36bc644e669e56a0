import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHostStatusReader, parseHostStatus } from '../../../../electron/core/devices/printer/hs-status';
import type { PrinterStatus } from '../../../../electron/core/devices/printer/status';
import { type LabelTemplateName, labelTemplates } from '../../../../electron/core/devices/printer/templates';
import { computeCheckDigit } from '../../../../shared/scan/check-digit';
import { hsReply } from '../../../support/devices/raw-listener';

/** Every command the builder writes. */
const KNOWN_COMMANDS = new Set([
  'XA',
  'CI',
  'PW',
  'LL',
  'LH',
  'FO',
  'A0',
  'FH',
  'FD',
  'FS',
  'GB',
  'BY',
  'BC',
  'FB',
  'BQ',
  'BX',
  'PQ',
  'XZ',
]);

/**
 * The label program without its data: the sequence of commands. Fails when a `^` or `~` appears anywhere
 * but at the start of a known command, or when field data is not closed by `^FS`.
 */
function programOf(zpl: string): string[] {
  const commands: string[] = [];
  let i = 0;
  while (i < zpl.length) {
    const char = zpl[i];
    if (char !== '^' && char !== '~') {
      i++;
      continue;
    }
    if (char === '~') throw new Error(`control command ~${zpl.slice(i + 1, i + 3)} in the program`);
    const command = zpl.slice(i + 1, i + 3);
    if (!KNOWN_COMMANDS.has(command)) throw new Error(`unknown command ^${command} at ${i}`);
    if (command !== 'FH') commands.push(command);
    if (command === 'FD') {
      const end = zpl.indexOf('^', i + 3);
      const data = zpl.slice(i + 3, end);
      if (zpl.slice(end, end + 3) !== '^FS') throw new Error(`field data "${data}" is not closed by ^FS`);
      if (data.includes('~')) throw new Error(`field data "${data}" holds ~`);
      i = end;
      continue;
    }
    i += 3;
  }
  return commands;
}

/** Any text, biased towards the characters that could break a label program. */
const nastyText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('^', '~', '_', '>', '\\', '&', '\n', '\r', '\u0000', '\u001d', 'é', '𝄞', 'XA', 'XZ', 'FS', 'JR', ' '),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: maxLength - 1,
    })
    .map((s) => `x${s}`.slice(0, maxLength));

const printable = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength });

const cset82 = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'!"%&\'()*+,-./0123456789:;<=>?ABCXYZ_abcxyz'.split('')), minLength: 1, maxLength });

const digits = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: length, maxLength: length });
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const address = fc.record({
  name: nastyText(40),
  line1: nastyText(40),
  line2: nastyText(40),
  city: nastyText(30),
  region: nastyText(20),
  postalCode: nastyText(12),
  country: nastyText(30),
});

const inputs: Record<LabelTemplateName, fc.Arbitrary<unknown>> = {
  shipping: fc.record({
    shipFrom: address,
    shipTo: address,
    carrier: nastyText(24),
    service: nastyText(30),
    trackingNumber: printable(34),
    sscc: digits(17),
    orderNumber: nastyText(30),
    carton: fc.integer({ min: 1, max: 9999 }).chain((of) => fc.record({ number: fc.integer({ min: 1, max: of }), of: fc.constant(of) })),
    weight: fc.record({ value: fc.double({ min: 0.01, max: 99_999, noNaN: true }), unit: fc.constantFrom('kg', 'lb') }),
    dpi: fc.constantFrom(203, 300),
  }),
  sscc: fc.record({
    from: fc.record({ name: nastyText(40), address: nastyText(60) }),
    sscc: digits(17),
    content: fc.record({ gtin: digits(13).map((d) => `${d}${computeCheckDigit(d)}`), count: fc.integer({ min: 1, max: 99_999_999 }) }),
    lot: cset82(20),
    bestBefore: date,
    expiry: date,
    netWeightKg: fc.double({ min: 0.001, max: 999_999, noNaN: true }),
    dpi: fc.constantFrom(203, 300),
  }),
  lpn: fc.record({
    lpn: printable(24),
    item: fc.record({ sku: nastyText(30), description: nastyText(60) }),
    quantity: fc.record({ value: fc.double({ min: 0.001, max: 99_999_999, noNaN: true }), unit: nastyText(8) }),
    lot: nastyText(30),
    location: nastyText(20),
    dpi: fc.constantFrom(203, 300),
  }),
};

const baselines: Record<LabelTemplateName, unknown> = {
  shipping: {
    shipFrom: { name: 'A', line1: 'B', line2: 'C', city: 'D', region: 'E', postalCode: 'F', country: 'G' },
    shipTo: { name: 'A', line1: 'B', line2: 'C', city: 'D', region: 'E', postalCode: 'F', country: 'G' },
    carrier: 'C',
    service: 'S',
    trackingNumber: 'T1',
    sscc: '10614141123456789',
    orderNumber: 'O',
    carton: { number: 1, of: 1 },
    weight: { value: 1, unit: 'kg' },
  },
  sscc: {
    from: { name: 'N', address: 'A' },
    sscc: '10614141123456789',
    content: { gtin: '09506000134352', count: 1 },
    lot: 'L',
    bestBefore: '2030-01-01',
    expiry: '2030-01-01',
    netWeightKg: 1,
  },
  lpn: { lpn: 'L1', item: { sku: 'S', description: 'D' }, quantity: { value: 1, unit: 'EA' }, lot: 'L', location: 'A' },
};

describe('label programs hold against any data', () => {
  for (const name of ['shipping', 'sscc', 'lpn'] as const) {
    it(`${name}: data never adds, ends or changes a command`, () => {
      const template = labelTemplates[name];
      const expected = programOf(template.build(baselines[name]));
      fc.assert(
        fc.property(inputs[name], (input) => {
          expect(programOf(template.build(input))).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('~HS parser against any bytes', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), (chunks) => {
        const reader = createHostStatusReader();
        for (const chunk of chunks) reader.push(chunk);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the same status however the reply is split and whatever noise comes before', () => {
    const reply = new TextEncoder().encode(hsReply({ paperOut: true, headOpen: true }));
    const expected = parseHostStatus(reply);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }).map((noise) => noise.map((b) => (b === 0x02 ? 0x20 : b))),
        fc.array(fc.integer({ min: 1, max: reply.length }), { maxLength: 10 }),
        (noise, cuts) => {
          const bytes = Uint8Array.from([...noise, 0x03, ...reply]);
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const reader = createHostStatusReader();
          let status: PrinterStatus | undefined;
          let from = 0;
          for (const point of [...points.map((p) => p + noise.length + 1), bytes.length]) {
            status = reader.push(bytes.subarray(from, point)) ?? status;
            from = point;
          }
          expect(status).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
