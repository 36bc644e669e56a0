import { describe, expect, it } from 'vitest';
import { parseElementString, parseGs1 } from '../../../shared/scan/gs1';
import { fullYear, parseGs1Date } from '../../../shared/scan/gs1-date';

const GS = '\u001d';
const at2024 = { currentYear: 2024 };

function elementsOf(input: string, opts: { separator?: string; currentYear?: number } = at2024) {
  const result = parseGs1(input, { ...at2024, ...opts });
  if (!result.ok) throw new Error(`expected valid GS1 data, got: ${result.error}`);
  return result.elements;
}

function errorOf(input: string, opts: { separator?: string; currentYear?: number } = at2024): string {
  const result = parseGs1(input, { ...at2024, ...opts });
  if (result.ok) throw new Error(`expected invalid GS1 data, got ${JSON.stringify(result.elements)}`);
  return result.error;
}

describe('GS1 element strings', () => {
  it('reads the bracketed General Specifications example', () => {
    expect(elementsOf('(01)09506000134352(17)201225(10)ABC123')).toEqual([
      { ai: '01', title: 'GTIN', value: '09506000134352' },
      { ai: '17', title: 'USE BY or EXPIRY', value: '201225', interpreted: '2020-12-25' },
      { ai: '10', title: 'BATCH/LOT', value: 'ABC123' },
    ]);
  });

  it('reads the same data FNC1-separated, the variable lot last', () => {
    expect(elementsOf('010950600013435217201225' + '10ABC123')).toEqual(elementsOf('(01)09506000134352(17)201225(10)ABC123'));
  });

  it('ends a variable-length element at GS and tolerates a leading FNC1 and GS after fixed-length elements', () => {
    const elements = elementsOf(`${GS}0109506000134352${GS}10ABC123${GS}21SN-0001${GS}`);
    expect(elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['21', 'SN-0001'],
    ]);
  });

  it('takes a substitute separator the wedge scanner types instead of GS', () => {
    const pipe = elementsOf('0109506000134352|10ABC123|21SN1', { separator: '|' });
    const tilde = elementsOf('0109506000134352~10ABC123~21SN1', { separator: '~' });
    expect(pipe.map((e) => [e.ai, e.value])).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['21', 'SN1'],
    ]);
    expect(tilde).toEqual(pipe);
  });

  it('reads net weight in kg with the decimals the AI gives: (3103)000123 = 0.123 kg', () => {
    const [, weight] = elementsOf('(01)09521234543213(3103)000123');
    expect(weight).toEqual({ ai: '3103', title: 'NET WEIGHT (kg)', value: '000123', interpreted: 0.123 });
    expect(elementsOf('(01)09521234543213(3102)012345')[1]?.interpreted).toBe(123.45);
    expect(elementsOf('(01)09521234543213(3100)000007')[1]?.interpreted).toBe(7);
  });

  it('reads net weight in lb, counts, customer PO and ship-to postal code', () => {
    const elements = elementsOf('(00)106141411234567897(02)09506000134352(37)48(3201)001255(400)PO-2024/77(420)8600');
    expect(elements.map((e) => [e.ai, e.interpreted ?? e.value])).toEqual([
      ['00', '106141411234567897'],
      ['02', '09506000134352'],
      ['37', 48],
      ['3201', 125.5],
      ['400', 'PO-2024/77'],
      ['420', '8600'],
    ]);
    expect(elementsOf('(01)09521234543213(30)00000012')[1]?.interpreted).toBe(12);
  });

  it('reads DD = 00 as the last day of the month', () => {
    const item = '(01)09506000134352';
    expect(elementsOf(`${item}(17)200200`)[1]?.interpreted).toBe('2020-02-29');
    expect(elementsOf(`${item}(17)210200`)[1]?.interpreted).toBe('2021-02-28');
    expect(elementsOf(`${item}(15)241100`)[1]?.interpreted).toBe('2024-11-30');
    expect(elementsOf(`${item}(11)251200`)[1]?.interpreted).toBe('2025-12-31');
  });

  it('refuses bad check digits of SSCC, GTIN and contained GTIN', () => {
    expect(errorOf('(01)09506000134353(10)A')).toBe('AI 01: GTIN check digit should be 2, got 3');
    expect(errorOf('(00)106141411234567898')).toBe('AI 00: SSCC check digit should be 7, got 8');
    expect(errorOf('(02)09506000134350(37)1')).toBe('AI 02: GTIN check digit should be 2, got 0');
    expect(errorOf('0109506000134351')).toBe('AI 01: GTIN check digit should be 2, got 1');
  });

  it('refuses dates that are not dates', () => {
    expect(errorOf('(17)201325')).toBe('AI 17: month 13 is not a month');
    expect(errorOf('(17)200015')).toBe('AI 17: month 00 is not a month');
    expect(errorOf('(17)210229')).toBe('AI 17: day 29 is not a day of 2021-02');
    expect(errorOf('(15)240432')).toBe('AI 15: day 32 is not a day of 2024-04');
    expect(errorOf('(11)24A101')).toBe('AI 11: "A" at position 3 is not a digit');
  });

  it('refuses unknown AIs', () => {
    expect(errorOf('(99x)12')).toBe('unknown AI 99x');
    expect(errorOf('(14)123456')).toBe('unknown AI 14');
    expect(errorOf('1412345678')).toBe('unknown AI 14 at position 1');
    expect(errorOf('(244)ABC')).toBe('unknown AI 244');
    expect(errorOf('0109506000134352' + '2699')).toBe('unknown AI 26 at position 17');
    expect(errorOf('(014)123')).toBe('unknown AI 014');
  });

  it('refuses a lot or serial longer than 20 characters or outside the GS1 character set', () => {
    expect(errorOf('(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU')).toBe('AI 10: 21 characters, at most 20');
    expect(errorOf(`0109506000134352${'21'}${'S'.repeat(21)}`)).toBe('AI 21: 21 characters, at most 20');
    expect(errorOf('(01)09506000134352(10)AB C')).toBe('AI 10: U+0020 at position 3 is not in GS1 character set 82');
    expect(errorOf('(01)09506000134352(21)AB#1')).toBe('AI 21: "#" at position 3 is not in GS1 character set 82');
    expect(errorOf(`0109506000134352${GS}10${GS}21X`)).toBe('AI 10: no data, needs 1 to 20 characters');
  });

  it('refuses counts and measures that are not numbers, and measures with more than 5 decimals', () => {
    expect(errorOf('(37)12A')).toBe('AI 37: "A" at position 3 is not a digit');
    expect(errorOf('(30)123456789')).toBe('AI 30: 9 digits, at most 8');
    expect(errorOf('(3103)00012A')).toBe('AI 3103: "A" at position 6 is not a digit');
    expect(errorOf('(3109)000123')).toBe('unknown AI 3109');
  });

  it('refuses truncated fixed-length elements', () => {
    expect(errorOf('01095060001343')).toBe('AI 01: 12 digits, needs 14 (element at position 1)');
    expect(errorOf(`01095060001343${GS}10A`)).toBe('AI 01: 12 digits, needs 14 (element at position 1)');
    expect(errorOf('(01)0950600013435')).toBe('AI 01: 13 digits, needs 14');
    expect(errorOf('(17)20122')).toBe('AI 17: 5 digits, needs 6');
  });

  it('refuses the same AI twice with different values and keeps one of identical repeats', () => {
    expect(errorOf('(01)09506000134352(10)A(10)B')).toBe('AI 10 appears twice with different values');
    expect(elementsOf('(01)09506000134352(10)A(10)A')).toHaveLength(2);
  });

  it('keeps brackets that are not AIs inside the data', () => {
    expect(elementsOf('(01)09506000134352(10)AB(1)C')[1]?.value).toBe('AB(1)C');
  });

  it('refuses data that does not start with an AI', () => {
    expect(parseElementString('ABC', at2024)).toEqual({ ok: false, error: 'expected an AI at position 1, got "AB"' });
    expect(parseElementString('', at2024)).toEqual({ ok: false, error: 'no GS1 element in the data' });
  });
});

describe('GS1 two-digit years (sliding window)', () => {
  it('reads years up to 50 ahead as this century and 51 or more ahead as last century', () => {
    expect(fullYear(74, 2024)).toBe(2074);
    expect(fullYear(75, 2024)).toBe(1975);
    expect(fullYear(24, 2024)).toBe(2024);
    expect(fullYear(0, 2024)).toBe(2000);
  });

  it('reads years 50 or more behind as next century', () => {
    expect(fullYear(25, 2075)).toBe(2125);
    expect(fullYear(26, 2075)).toBe(2026);
    expect(fullYear(10, 2099)).toBe(2110);
  });

  it('uses the window for dates', () => {
    expect(parseGs1Date('990101', 2024)).toEqual({ ok: true, iso: '1999-01-01' });
    expect(parseGs1Date('990101', 2060)).toEqual({ ok: true, iso: '2099-01-01' });
    expect(parseGs1Date('000200', 2024)).toEqual({ ok: true, iso: '2000-02-29' });
  });
});
