/**
 * Compressed GS1 Digital Link URIs against the published vectors of Gs1DigitalLinkLib (a port of GS1's
 * Digital Link Compression Prototype): each compressed URI must give the same elements as the
 * uncompressed URI it stands for.
 */
import { describe, expect, it } from 'vitest';
import { parseDigitalLink, parseScan } from '../../../shared/scan';
import { decompressElements } from '../../../shared/scan/gs1/dl-compression';

const FULLY_COMPRESSED: readonly (readonly [compressed: string, uncompressed: string])[] = [
  ['https://id.gs1.org/AN2yxDhfaiaw', 'https://id.gs1.org/00/998440410914660971'],
  ['https://id.gs1.org/AQnYUc1gmg', 'https://id.gs1.org/01/05412345000013'],
  ['https://id.gs1.org/AQnYUc1gmiCNV4JG', 'https://id.gs1.org/01/05412345000013/10/ABC123'],
  ['https://id.gs1.org/AQnYUc1gmiCNV4JGQhcNT6K6c', 'https://id.gs1.org/01/05412345000013/10/ABC123/21/72292641703'],
  [
    'https://id.gs1.org/AQnYUc1gmiCNV4JGQhcNT6K6cibQCWN9Pee9tT-PQ',
    'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/10/ABC123/21/72292641703',
  ],
  ['https://id.gs1.org/AQnYUc1gmiCNV4JGRNoBLG-nvPe2p_Ho', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/10/ABC123'],
  ['https://id.gs1.org/AQnYUc1gmkax7ipGrOHDPC5YNI8hMz', 'https://id.gs1.org/01/05412345000013/235/8TFV883a904GH%263'],
  ['https://id.gs1.org/AQnYUc1gmkIXDU-iun', 'https://id.gs1.org/01/05412345000013/21/72292641703'],
  ['https://id.gs1.org/AQnYUc1gmkIXDU-iunIm0AljfT3nvbU_j0', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/21/72292641703'],
  ['https://id.gs1.org/AQnYUc1gmkTaASxvp7z3tqfx6', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49'],
  ['https://id.gs1.org/JTLIetaiHYA', 'https://id.gs1.org/253/3060077601309'],
  ['https://id.gs1.org/JVUqG5hJ5wA', 'https://id.gs1.org/255/5678409730535'],
  ['https://id.gs1.org/QBl2DVoxZM2jVm3ZOWEFoxTR5HDgzZg', 'https://id.gs1.org/401/0541234537290A41%26GHpp33'],
  ['https://id.gs1.org/QCJZyW9mC6Z4', 'https://id.gs1.org/402/21173492661712079'],
  ['https://id.gs1.org/QUSaVjC_dA', 'https://id.gs1.org/414/5060917510004'],
  ['https://id.gs1.org/JUa0T-eifdtOO9UFEmlYwv3Q', 'https://id.gs1.org/414/5060917510004/254/RP56J920471'],
  ['https://id.gs1.org/QUSaVjC_dHBAVlCrg', 'https://id.gs1.org/414/5060917510004/7040/5KFX'],
  ['https://id.gs1.org/QVSaVjC_dA', 'https://id.gs1.org/415/5060917510004'],
  ['https://id.gs1.org/QXSaVjC_dA', 'https://id.gs1.org/417/5060917510004'],
  ['https://id.gs1.org/QXSaVjC_dHBAVlCrg', 'https://id.gs1.org/417/5060917510004/7040/5KFX'],
  ['https://id.gs1.org/cEB2CqjAAkuwatGLJm0as27JywgtGKaPI4cGbM', 'https://id.gs1.org/8004/0541234537290A41%26GHpp33/7040/7BVR'],
  [
    'https://id.gs1.org/EEarwSMhC4an0V05E2gEsb6e897an8ewAMGAkftmjYEy',
    'https://id.gs1.org/8006/054123450000130201/22/AJY3095721P49/10/ABC123/21/72292641703',
  ],
  ['https://id.gs1.org/EEarwSMhC4an0V08ADBgJH7Zo2BMg', 'https://id.gs1.org/8006/054123450000130201/10/ABC123/21/72292641703'],
  ['https://id.gs1.org/EEarwSMibQCWN9Pee9tT-PYAGDASP2zRsCZ', 'https://id.gs1.org/8006/054123450000130201/22/AJY3095721P49/10/ABC123'],
  ['https://id.gs1.org/EEarwSOABgwEj9s0bAmQ', 'https://id.gs1.org/8006/054123450000130201/10/ABC123'],
  ['https://id.gs1.org/gAMJCAXukTMA', 'https://id.gs1.org/8003/04965031954585'],
  ['https://id.gs1.org/gASXYNWjFkzaNWbdk5YQWjFNHkcODNm', 'https://id.gs1.org/8004/0541234537290A41%26GHpp33'],
  ['https://id.gs1.org/gAYMBI_bNGwJk', 'https://id.gs1.org/8006/054123450000130201'],
  ['https://id.gs1.org/Im0AljfT3nvbU_j2ABgwEj9s0bAmQ', 'https://id.gs1.org/8006/054123450000130201/22/AJY3095721P49'],
  [
    'https://id.gs1.org/IQuGp9FdORNoBLG-nvPe2p_HsADBgJH7Zo2BMg',
    'https://id.gs1.org/8006/054123450000130201/22/AJY3095721P49/21/72292641703',
  ],
  ['https://id.gs1.org/IQuGp9FdPAAwYCR-2aNgTI', 'https://id.gs1.org/8006/054123450000130201/21/72292641703'],
  ['https://id.gs1.org/gBCVYNWjFkzaNWbdk5YQWjFHHkM2cAI0xdvpGo', 'https://id.gs1.org/8010/0541234537290A41%23GH33/8011/6639047221'],
  ['https://id.gs1.org/gBCVYNWjFkzaNWbdk5YQWjFHHkM2Y', 'https://id.gs1.org/8010/0541234537290A41%23GH33'],
  ['https://id.gs1.org/gBN05060917511473062B98T', 'https://id.gs1.org/8013/5060917511473062B98T'],
  ['https://id.gs1.org/gBe1ajAd9ATDk', 'https://id.gs1.org/8017/817019610850151481'],
  ['https://id.gs1.org/gBe1ajAd9ATDmAGXPRfk', 'https://id.gs1.org/8017/817019610850151481/8019/4003812'],
  ['https://id.gs1.org/gBhbV6rzBENPk', 'https://id.gs1.org/8018/411369833821910265'],
  ['https://id.gs1.org/gBhbV6rzBENPmAGXPRfk', 'https://id.gs1.org/8018/411369833821910265/8019/4003812'],
];

const PARTIALLY_COMPRESSED: readonly (readonly [compressed: string, uncompressed: string])[] = [
  ['https://id.gs1.org/01/05412345000013/EEarwSM', 'https://id.gs1.org/01/05412345000013/10/ABC123'],
  ['https://id.gs1.org/01/05412345000013/EEarwSMhC4an0V04', 'https://id.gs1.org/01/05412345000013/10/ABC123/21/72292641703'],
  [
    'https://id.gs1.org/01/05412345000013/EEarwSMhC4an0V05E2gEsb6e897an8eg',
    'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/10/ABC123/21/72292641703',
  ],
  ['https://id.gs1.org/01/05412345000013/EEarwSMibQCWN9Pee9tT-PQ', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/10/ABC123'],
  ['https://id.gs1.org/01/05412345000013/I1j3FSNWcOGeFywaR5CZm', 'https://id.gs1.org/01/05412345000013/235/8TFV883a904GH%263'],
  ['https://id.gs1.org/01/05412345000013/Im0AljfT3nvbU_j0', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49'],
  ['https://id.gs1.org/01/05412345000013/IQuGp9FdO', 'https://id.gs1.org/01/05412345000013/21/72292641703'],
  ['https://id.gs1.org/01/5412345000013/IQuGp9FdORNoBLG-nvPe2p_Ho', 'https://id.gs1.org/01/05412345000013/22/AJY3095721P49/21/72292641703'],
  ['https://id.gs1.org/414/5060917510004/cEBWUKu', 'https://id.gs1.org/414/5060917510004/7040/5KFX'],
  ['https://id.gs1.org/414/5060917510004/JUa0T-eifdtOO9Q', 'https://id.gs1.org/414/5060917510004/254/RP56J920471'],
  ['https://id.gs1.org/8004/0541234537290A41%26GHpp33/cEB2Cqi', 'https://id.gs1.org/8004/0541234537290A41%26GHpp33/7040/7BVR'],
  [
    'https://id.gs1.org/8006/054123450000130201/EEarwSMhC4an0V05E2gEsb6e897an8eg',
    'https://id.gs1.org/8006/054123450000130201/22/AJY3095721P49/10/ABC123/21/72292641703',
  ],
  ['https://id.gs1.org/8010/0541234537290A41%23GH33/gBGmLt9I1', 'https://id.gs1.org/8010/0541234537290A41%23GH33/8011/6639047221'],
  ['https://id.gs1.org/8017/817019610850151481/gBlz0X5A', 'https://id.gs1.org/8017/817019610850151481/8019/4003812'],
  ['https://id.gs1.org/8018/411369833821910265/gBlz0X5A', 'https://id.gs1.org/8018/411369833821910265/8019/4003812'],
];

const read = (uri: string) => parseDigitalLink(uri, { currentYear: 2024, requisites: 'item' });
/** The elements in AI order, or the refusal: some vectors carry data the linters refuse, e.g. (8006) piece 02 of 01. */
const outcome = (uri: string) => {
  const result = read(uri);
  if (result === undefined) throw new Error(`${uri} is not read as a Digital Link`);
  return result.ok ? result.elements.map((e) => [e.ai, e.value]).sort() : result.error;
};

describe('compressed GS1 Digital Link URIs', () => {
  it.each(FULLY_COMPRESSED)('%s expands to %s', (compressed, uncompressed) => {
    expect(outcome(compressed)).toEqual(outcome(uncompressed));
  });

  it.each(PARTIALLY_COMPRESSED)('%s (key in clear) expands to %s', (compressed, uncompressed) => {
    expect(outcome(compressed)).toEqual(outcome(uncompressed));
  });

  it('refuses what the linters refuse in the expanded data, as in the uncompressed form', () => {
    expect(outcome('https://id.gs1.org/gAYMBI_bNGwJk')).toBe('AI 8006: piece 2 is beyond the total 1 (data from position 15)');
    expect(outcome('https://id.gs1.org/AQnYUc1gmiCNV4JGQhcNT6K6c')).toEqual([
      ['01', '05412345000013'],
      ['10', 'ABC123'],
      ['21', '72292641703'],
    ]);
  });

  it('reads as the station reads any Digital Link, with the primary key first', () => {
    expect(parseScan(']Q1https://id.gs1.org/AQnYUc1gmiCNV4JGQhcNT6K6c')).toMatchObject({
      ok: true,
      kind: 'gs1',
      gtin: '05412345000013',
      lot: 'ABC123',
      serial: '72292641703',
    });
  });

  it('leaves ordinary URLs whose last segment only looks like base64 as plain URLs', () => {
    for (const uri of [
      'https://example.com/about',
      'https://example.com/products',
      'https://example.com/about/us',
      'https://example.com/AAAA',
    ]) {
      expect(read(uri)).toBeUndefined();
    }
    expect(parseScan('https://example.com/products')).toMatchObject({ ok: true, kind: 'plain' });
  });

  it('refuses data whose bits run out, or whose padding is not zero', () => {
    expect(decompressElements('AN2yxDhfai')).toBeUndefined();
    expect(decompressElements('AN2yxDhfaia_')).toBeUndefined();
    expect(decompressElements('AN2yxDhfaiaw')).toEqual([{ ai: '00', value: '998440410914660971' }]);
  });

  it('checks the expanded data like any GS1 data', () => {
    // (00) 998440410914660972: the compressed SSCC above with its check digit one off
    const bits = `00000000${BigInt('998440410914660972').toString(2).padStart(60, '0')}0000`;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let segment = '';
    for (let i = 0; i < bits.length; i += 6) segment += alphabet[Number.parseInt(bits.slice(i, i + 6), 2)];
    expect(read(`https://id.gs1.org/${segment}`)).toEqual({ ok: false, error: 'AI 00: SSCC check digit should be 1, got 2' });
  });
});
