import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS, parseElementString } from '../../../shared/scan';
import { computeCheckDigit } from '../../../shared/scan/check-digit';
import { type AiComponent, type AiEntry, allAis } from '../../../shared/scan/gs1/ai-table';
import { ISO_3166_ALPHA2, ISO_3166_NUMERIC, ISO_4217_NUMERIC, PACKAGE_TYPES } from '../../../shared/scan/gs1/code-lists';
import { CSET_82, checkCharacterPair } from '../../../shared/scan/gs1/linters';

const CSET_39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET_64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const currentYear = 2024;

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((list) => list.join(''));
const digits = (min: number, max = min) => chars('0123456789', min, max);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const fromList = (list: ReadonlySet<string>, max: number) => fc.constantFrom(...[...list].filter((code) => code.length <= max));

const date6 = (zeroDay: boolean) =>
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: zeroDay ? 0 : 1, max: 28 }))
    .map(([y, m, d]) => pad(y, 2) + pad(m, 2) + pad(d, 2));

/** Valid data for one component of length `size`, honouring its type and every linter it names. */
function validComponent(component: AiComponent, size: number): fc.Arbitrary<string> {
  const linters = new Set(component.linters);
  const base =
    component.type === 'N' ? '0123456789' : component.type === 'Y' ? CSET_39 : component.type === 'Z' ? CSET_64 : CSET_82.replace('%', '');
  if (linters.has('csum')) {
    return digits(size - 1).map((data) => data + String(computeCheckDigit(data)));
  }
  if (linters.has('csumalpha')) {
    return chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 1, 1)
      .chain((letter) => chars(CSET_82, 0, Math.max(0, size - 7)).map((rest) => `1234${letter}${rest}`))
      .map((data) => data + checkCharacterPair(data));
  }
  if (linters.has('gcppos1') || linters.has('key'))
    return chars(base, Math.max(0, size - 4), Math.max(0, size - 4)).map((rest) => `0614${rest}`);
  if (linters.has('yymmd0')) return date6(true);
  if (linters.has('yymmdd')) return date6(false);
  if (linters.has('yyyymmdd')) return fc.tuple(fc.integer({ min: 1900, max: 2099 }), date6(false)).map(([y, d]) => pad(y, 4) + d.slice(2));
  if (linters.has('hhmi'))
    return fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => pad(h, 2) + pad(m, 2));
  if (linters.has('hh')) return fc.integer({ min: 0, max: 23 }).map((h) => pad(h, 2));
  if (linters.has('mi') || linters.has('ss')) return fc.integer({ min: 0, max: 59 }).map((m) => pad(m, 2));
  if (linters.has('iso3166')) return fromList(ISO_3166_NUMERIC, 3);
  if (linters.has('iso3166999')) return fc.oneof(fromList(ISO_3166_NUMERIC, 3), fc.constant('999'));
  if (linters.has('iso3166alpha2')) return fromList(ISO_3166_ALPHA2, 2);
  if (linters.has('iso4217')) return fromList(ISO_4217_NUMERIC, 3);
  if (linters.has('iso5218')) return fc.constantFrom('0', '1', '2', '9');
  if (linters.has('iban')) return fc.constantFrom('GB82WEST12345698765432', 'DE89370400440532013000');
  if (linters.has('latitude')) return fc.integer({ min: 0, max: 1_800_000_000 }).map((n) => pad(n, 10));
  if (linters.has('longitude')) {
    return fc
      .tuple(fc.integer({ min: 0, max: 36_000 }), fc.integer({ min: 0, max: 99_999 }))
      .map(([high, low]) => pad(Math.min(high * 100_000 + low, 3_600_000_000), 10));
  }
  if (linters.has('yesno')) return fc.constantFrom('0', '1');
  if (linters.has('hyphen')) return fc.constant('-');
  if (linters.has('zero')) return fc.constant('0');
  if (linters.has('winding')) return fc.constantFrom('0', '1', '9');
  if (linters.has('nonzero')) return digits(size).filter((d) => /[1-9]/.test(d));
  if (linters.has('importeridx')) return chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_', 1, 1);
  if (linters.has('packagetype')) return fromList(PACKAGE_TYPES, size);
  if (linters.has('mediatype')) return fc.constantFrom('01', '05', '10', '80', '99');
  if (linters.has('pieceoftotal'))
    return fc
      .integer({ min: 1, max: 99 })
      .chain((total) => fc.integer({ min: 1, max: total }).map((piece) => pad(piece, 2) + pad(total, 2)));
  if (linters.has('posinseqslash'))
    return fc.integer({ min: 1, max: 9 }).chain((total) => fc.integer({ min: 1, max: total }).map((p) => `${p}/${total}`));
  if (linters.has('nozeroprefix')) return fc.tuple(chars('123456789', 1, 1), digits(size - 1)).map(([first, rest]) => first + rest);
  if (linters.has('couponcode')) return fc.constantFrom('001234512345615110123', `001234512345615110123${'3'}251231`);
  if (linters.has('couponposoffer')) return fc.constant('000123451234560123456');
  if (linters.has('pcenc')) return chars(base, size, size);
  return chars(base, size, size);
}

/** A valid value for the whole AI: mandatory components, then some of the optional ones. */
function validValue(entry: AiEntry): fc.Arbitrary<string> {
  const optional = entry.components.filter((c) => c.optional).length;
  return fc.integer({ min: 0, max: optional }).chain((extra) => {
    const used = entry.components.slice(0, entry.components.length - optional + extra);
    const parts = used.map((component) =>
      component.min === component.max
        ? validComponent(component, component.max)
        : fc
            .integer({ min: Math.max(component.min, fixedMinimum(component)), max: component.max })
            .chain((size) => validComponent(component, size)),
    );
    return fc.tuple(...parts).map((values) => values.join(''));
  });
}

/** Linters that need some room: a company prefix needs 4 digits, a check character pair 2 more. */
function fixedMinimum(component: AiComponent): number {
  if (component.linters.includes('csumalpha')) return 7;
  if (component.linters.includes('gcppos1')) return 4;
  return 1;
}

const AIS = allAis();

describe('every AI of the dictionary', () => {
  it('round-trips: a valid element string built from its spec parses back to the same AI and value', () => {
    for (const entry of AIS) {
      fc.assert(
        fc.property(validValue(entry), (value) => {
          const result = parseElementString(`${entry.ai}${value}${entry.fnc1 ? GS : ''}`, { currentYear, requisites: 'item' });
          if (!result.ok) throw new Error(`AI ${entry.ai} "${value}": ${result.error}`);
          expect(result.elements.map((e) => [e.ai, e.value])).toEqual([[entry.ai, value]]);
        }),
        { numRuns: 15 },
      );
    }
  });

  it('names the AI and the position when one character of one component is of the wrong type', () => {
    const wrong: Readonly<Record<AiComponent['type'], string>> = { N: 'A', X: ' ', Y: 'a', Z: '!' };
    for (const entry of AIS) {
      fc.assert(
        fc.property(validValue(entry), fc.nat(), fc.nat(), (value, pickComponent, pickChar) => {
          // find the components present in this value and their offsets
          const spans: { component: AiComponent; start: number; size: number }[] = [];
          let pos = 0;
          for (const component of entry.components) {
            if (pos >= value.length) break;
            const size = component.min === component.max ? component.max : value.length - pos;
            spans.push({ component, start: pos, size });
            pos += size;
          }
          const span = spans[pickComponent % spans.length];
          if (!span) throw new Error(`AI ${entry.ai}: no component in "${value}"`);
          const at = span.start + (pickChar % span.size);
          const bad = wrong[span.component.type];
          const corrupted = value.slice(0, at) + bad + value.slice(at + 1);
          const result = parseElementString(`${entry.ai}${corrupted}${GS}`, { currentYear, requisites: 'item' });
          const shown = bad === ' ' ? 'U+0020' : `"${bad}"`;
          expect(result).toEqual({
            ok: false,
            error: expect.stringMatching(new RegExp(`^AI ${entry.ai}: ${shown.replace(/[+"]/g, '\\$&')} at position ${at + 1} is not`)),
          });
        }),
        { numRuns: 10 },
      );
    }
  });

  it('names the AI and the rule when the value is one character too long', () => {
    for (const entry of AIS.filter((e) => e.fnc1)) {
      fc.assert(
        fc.property(validValue(entry), (value) => {
          const max = entry.components.reduce((sum, c) => sum + c.max, 0);
          const long = value + '1'.repeat(max - value.length + 1);
          const result = parseElementString(`${entry.ai}${long}`, { currentYear, requisites: 'item' });
          expect(result).toEqual({
            ok: false,
            error: expect.stringMatching(new RegExp(`^AI ${entry.ai}: ${long.length} (digits|characters), (at most|needs) `)),
          });
        }),
        { numRuns: 5 },
      );
    }
  });
});
