import { expect, test } from '@playwright/test';
import { createZplPreviewer } from '../../electron/core/devices/printer/preview';
import { DEMO_COMPANY_PREFIX } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { isValidSscc } from '../../shared/scan';
import type { RawListener } from '../support/devices/raw-listener';
import { decodePng } from '../support/devices/zbar';
import { type BenchStation, gs1Date, startBenchStation, wedgeScan } from './support/bench-station';
import { eventually, type LedgerEntry, type ReceiptLine, serverRead } from './support/server-api';
import type { StationProcess } from './support/station-process';

/**
 * A receiver receives PO-1001 at a bench with an MT-SICS scale on a real pty and a ZPL label printer on a real
 * TCP port, scanning with a keyboard-wedge scanner (typed into the window).
 */

const yoghurtCase = makeGtin14(1, DEMO_COMPANY_PREFIX, 2);
const scannerUnit = makeGtin14(0, DEMO_COMPANY_PREFIX, 3);

let bench: BenchStation;
let station: StationProcess;
let printer: RawListener;

test.beforeAll(async () => {
  bench = await startBenchStation({ stationName: 'Dock 1', stationRole: 'receiving', scaleRole: 'receiving-scale' });
  ({ station, printer } = bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

test('a receiver receives PO-1001: GS1-128 wedge scans, a weighed pallet with its SSCC label, one short line approved', async ({
  page,
}) => {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill('1001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ana Silva');
  await page.getByRole('button', { name: /Receive/ }).click();

  // The ASN opens its PO; every line starts at 0.
  await wedgeScan(page, 'ASN-5001');
  await expect(page.getByTestId('receipt-header')).toContainText('PO-1001');
  await expect(page.getByTestId('receipt-header')).toContainText('ASN-5001');
  for (const n of [1, 2, 3, 4]) await expect(page.getByTestId(`received-${n}`)).toHaveText('0');

  await page.getByTestId('lpn-new-pallet').click();
  const plate = page.locator('li.receiving__lpn').first();
  await expect(plate).toBeVisible();
  const sscc = (await plate.locator('.receiving__lpn-id').textContent())?.trim() ?? '';
  expect(isValidSscc(sscc)).toBe(true);

  // Lot-tracked yoghurt, cases of 12: lot last (no separator), then lot first with FNC1 typed as Ctrl+].
  const expiry = gs1Date(30);
  await wedgeScan(page, `01${yoghurtCase}17${expiry}10L2411A`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
  await expect(page.getByTestId('received-1')).toHaveText('12');
  await wedgeScan(page, `01${yoghurtCase}10L2411A\u001d17${expiry}`);
  await expect(page.getByTestId('received-1')).toHaveText('24');
  await expect(page.getByTestId('scan-feedback')).toContainText('lot L2411A');

  // Weigh the pallet on the real scale (the display settles first): the ASN announced 38.5 kg.
  bench.setScale(38.1, true);
  await expect(page.getByTestId('live-weight')).toHaveAttribute('data-stable', 'false');
  bench.setScale(38.1, false);
  await expect(page.getByTestId('live-weight')).toContainText('38.100 kg');
  await expect(page.getByTestId('live-weight')).toHaveAttribute('data-stable', 'true');
  await plate.getByTestId('lpn-weigh').click();
  await expect(plate.getByTestId('lpn-weight')).toHaveText('38.100 kg');
  await expect(plate.getByTestId('lpn-weight-diff')).toHaveText('-0.400 kg');

  // Print its GS1 logistic label to the TCP printer and read the label back with a real decoder.
  const job = printer.nextJob(15_000);
  await plate.getByTestId('lpn-print-sscc').click();
  await expect(plate.getByTestId('lpn-print-state')).toHaveAttribute('data-state', 'done');
  const zpl = (await job).toString('latin1');
  const symbols = await decodePng(await createZplPreviewer().render(zpl));
  const ssccSymbol = symbols.find((s) => s.data.startsWith('00'));
  expect(ssccSymbol).toMatchObject({ type: 'CODE-128', gs1: true, data: `00${sscc}` });
  expect(isValidSscc(ssccSymbol?.data.slice(2) ?? '')).toBe(true);

  // Cold goods go to zone C; the pallet is put away there.
  await plate.getByTestId('lpn-suggest').click();
  const best = page.getByTestId('putaway-suggestions').locator('li').first();
  await expect(best).toContainText('zone C for cold goods');
  const location = (await best.locator('strong').textContent())?.trim() ?? '';
  expect(location).toMatch(/^C-/);
  await page.getByTestId(`putaway-${location}`).click();
  await expect(plate.getByTestId('lpn-location')).toHaveText(location);

  // A bare GTIN of a serial-tracked item: the station asks for the serial; the next scan fills it.
  await wedgeScan(page, scannerUnit);
  await expect(page.getByTestId('receiving-pending')).toHaveAttribute('data-kind', 'tracking');
  await wedgeScan(page, 'SN-E2E-1');
  await expect(page.getByTestId('received-3')).toHaveText('1');
  await wedgeScan(page, `01${scannerUnit}21SN-E2E-2`);
  await wedgeScan(page, `01${scannerUnit}21SN-E2E-3`);
  await expect(page.getByTestId('received-3')).toHaveText('3');
  // The same serial again is stopped with the loud error.
  await wedgeScan(page, `01${scannerUnit}21SN-E2E-3`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-reason', 'duplicate_serial');

  // Typed counts for the bolts (all) and the mugs (10 of 12: the short line).
  await page.getByTestId('qty-ITM-BOLT-M8').fill('500');
  await page.getByTestId('receive-ITM-BOLT-M8').click();
  await expect(page.getByTestId('received-2')).toHaveText('500');
  await page.getByTestId('qty-ITM-MUG-CER').fill('10');
  await page.getByTestId('receive-ITM-MUG-CER').click();
  await expect(page.getByTestId('received-4')).toHaveText('10');

  // Close: one short line, approved by a supervisor's badge.
  await page.getByTestId('close-receipt').click();
  await expect(page.getByTestId('close-dialog')).toBeVisible();
  await expect(page.getByTestId('close-line-ITM-MUG-CER')).toHaveAttribute('data-kind', 'short');
  for (const item of ['ITM-YOG-500', 'ITM-BOLT-M8', 'ITM-SCAN-HH'])
    await expect(page.getByTestId(`close-line-${item}`)).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('close-confirm')).toBeDisabled();
  await expect(page.getByTestId('close-approval')).toHaveAttribute('data-state', 'waiting');
  await wedgeScan(page, '1003');
  await expect(page.getByTestId('close-approval')).toHaveAttribute('data-state', 'approved');
  await page.getByTestId('close-confirm').click();
  await expect(page.getByTestId('receiving-notice')).toBeVisible();
  await expect(page.getByTestId('po-PO-1001')).toHaveCount(0);

  // The central server's ledger shows the receipt: yoghurt lot L2411A received, the pallet put away, the mugs short.
  const receipts = await eventually(
    () => serverRead<{ items: ReceiptLine[] }>(station, '/receipts?poId=PO-1001&limit=200'),
    (r) => r.items.some((l) => l.itemId === 'ITM-MUG-CER') && r.items.some((l) => l.itemId === 'ITM-YOG-500'),
  );
  const live = receipts.items.filter((l) => l.undoneBy === null);
  const yoghurt = live.filter((l) => l.itemId === 'ITM-YOG-500');
  expect(yoghurt.length).toBeGreaterThan(0);
  expect(yoghurt.every((l) => l.lot === 'L2411A')).toBe(true);
  expect(live.filter((l) => l.itemId === 'ITM-MUG-CER').reduce((n, l) => n + l.qty, 0)).toBe(10);
  const ledger = await eventually(
    () => serverRead<{ items: LedgerEntry[] }>(station, '/ledger?limit=500'),
    (r) => r.items.some((e) => e.kind === 'putaway'),
  );
  expect(ledger.items.filter((e) => e.kind === 'receipt' && e.itemId === 'ITM-YOG-500').every((e) => e.lot === 'L2411A')).toBe(true);
  expect(ledger.items.some((e) => e.kind === 'putaway' && e.itemId === 'ITM-YOG-500')).toBe(true);
});
