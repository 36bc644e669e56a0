import { describe, expect, it } from 'vitest';
import { splitAim } from '../../../shared/scan/aim';

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1010950600013435217201225', 'gs1-128'],
    [']d2010950600013435217201225', 'gs1-datamatrix'],
    [']Q3010950600013435217201225', 'gs1-qr'],
    [']e0010950600013435217201225', 'gs1-databar'],
    [']J1010950600013435217201225', 'gs1-dotcode'],
  ] as const)('%s is GS1 data with FNC1 implied (%s)', (raw, symbology) => {
    expect(splitAim(raw)).toEqual({ aimId: raw.slice(0, 3), symbology, gs1: true, body: '010950600013435217201225' });
  });

  it.each([
    [']E09506000134352', 'ean-13', '9506000134352'],
    [']E00012345678905', 'upc-a', '0012345678905'],
    [']E004252614', 'upc-e', '04252614'],
    [']E496385074', 'ean-8', '96385074'],
    [']I109506000134352', 'itf-14', '09506000134352'],
    [']C0ORDER-4711', 'code-128', 'ORDER-4711'],
    [']A0TOTE42', 'code-39', 'TOTE42'],
    [']Q1https://example.com', 'qr', 'https://example.com'],
    [']d1LOC-A-01', 'datamatrix', 'LOC-A-01'],
    [']X0whatever', 'unknown', 'whatever'],
  ] as const)('%s is %s without FNC1', (raw, symbology, body) => {
    expect(splitAim(raw)).toEqual({ aimId: raw.slice(0, 3), symbology, gs1: false, body });
  });

  it('leaves data without an identifier whole', () => {
    expect(splitAim('09506000134352')).toEqual({ symbology: 'unknown', gs1: false, body: '09506000134352' });
    expect(splitAim(']')).toEqual({ symbology: 'unknown', gs1: false, body: ']' });
    expect(splitAim('')).toEqual({ symbology: 'unknown', gs1: false, body: '' });
  });
});
