import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from '../../../shared/scan/digital-link';

const at2024 = { currentYear: 2024 };

function pairs(uri: string): [string, string][] {
  const result = parseDigitalLink(uri, at2024);
  if (!result?.ok) throw new Error(`expected a valid Digital Link, got ${JSON.stringify(result)}`);
  return result.elements.map((e) => [e.ai, e.value]);
}

describe('GS1 Digital Link', () => {
  it('reads the primary key and qualifiers from the path and data attributes from the query', () => {
    expect(pairs('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225')).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['17', '201225'],
    ]);
  });

  it('reads any host, a path prefix and short-name keys', () => {
    expect(pairs('https://brand.example.com/products/gtin/09506000134352/lot/ABC123/ser/S-1?3103=000123')).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['21', 'S-1'],
      ['3103', '000123'],
    ]);
    expect(pairs('http://example.org/sscc/106141411234567897')).toEqual([['00', '106141411234567897']]);
  });

  it('pads a GTIN-13 in the path to 14 digits', () => {
    expect(pairs('https://id.gs1.org/01/9506000134352')).toEqual([['01', '09506000134352']]);
  });

  it('decodes percent-encoded values and ignores query parameters that are not AIs', () => {
    expect(pairs('https://id.gs1.org/01/09506000134352/10/AB%2F12?linkType=gs1:pip&17=201225')).toEqual([
      ['01', '09506000134352'],
      ['10', 'AB/12'],
      ['17', '201225'],
    ]);
  });

  it('checks the elements like any GS1 data', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134353', at2024)).toEqual({
      ok: false,
      error: 'AI 01: GTIN check digit should be 2, got 3',
    });
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352?17=201399', at2024)).toEqual({
      ok: false,
      error: 'AI 17: month 13 is not a month',
    });
  });

  it('refuses a path whose qualifiers do not belong to the key or come out of order', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/17/201225', at2024)).toEqual({
      ok: false,
      error: 'AI 17 is not a key qualifier of AI 01 in a Digital Link path',
    });
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/21/S1/10/L1', at2024)).toEqual({
      ok: false,
      error: 'AI 10 is out of order in the Digital Link path',
    });
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/10', at2024)).toEqual({
      ok: false,
      error: 'Digital Link path should be AI/value pairs',
    });
  });

  it('says "not a Digital Link" for other URLs and non-URLs', () => {
    expect(parseDigitalLink('https://example.com/about/us', at2024)).toBeUndefined();
    expect(parseDigitalLink('https://example.com/', at2024)).toBeUndefined();
    expect(parseDigitalLink('not a url', at2024)).toBeUndefined();
    expect(parseDigitalLink('https://', at2024)).toBeUndefined();
  });
});
