import { describe, expect, it } from 'vitest';
import { ParsedScan, parseScan } from '../../../shared/scan';

const GS = '\u001d';
const now = new Date('2024-06-01T00:00:00Z');

function scan(raw: string, opts: { separator?: string; aimId?: string } = {}) {
  const result = parseScan(raw, { ...opts, now });
  expect(ParsedScan.safeParse(result).success).toBe(true);
  return result;
}

describe('parseScan', () => {
  it('reads bracketed GS1 data as GS1-128 with named fields', () => {
    expect(scan('(01)09506000134352(17)201225(10)ABC123')).toEqual({
      ok: true,
      symbology: 'gs1-128',
      kind: 'gs1',
      gtin: '09506000134352',
      expiry: '2020-12-25',
      lot: 'ABC123',
      elements: [
        { ai: '01', title: 'GTIN', value: '09506000134352' },
        { ai: '17', title: 'USE BY or EXPIRY', value: '201225' },
        { ai: '10', title: 'BATCH/LOT', value: 'ABC123' },
      ],
      data: '(01)09506000134352(17)201225(10)ABC123',
    });
  });

  it('takes the symbology from the AIM id and reads the data after it as GS1 with FNC1 implied', () => {
    const raw = `]d2010950600013435221SN-77${GS}17260300${GS}3103000123`;
    expect(scan(raw)).toMatchObject({
      ok: true,
      symbology: 'gs1-datamatrix',
      kind: 'gs1',
      gtin: '09506000134352',
      serial: 'SN-77',
      expiry: '2026-03-31',
      netWeightKg: 0.123,
      data: raw,
    });
  });

  it('uses an AIM id given apart from the data', () => {
    expect(scan('010950600013435210L1', { aimId: ']C1' })).toMatchObject({ ok: true, symbology: 'gs1-128', kind: 'gs1', lot: 'L1' });
    expect(scan('9506000134352', { aimId: ']E0' })).toMatchObject({ ok: true, symbology: 'ean-13', kind: 'gtin', gtin: '09506000134352' });
  });

  it('fills every named field a pallet label can carry', () => {
    const raw = '(00)106141411234567897(02)09506000134352(37)48(15)241100(11)240105(400)PO-2024/77(420)8600';
    expect(scan(raw)).toMatchObject({
      ok: true,
      kind: 'gs1',
      sscc: '106141411234567897',
      count: 48,
      bestBefore: '2024-11-30',
      productionDate: '2024-01-05',
      customerPo: 'PO-2024/77',
      shipToPostal: '8600',
    });
    expect(scan('(01)09506000134352(3202)012345(30)7')).toMatchObject({ netWeightLb: 123.45, count: 7 });
  });

  it('reads GS-separated data without an AIM id, including a leading FNC1', () => {
    expect(scan(`${GS}0109506000134352${GS}10ABC${GS}`)).toMatchObject({
      ok: true,
      kind: 'gs1',
      symbology: 'unknown',
      gtin: '09506000134352',
      lot: 'ABC',
    });
    expect(scan(`0109506000134352${'10'}ABC${GS}21X1`)).toMatchObject({ ok: true, kind: 'gs1', lot: 'ABC', serial: 'X1' });
  });

  it('reads the site substitute separator as GS', () => {
    expect(scan(']C10109506000134352~10ABC~21X1', { separator: '~' })).toMatchObject({ ok: true, kind: 'gs1', lot: 'ABC', serial: 'X1' });
    expect(scan('0109506000134352|10ABC|17201225', { separator: '|' })).toMatchObject({
      ok: true,
      kind: 'gs1',
      lot: 'ABC',
      expiry: '2020-12-25',
    });
  });

  it('reads GS1 Digital Link URIs', () => {
    expect(scan('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225')).toMatchObject({
      ok: true,
      kind: 'gs1',
      gtin: '09506000134352',
      lot: 'ABC123',
      expiry: '2020-12-25',
    });
    expect(scan(']Q1https://id.gs1.org/01/09506000134352')).toMatchObject({ ok: true, symbology: 'qr', kind: 'gs1' });
  });

  it('reads bare GTINs of every length as 14 digits', () => {
    for (const raw of ['96385074', '012345678905', '9506000134352', '09506000134352']) {
      const result = scan(raw);
      expect(result).toMatchObject({ ok: true, kind: 'gtin', symbology: 'unknown' });
      if (result.ok) expect(result.gtin).toBe(raw.padStart(14, '0'));
    }
    expect(scan(']E004252614')).toMatchObject({ ok: true, symbology: 'upc-e', kind: 'gtin', gtin: '00042100005264' });
    expect(scan(']E0950600013435212')).toMatchObject({ ok: true, symbology: 'ean-13', gtin: '09506000134352' });
  });

  it('reads a bare 18-digit SSCC', () => {
    expect(scan('106141411234567897')).toEqual({
      ok: true,
      symbology: 'unknown',
      kind: 'sscc',
      sscc: '106141411234567897',
      elements: [{ ai: '00', title: 'SSCC', value: '106141411234567897' }],
      data: '106141411234567897',
    });
  });

  it('refuses GTIN- and SSCC-looking digits with a wrong check digit', () => {
    expect(scan('09506000134353')).toEqual({ ok: false, error: 'GTIN check digit should be 2, got 3', data: '09506000134353' });
    expect(scan('9506000134353')).toMatchObject({ ok: false, error: 'GTIN check digit should be 2, got 3' });
    expect(scan('106141411234567898')).toMatchObject({ ok: false, error: 'SSCC check digit should be 7, got 8' });
    expect(scan(']E09506000134353')).toMatchObject({ ok: false, error: 'GTIN check digit should be 2, got 3' });
  });

  it('reports why GS1 data is invalid', () => {
    expect(scan(']C10109506000134352172013251')).toMatchObject({ ok: false, error: expect.stringContaining('position') });
    expect(scan('(17)201325')).toMatchObject({ ok: false, error: 'AI 17: month 13 is not a month' });
    expect(scan('(99x)12')).toMatchObject({ ok: false, error: 'unknown AI 99x' });
    expect(scan(']C11412345')).toMatchObject({ ok: false, error: 'unknown AI 14 at position 1' });
    expect(scan(']C1010950600013435210ABCDEFGHIJKLMNOPQRSTU')).toMatchObject({ ok: false, error: 'AI 10: 21 characters, at most 20' });
  });

  it('reads order numbers, tote ids, locations and badges as plain data', () => {
    for (const raw of ['SO-104233', 'TOTE-0042', 'A-01-03-B', 'BADGE:7781', '4711', '1234567', '12345678901', ']C012345678']) {
      expect(scan(raw)).toMatchObject({ ok: true, kind: 'plain', elements: [] });
    }
    expect(scan('https://example.com/about')).toMatchObject({ ok: true, kind: 'plain' });
    expect(scan(']A0PALLET1')).toMatchObject({ ok: true, kind: 'plain', symbology: 'code-39' });
  });

  it('drops a trailing CR/LF the scanner sent but keeps the data as received', () => {
    expect(scan('09506000134352\r\n')).toMatchObject({ ok: true, kind: 'gtin', data: '09506000134352\r\n' });
  });

  it('refuses empty scans, oversized scans and bad options without throwing', () => {
    expect(scan('')).toEqual({ ok: false, error: 'empty scan', data: '' });
    expect(scan(']C1')).toMatchObject({ ok: false, error: 'empty scan' });
    expect(scan('9'.repeat(5000))).toMatchObject({ ok: false, error: 'scan longer than 4096 characters' });
    expect(parseScan('4711', { separator: '||' })).toMatchObject({ ok: false, error: expect.stringContaining('separator') });
    expect(parseScan('4711', { separator: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('separator') });
    expect(parseScan('4711', { aimId: 'C1' })).toMatchObject({ ok: false, error: expect.stringContaining('aimId') });
    expect(parseScan(42 as unknown as string)).toMatchObject({ ok: true, kind: 'plain', data: '42' });
  });

  it('reads two-digit years against the time it is given', () => {
    expect(parseScan('(01)09506000134352(17)990101', { now: new Date('2024-01-01T00:00:00Z') })).toMatchObject({ expiry: '1999-01-01' });
    expect(parseScan('(01)09506000134352(17)990101', { now: new Date('2060-01-01T00:00:00Z') })).toMatchObject({ expiry: '2099-01-01' });
  });
});
