import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildPackingSlip, type PackingSlipInput } from '../../../../electron/core/devices/printer/documents/packing-slip';
import { buildReceiptReport, type ReceiptReportInput } from '../../../../electron/core/devices/printer/documents/receipt-report';
import { decodePng } from '../../../support/devices/zbar';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'warebench-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/zbarimg');
if (!hasPoppler) console.warn('skipping PDF text and barcode checks: pdftotext, pdftoppm or zbarimg missing');

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

async function firstPagePng(pdf: Buffer, name: string): Promise<Buffer> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(dir, name)]);
  return readFileSync(join(dir, `${name}.png`));
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

const address = {
  name: 'Contoso Retail Store 114',
  line1: '400 Market Street',
  city: 'Manchester',
  postalCode: 'M1 1AE',
  country: 'United Kingdom',
};

const slip: PackingSlipInput = {
  orderNumber: 'SO-10045',
  orderDate: '2026-05-01',
  shipTo: address,
  shipFrom: { name: 'Northwind Fulfilment', line1: '12 Dock Road', city: 'Leeds', postalCode: 'LS11 5AA', country: 'United Kingdom' },
  carrier: 'DPD Next Day',
  cartons: 3,
  lines: [
    { sku: 'WID-100', description: 'Widget, blue, 100 mm', ordered: 24, shipped: 24 },
    { sku: 'WID-200', description: 'Widget, red, 200 mm', ordered: 10, shipped: 6, lot: 'L2405A' },
  ],
};

const receipt: ReceiptReportInput = {
  receiptNumber: 'RC-2001',
  purchaseOrder: 'PO-7781',
  supplier: 'Acme Components Ltd',
  receivedAt: '2026-05-01T09:30:00Z',
  dock: 'D2',
  lines: [
    { sku: 'WID-100', description: 'Widget, blue', expected: 100, received: 100, lot: 'L1', location: 'A-12-03-B' },
    { sku: 'WID-200', description: 'Widget, red', expected: 50, received: 45 },
    { sku: 'WID-300', description: 'Widget, green', expected: 10, received: 12, expiry: '2027-01-31' },
  ],
};

describe('packing slip PDF', () => {
  it('is a PDF with the order, ship-to and every line', async () => {
    const pdf = await buildPackingSlip(slip);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    expect(pageCount(pdf)).toBe(1);
    if (!hasPoppler) return;
    const text = await pdfText(pdf, 'slip');
    for (const expected of [
      'PACKING SLIP',
      'Order SO-10045',
      'Contoso Retail Store 114',
      'Manchester M1 1AE',
      'WID-100',
      'WID-200',
      'L2405A',
      'Carrier: DPD Next Day',
      'Total shipped: 30',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.skipIf(!hasPoppler)('carries a Code 128 barcode of the order number that scans', async () => {
    const symbols = await decodePng(await firstPagePng(await buildPackingSlip(slip), 'slip-barcode'));
    expect(symbols).toContainEqual({ type: 'CODE-128', data: 'SO-10045', gs1: false });
  });

  it('runs onto more pages for long orders', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ sku: `SKU-${i}`, description: `Item ${i}`, ordered: 1, shipped: 1 }));
    expect(pageCount(await buildPackingSlip({ ...slip, lines }))).toBeGreaterThan(2);
  });

  it('refuses bad data with the field named', async () => {
    const error = await buildPackingSlip({ ...slip, lines: [] }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ZodError);
    expect(error instanceof ZodError ? error.issues[0]?.path : undefined).toEqual(['lines']);
  });
});

describe('receiving report PDF', () => {
  it('shows expected, received and the variance per line with a summary', async () => {
    const pdf = await buildReceiptReport(receipt);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPoppler) return;
    const text = await pdfText(pdf, 'receipt');
    for (const expected of [
      'RECEIVING REPORT',
      'Receipt RC-2001',
      'Purchase order PO-7781',
      'Acme Components Ltd',
      'A-12-03-B',
      '-5',
      '+2',
      '3 lines: 1 as expected, 1 short, 1 over',
    ]) {
      expect(text).toContain(expected);
    }
    const symbols = await decodePng(await firstPagePng(pdf, 'receipt-barcode'));
    expect(symbols.map((s) => s.data)).toContain('RC-2001');
  });
});
