import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParsedScan, parseScan } from '../../../shared/scan';

const GS = '\u001d';

/** parseScan must answer every input with a schema-valid result carrying the input back. */
function answersEverything(raw: string, opts?: { separator?: string; aimId?: string }): void {
  const result = parseScan(raw, opts);
  const checked = ParsedScan.safeParse(result);
  if (!checked.success) throw new Error(`not a ParsedScan for ${JSON.stringify(raw)}: ${checked.error.message}`);
  expect(result.data).toBe(raw);
  // an answer from the catch-all would mean an internal exception, not a reasoned refusal
  if (!result.ok) expect(result.error).not.toMatch(/^could not read the scan/);
}

const aiLooking = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        '00',
        '01',
        '02',
        '10',
        '11',
        '15',
        '17',
        '21',
        '30',
        '37',
        '3103',
        '3202',
        '3109',
        '400',
        '420',
        '421',
        '14',
        '99',
        '244',
        '7003',
        '8010',
        '(',
        ')',
      ),
      fc.stringMatching(/^[0-9A-Za-z#|~ -]{0,22}$/),
      fc.constantFrom('', GS, '|', '(', ')'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.map(([ai, value, end]) => `${ai}${value}${end}`).join(''));

const bracketed = fc
  .array(fc.tuple(fc.stringMatching(/^[0-9x]{1,5}$/), fc.stringMatching(/^[0-9A-Z(]{0,20}$/)), { maxLength: 5 })
  .map((parts) => parts.map(([ai, value]) => `(${ai})${value}`).join(''));

const prefixes = fc.constantFrom('', ']C1', ']d2', ']Q3', ']e0', ']E0', ']E4', ']I1', ']C0', ']Q1', ']Zz', 'https://id.gs1.org/');

const options = fc.option(
  fc.record({ separator: fc.constantFrom('|', '~', '^'), aimId: fc.constantFrom(']C1', ']E0', ']d1') }, { requiredKeys: [] }),
  { nil: undefined },
);

describe('parseScan never throws and always answers a ParsedScan', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), options, (raw, opts) => answersEverything(raw, opts)),
      { numRuns: 2000 },
    );
  });

  it('on random full-unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (raw) => answersEverything(raw)),
      { numRuns: 1000 },
    );
  });

  it('on random bytes read as latin1', () => {
    const latin1 = fc.uint8Array({ maxLength: 200 }).map((bytes) => Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    fc.assert(
      fc.property(latin1, options, (raw, opts) => answersEverything(raw, opts)),
      { numRuns: 2000 },
    );
  });

  it('on AI-looking data behind AIM ids, brackets and Digital Link prefixes', () => {
    fc.assert(
      fc.property(prefixes, fc.oneof(aiLooking, bracketed), options, (prefix, body, opts) => {
        const raw = prefix.startsWith('https') ? prefix + body.replace(/[^0-9A-Za-z]/g, '/') : prefix + body;
        answersEverything(raw, opts);
      }),
      { numRuns: 3000 },
    );
  });

  it('on bare digit strings, where every GTIN/SSCC-length answer is a valid key or a check digit error', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (raw) => {
        answersEverything(raw);
        const result = parseScan(raw);
        if ([8, 12, 13, 14].includes(raw.length)) {
          expect(
            result.ok ? result.kind === 'gtin' && result.gtin === raw.padStart(14, '0') : result.error.startsWith('GTIN check digit'),
          ).toBe(true);
        }
        if (raw.length === 18) {
          expect(result.ok ? result.kind === 'sscc' && result.sscc === raw : result.error.startsWith('SSCC check digit')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
