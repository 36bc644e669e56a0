import { describe, expect, it } from 'vitest';
import { itemPairingError, ParsedScan, pairingError, parseDigitalLink, parseScan } from '../../../shared/scan';
import { computeCheckDigit } from '../../../shared/scan/check-digit';

const GS = '\u001d';
const now = new Date('2024-06-01T00:00:00Z');
const withCheck = (data: string) => data + String(computeCheckDigit(data));
const GTIN = '09506000134352';
const SSCC = '106141411234567897';
const GLN = withCheck('061414100001');
const GCN = withCheck('061414100001');

function scan(raw: string, opts: { requisites?: 'scan' | 'item'; aimId?: string } = {}) {
  const result = parseScan(raw, { ...opts, now });
  expect(ParsedScan.safeParse(result).success).toBe(true);
  return result;
}

function errorOf(raw: string, opts: { requisites?: 'scan' | 'item' } = {}): string {
  const result = scan(raw, opts);
  if (result.ok) throw new Error(`expected ${raw} to be refused, got ${JSON.stringify(result.elements)}`);
  return result.error;
}

function pairsOf(raw: string, opts: { requisites?: 'scan' | 'item' } = {}): [string, string][] {
  const result = scan(raw, opts);
  if (!result.ok) throw new Error(`expected ${raw} to be read, got: ${result.error}`);
  return result.elements.map((e) => [e.ai, e.value]);
}

describe('lengths and formats come from the dictionary for every AI', () => {
  it('refuses a variable-length element longer than its AI allows, even without a rule of our own', () => {
    expect(errorOf(']C1235ABCDEFGHIJKLMNOPQRSTUVWXYZ123')).toBe('AI 235: 29 characters, at most 28');
  });

  it('refuses a fixed-length element that requires FNC1 when it is short', () => {
    expect(errorOf(']C180011234123451239')).toBe('AI 8001: 13 digits, needs 14');
  });

  it('refuses data that fits neither the mandatory part nor the optional part of the format', () => {
    expect(errorOf(']C1701103020185')).toBe('AI 7011: 8 digits, needs 6 or 10');
    expect(pairsOf(`]C101${GTIN}7011240301${GS}10L1`)).toEqual([
      ['01', GTIN],
      ['7011', '240301'],
      ['10', 'L1'],
    ]);
    expect(pairsOf(`]C101${GTIN}70112403011230`)).toEqual([
      ['01', GTIN],
      ['7011', '2403011230'],
    ]);
    expect(errorOf(`]C101${GTIN}70112403012460`)).toBe('AI 7011: hour 24 is not 00-23 (data from position 7)');
  });

  it('uses the current AI table: (8111) known, (7007) takes a date range, withdrawn (8100) refused', () => {
    expect(pairsOf(`(255)${GCN}(8111)0150`)).toEqual([
      ['255', GCN],
      ['8111', '0150'],
    ]);
    expect(pairsOf(`(01)${GTIN}(7007)240101240131`)).toEqual([
      ['01', GTIN],
      ['7007', '240101240131'],
    ]);
    expect(errorOf('(8100)123456')).toBe('unknown AI 8100');
  });
});

describe('content checks from the dictionary linters', () => {
  it('refuses a month 13 in (4326), a country that is no ISO 3166 code in (426), a bad IBAN in (8007)', () => {
    expect(errorOf(`(00)${SSCC}(4326)201300`)).toBe('AI 4326: month 13 is not a month');
    expect(errorOf(`(01)${GTIN}(426)987`)).toBe('AI 426: 987 is not an ISO 3166 country code');
    expect(errorOf(`(415)${GLN}(8020)INV-1(8007)GB83WEST12345698765432`)).toBe('AI 8007: IBAN check digits do not match the account');
    expect(pairsOf(`(415)${GLN}(8020)INV-1(8007)GB82WEST12345698765432`)).toHaveLength(3);
  });

  it('names the position of the offending character inside the element', () => {
    expect(errorOf(`(01)${GTIN}(3103)00012A`)).toBe('AI 3103: "A" at position 6 is not a digit');
    expect(errorOf('(8010)ABC-1a')).toBe('AI 8010: "a" at position 6 is not in GS1 character set 39');
  });
});

describe('pairing rules (req= and ex=)', () => {
  it('refuses (01) with (37), (21) alone and (02) without (37), naming the AIs', () => {
    expect(errorOf(`(01)${GTIN}(37)12`)).toBe('AI 01 (GTIN) may not appear with AI 37');
    expect(errorOf('(21)SN-1', { requisites: 'scan' })).toBe('AI 21 (SERIAL) needs (01), (03) or (8006) with it');
    expect(errorOf(`(02)${GTIN}`)).toBe('AI 02 (CONTENT) needs (37) with it');
  });

  it('accepts the pallet label (00)+(02)+(37) and reads a pattern rule such as 310n', () => {
    expect(pairsOf(`(00)${SSCC}(02)${GTIN}(37)48`)).toHaveLength(3);
    expect(errorOf(`(01)${GTIN}(3102)001000(3103)000100`)).toBe('AI 3102 (NET WEIGHT (kg)) may not appear with AI 3103');
    expect(errorOf(`(01)${GTIN}(250)SEC-1`)).toBe(
      'AI 250 (SECONDARY SERIAL) needs (01) with (21), (03) with (21) or (8006) with (21) with it',
    );
  });

  it('checks a scan that carries an identification key as a whole item, and leaves a label without one to the workflow', () => {
    expect(errorOf(`(01)${GTIN}(250)SEC-1`)).toMatch(/^AI 250 /);
    expect(errorOf(`(414)${GLN}(8020)REF`)).toBe('AI 8020 (REF No.) needs (415) with it');
    expect(pairsOf('(21)SN-1')).toEqual([['21', 'SN-1']]);
    expect(pairsOf(']C11726123110L2411A')).toEqual([
      ['17', '261231'],
      ['10', 'L2411A'],
    ]);
    expect(errorOf('(3102)001000(3103)000100')).toBe('AI 3102 (NET WEIGHT (kg)) may not appear with AI 3103');
  });

  it('leaves mandatory pairings to the workflow when it collects several labels of one item', () => {
    expect(pairsOf('(10)LOT7(17)261231', { requisites: 'item' })).toEqual([
      ['10', 'LOT7'],
      ['17', '261231'],
    ]);
    expect(errorOf(`(01)${GTIN}(37)12`, { requisites: 'item' })).toBe('AI 01 (GTIN) may not appear with AI 37');
    expect(itemPairingError([[{ ai: '01' }], [{ ai: '10' }, { ai: '17' }]])).toBeUndefined();
    expect(itemPairingError([[{ ai: '10' }], [{ ai: '17' }]])).toBe('AI 10 (BATCH/LOT) needs (01), (02), (03), (8006) or (8026) with it');
    expect(itemPairingError([[{ ai: '01' }], [{ ai: '37' }]])).toBe('AI 01 (GTIN) may not appear with AI 37');
    expect(pairingError(['01', '01', '10'])).toBeUndefined();
  });
});

describe('GS1 Digital Link per the standard', () => {
  const at2024 = { currentYear: 2024 };
  const dl = (uri: string) => {
    const result = parseDigitalLink(uri, at2024);
    if (!result?.ok) throw new Error(`expected a Digital Link, got ${JSON.stringify(result)}`);
    return result.elements.map((e) => [e.ai, e.value]);
  };

  it('takes the rightmost primary key, so a stem segment that looks like a key does not matter', () => {
    expect(dl('https://brand.example/gtin/01/09520123456788')).toEqual([['01', '09520123456788']]);
    expect(dl('https://brand.example/00/01/01/09520123456788/10/L1')).toEqual([
      ['01', '09520123456788'],
      ['10', 'L1'],
    ]);
  });

  it('accepts the second qualifier sequence (235) after (01) and refuses mixing the sequences', () => {
    expect(dl('https://id.gs1.org/01/09506000134352/235/TPX-1')).toEqual([
      ['01', GTIN],
      ['235', 'TPX-1'],
    ]);
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/10/L1/235/TPX-1', at2024)).toEqual({
      ok: false,
      error: 'AI 235 may not be combined with AI 10 after AI 01 in a Digital Link path',
    });
  });

  it('pads GTIN-8/12/13 to 14 digits in the query as in the path', () => {
    expect(dl(`https://id.gs1.org/00/${SSCC}?02=9506000134352&37=12`)).toEqual([
      ['00', SSCC],
      ['02', GTIN],
      ['37', '12'],
    ]);
    expect(dl('https://id.gs1.org/01/96385074')).toEqual([['01', '00000096385074']]);
  });

  it('takes the scheme in all lower or all upper case and any case of host, refuses a mixed-case scheme', () => {
    expect(dl(`HTTPS://ID.GS1.ORG/01/${GTIN}`)).toEqual([['01', GTIN]]);
    expect(dl(`https://Id.Gs1.Org/01/${GTIN}`)).toEqual([['01', GTIN]]);
    expect(parseDigitalLink(`Https://id.gs1.org/01/${GTIN}`, at2024)).toEqual({
      ok: false,
      error: 'Digital Link scheme should be http or https, all lower or all upper case',
    });
  });

  it('refuses empty path segments, duplicate AIs and query attributes the dictionary does not allow', () => {
    expect(parseDigitalLink(`https://id.gs1.org//01/${GTIN}`, at2024)).toEqual({
      ok: false,
      error: 'Digital Link path has an empty segment',
    });
    expect(parseDigitalLink(`https://id.gs1.org/01//${GTIN}`, at2024)).toEqual({
      ok: false,
      error: 'Digital Link path has an empty segment',
    });
    expect(parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10/A?10=B`, at2024)).toEqual({
      ok: false,
      error: 'AI 10 appears twice in the Digital Link',
    });
    expect(parseDigitalLink(`https://id.gs1.org/01/${GTIN}?21=S1`, at2024)).toEqual({
      ok: false,
      error: 'AI 21 may not be a Digital Link query attribute',
    });
  });

  it('applies the pairing rules to the whole URI', () => {
    expect(parseDigitalLink(`https://id.gs1.org/01/${GTIN}?37=5`, at2024)).toEqual({
      ok: false,
      error: 'AI 01 (GTIN) may not appear with AI 37',
    });
  });
});

describe('EAN/UPC with a GS1 Composite component, and UPC-E', () => {
  it('reads the linear GTIN as (01) and the composite component as more elements of the same item', () => {
    expect(scan(`]E0${GTIN.slice(1)}|]e010ABC123${GS}17251231`)).toMatchObject({
      ok: true,
      kind: 'gs1',
      symbology: 'ean-13',
      gtin: GTIN,
      lot: 'ABC123',
      expiry: '2025-12-31',
    });
    expect(scan(']E00012345678905|]e017251231')).toMatchObject({
      ok: true,
      symbology: 'upc-a',
      gtin: '00012345678905',
      expiry: '2025-12-31',
    });
  });

  it('refuses a composite with a bad linear part or bad composite data', () => {
    expect(errorOf(`]E0${'9506000134353'}|]e010A`)).toBe('GTIN check digit should be 2, got 3');
    expect(errorOf(`]E0${GTIN.slice(1)}|]e01420`)).toBe('composite component: unknown AI 14 at position 1');
    expect(errorOf(`]E0${GTIN.slice(1)}|]e037${'5'}`)).toBe('AI 01 (GTIN) may not appear with AI 37');
  });

  it('expands a 6-digit UPC-E (number system 0, check digit computed) and an 8-digit one to the same GTIN-12', () => {
    expect(scan(']E0425261')).toMatchObject({ ok: true, symbology: 'upc-e', kind: 'gtin', gtin: '00042100005264' });
    expect(scan(']E004252614')).toMatchObject({ ok: true, symbology: 'upc-e', kind: 'gtin', gtin: '00042100005264' });
    expect(errorOf(']E004252615')).toBe('GTIN check digit should be 4, got 5');
  });
});

describe('errors name the AI, the position and the rule', () => {
  it('names where an unreadable AI starts', () => {
    expect(errorOf(`]C101${GTIN}17201225XX`)).toBe('expected an AI at position 25, got "XX"');
    expect(errorOf(`]C101${GTIN}${GS}99ABC${GS}2612`)).toBe('unknown AI 26 at position 24');
  });
});
