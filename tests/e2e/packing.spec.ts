import { expect, type Page, test } from '@playwright/test';
import { createZplPreviewer } from '../../electron/core/devices/printer/preview';
import { DEMO_COMPANY_PREFIX } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { isValidSscc } from '../../shared/scan';
import type { RawListener } from '../support/devices/raw-listener';
import { decodePng } from '../support/devices/zbar';
import { type BenchStation, gs1Date, startBenchStation, wedgeScan } from './support/bench-station';
import { eventually, type LedgerEntry, type Shipment, serverRead } from './support/server-api';
import type { StationProcess } from './support/station-process';

/**
 * A packer at a pack bench with an MT-SICS scale on a real pty and a ZPL label printer on a real TCP port,
 * scanning with a keyboard-wedge scanner (typed into the window).
 */

const gtin = (indicator: number, ref: number) => makeGtin14(indicator, DEMO_COMPANY_PREFIX, ref);
const yoghurt = gtin(0, 2);
const scanner = gtin(0, 3);
const mug = gtin(0, 4);
const tape = gtin(0, 5);

let bench: BenchStation;
let station: StationProcess;
let printer: RawListener;

test.beforeAll(async () => {
  bench = await startBenchStation({ stationName: 'Pack 1', stationRole: 'packing', scaleRole: 'pack-scale' });
  ({ station, printer } = bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

async function signInAndPack(page: Page, badge: string, name: string): Promise<void> {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText(name);
  await page.getByRole('button', { name: /Pack/ }).click();
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
}

async function printAndDecodeLabel(
  page: Page,
): Promise<{ tracking: string; sscc: string; zpl: string; symbols: Awaited<ReturnType<typeof decodePng>> }> {
  const job = printer.nextJob(15_000);
  await page.getByTestId('pack-print-label').click();
  await expect(page.getByTestId('pack-label')).toHaveAttribute('data-print', 'done');
  const zpl = (await job).toString('latin1');
  const tracking = (await page.getByTestId('pack-tracking').textContent())?.trim() ?? '';
  const sscc = (await page.getByTestId('pack-sscc').textContent())?.trim() ?? '';
  const symbols = await decodePng(await createZplPreviewer().render(zpl));
  return { tracking, sscc, zpl, symbols };
}

test('a packer packs a two-line order: stopped by a wrong item and a held lot, weighs within tolerance, labels and closes', async ({
  page,
}) => {
  await signInAndPack(page, '1002', 'Ben Okafor');

  // The order opens by scan: lines, ship-to, carrier and notes.
  await wedgeScan(page, 'SO-2002');
  await expect(page.getByTestId('pack-order')).toContainText('SO-2002');
  await expect(page.getByTestId('pack-ship-to')).toContainText('Jonas Peeters');
  await expect(page.getByTestId('pack-carrier')).toHaveText('HOUSE · EXPRESS');
  await expect(page.getByTestId('pack-gift')).toBeVisible();
  await expect(page.getByTestId('pack-line-1')).toHaveAttribute('data-left', '1');
  await expect(page.getByTestId('pack-line-2')).toHaveAttribute('data-left', '1');

  // A wrong item: loud, red, nothing counted.
  await wedgeScan(page, tape);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-reason', 'wrong_item');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'refused');
  await expect(page.getByTestId('scan-feedback')).toContainText('not on this order');
  await expect(page.locator('body')).toHaveAttribute('data-last-sound', 'bad');
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('0');

  // The held lot of yoghurt (GS1-128 with expiry, then lot): stopped.
  await wedgeScan(page, `01${yoghurt}17${gs1Date(40)}10L2405B`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-reason', 'on_hold');
  await expect(page.getByTestId('scan-feedback')).toContainText('L2405B');
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('0');

  // A good lot (lot first, FNC1 typed as Ctrl+], then expiry) counts; the serial-tracked scanner carries its serial.
  await wedgeScan(page, `01${yoghurt}10L2411A\u001d17${gs1Date(30)}`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('1');
  await wedgeScan(page, `01${scanner}21SN-PACK-E2E-1`);
  await expect(page.getByTestId('pack-line-2-packed')).toHaveText('1');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'weigh');

  // The recommended carton: yoghurt and scanner go into the small box.
  await expect(page.getByTestId('pack-recommendation')).toHaveAttribute('data-code', 'BOX-S');
  await expect(page.getByTestId('pack-carton-type')).toHaveValue('BOX-S');
  const sscc = (await page.getByTestId('pack-sscc').textContent())?.trim() ?? '';
  expect(isValidSscc(sscc)).toBe(true);

  // Weigh on the real scale: 530 g + 310 g + 120 g tare = 960 g expected; 965 g is within tolerance.
  await bench.putOnScale(0.965);
  await page.getByTestId('pack-weigh').click();
  await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('pack-weight')).toContainText('0.965 kg');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'print-label');

  // The shipping label goes to the TCP printer and scans back to its tracking number and SSCC.
  const label = await printAndDecodeLabel(page);
  expect(label.tracking).toMatch(/^WBH\d{14}$/);
  expect(label.sscc).toBe(sscc);
  expect(label.symbols).toContainEqual({ type: 'CODE-128', data: label.tracking, gs1: false });
  expect(label.symbols).toContainEqual({ type: 'CODE-128', data: `00${sscc}`, gs1: true });
  expect(label.zpl).toContain('Jonas Peeters');

  await page.getByTestId('pack-close-carton').click();
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'close-shipment');
  await page.getByTestId('pack-close-shipment').click();
  await expect(page.getByTestId('pack-notice')).toContainText('shipped');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');

  // The carton is on today's HOUSE manifest; the KPIs count the order, its units and the two stopped scans.
  await expect(page.getByTestId('manifest-HOUSE')).toContainText('1 carton');
  await expect(page.getByTestId('kpi-packer-orders')).toHaveText('1');
  await expect(page.getByTestId('kpi-packer-units')).toHaveText('2');
  await expect(page.getByTestId('kpi-packer-scan-errors')).toHaveText('2');

  // The central server holds the shipped carton and the ledger shows the pack and the ship of both units.
  const shipped = await eventually(
    () => serverRead<{ items: Shipment[] }>(station, '/shipments?orderId=SO-2002&shipped=true'),
    (r) => r.items.length > 0,
  );
  expect(shipped.items).toHaveLength(1);
  expect(shipped.items[0]).toMatchObject({ sscc, tracking: label.tracking });
  const moves = await serverRead<{ items: LedgerEntry[] }>(station, '/ledger?kind=ship&limit=100');
  expect(moves.items.filter((e) => e.itemId === 'ITM-YOG-500' && e.lot === 'L2411A').reduce((n, e) => n + e.qty, 0)).toBe(-1);
  expect(moves.items.filter((e) => e.itemId === 'ITM-SCAN-HH').reduce((n, e) => n + e.qty, 0)).toBe(-1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a carton out of tolerance stops the close until a supervisor overrides it with their badge and a reason', async ({ page }) => {
  await signInAndPack(page, '1002', 'Ben Okafor');
  await wedgeScan(page, 'T-0001');
  await expect(page.getByTestId('pack-order')).toContainText('SO-2001');
  await expect(page.getByTestId('pack-fragile')).toBeVisible();
  await expect(page.getByTestId('pack-notes')).toHaveText('Leave at reception');
  for (const code of [mug, mug, tape]) await wedgeScan(page, code);
  await expect(page.getByTestId('pack-left')).toContainText('0');

  // 2 x 340 g + 290 g + 120 g = 1090 g expected; 800 g means something is missing.
  await bench.putOnScale(0.8);
  await page.getByTestId('pack-weigh').click();
  await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'out');
  await expect(page.getByTestId('pack-weight-stop')).toContainText('lighter');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'resolve-weight');
  await expect(page.getByTestId('pack-print-label')).toBeDisabled();
  await expect(page.getByTestId('pack-close-carton')).toBeDisabled();

  // The reason first ("Other…" for words of their own), then the badge prompt takes the next scan as the badge.
  await page.getByTestId('pack-override-reason-other').click();
  await page.getByTestId('pack-override-reason-text').fill('mugs of the new supplier are lighter, checked');
  await expect(page.getByTestId('pack-override-approval')).toHaveAttribute('data-state', 'waiting');
  // A packer's own badge does not override.
  await wedgeScan(page, '1002');
  await expect(page.getByTestId('scan-answer')).toContainText('is not a supervisor');
  await expect(page.getByTestId('pack-override-approval')).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByTestId('pack-override-submit')).toBeDisabled();
  await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'out');

  // The supervisor scans their badge.
  await wedgeScan(page, '1003');
  await expect(page.getByTestId('pack-override-approval')).toHaveAttribute('data-state', 'approved');
  await page.getByTestId('pack-override-submit').click();
  await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'overridden');

  const label = await printAndDecodeLabel(page);
  expect(label.symbols).toContainEqual({ type: 'CODE-128', data: `00${label.sscc}`, gs1: true });
  await page.getByTestId('pack-close-carton').click();
  await page.getByTestId('pack-close-shipment').click();
  await expect(page.getByTestId('pack-notice')).toContainText('SO-2001');
  await expect(page.getByTestId('kpi-packer-weight-exceptions')).toHaveText('1');

  // The central server holds the carton of SO-2001 with the supervisor's override on record.
  const cartons = await eventually(
    () => serverRead<{ items: Shipment[] }>(station, '/shipments?orderId=SO-2001&shipped=true'),
    (r) => r.items.length > 0,
  );
  expect(cartons.items[0]).toMatchObject({
    overrideBy: 'OP-CHLOE',
    overrideReason: 'mugs of the new supplier are lighter, checked',
    sscc: label.sscc,
  });
});
