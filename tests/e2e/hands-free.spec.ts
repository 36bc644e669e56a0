import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { createZplPreviewer } from '../../electron/core/devices/printer/preview';
import { DEMO_COMPANY_PREFIX } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import type { RawListener } from '../support/devices/raw-listener';
import { decodePng } from '../support/devices/zbar';
import { type BenchStation, gs1Date, startBenchStation, wedgeScan } from './support/bench-station';
import { eventually, type Shipment, serverRead } from './support/server-api';
import type { StationProcess } from './support/station-process';

/**
 * The hands-free pack loop at a 1366×768 pack bench: an MT-SICS scale on a real pty, a ZPL printer on a real TCP
 * port, a keyboard-wedge scanner typing into the window, and no hand on the screen.
 */

const gtin = (indicator: number, ref: number) => makeGtin14(indicator, DEMO_COMPANY_PREFIX, ref);
const yoghurt = gtin(0, 2);
const handheld = gtin(0, 3);
const mug = gtin(0, 4);
const tape = gtin(0, 5);

test.use({ viewport: { width: 1366, height: 768 } });

let bench: BenchStation;
let station: StationProcess;
let printer: RawListener;

test.beforeAll(async () => {
  bench = await startBenchStation({ stationName: 'Pack 3', stationRole: 'packing', scaleRole: 'pack-scale', handsFree: true });
  ({ station, printer } = bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

async function signInAndPack(page: Page): Promise<void> {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill('1002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ben Okafor');
  await page.getByRole('button', { name: /Pack/ }).click();
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
}

/**
 * Counts every pointer, mouse, touch and click event the page gets from now on. Kept as source text: it runs in the
 * page, where the test's types (no DOM here) do not reach.
 */
async function countTaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.taps = 0;
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click'])
      window.addEventListener(type, () => { window.taps += 1; }, { capture: true });
  })()`);
  return () => page.evaluate<number>('window.taps');
}

const feedback = (page: Page) => page.getByTestId('scan-feedback');

test('a two-line order goes from order scan to closed shipment with scans only: weighed, labelled and closed hands-free', async ({
  page,
}) => {
  await signInAndPack(page);
  const taps = await countTaps(page);
  // The carton stands on the scale while it is packed: 2 mugs (340 g) + tape (290 g) + the medium box (120 g).
  await bench.putOnScale(1.09);
  const job = printer.nextJob(20_000);

  await wedgeScan(page, 'SO-2001');
  await expect(page.getByTestId('pack-order')).toContainText('SO-2001');
  await expect(page.getByTestId('hands-free-on')).toBeVisible();
  await wedgeScan(page, mug);
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('1');
  await wedgeScan(page, mug);
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('2');
  await wedgeScan(page, tape);

  // The last unit: the carton weighs itself and its label prints, with an answer on screen and its preview.
  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.autoLabelPrinted');
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'accepted');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'close-carton');
  await expect(page.getByTestId('pack-label-preview').locator('img')).toBeVisible({ timeout: 30_000 });
  const zpl = (await job).toString('latin1');
  const symbols = await decodePng(await createZplPreviewer().render(zpl));
  const tracking = symbols.find((s) => s.type === 'CODE-128' && !s.gs1)?.data ?? '';
  expect(tracking).toMatch(/^WBH\d{14}$/);
  expect(symbols.some((s) => s.gs1 && s.data.startsWith('00'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('hands-free-label-1366x768.png') });

  // The packer scans the label on the carton: it closes, and with it the shipment; the bench waits for the next order.
  await wedgeScan(page, tracking);
  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.autoShipped');
  await expect(feedback(page)).toContainText('SO-2001');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
  expect(await taps()).toBe(0);

  const shipped = await eventually(
    () => serverRead<{ items: Shipment[] }>(station, '/shipments?orderId=SO-2001&shipped=true'),
    (r) => r.items.length > 0,
  );
  expect(shipped.items[0]).toMatchObject({ tracking });
});

test('a weight out of tolerance stops amber and prints nothing; WEIGH and CLOSE CARTON command barcodes finish the order', async ({
  page,
}) => {
  await signInAndPack(page);
  const taps = await countTaps(page);
  // Yoghurt (530 g) + handheld scanner (310 g) + small box (120 g) = 960 g expected; the scale reads 700 g.
  await bench.putOnScale(0.7);
  const jobsBefore = printer.jobs.length;
  await wedgeScan(page, 'SO-2002');
  await wedgeScan(page, `01${yoghurt}10L2411A\u001d17${gs1Date(30)}`);
  await expect(page.getByTestId('pack-line-1-packed')).toHaveText('1');
  await wedgeScan(page, `01${handheld}21SN-HANDSFREE-1`);

  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.weightLight');
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'warning');
  await expect(page.locator('body')).toHaveAttribute('data-last-sound', 'warn');
  // The reason in words: measured, expected and the tolerance.
  await expect(feedback(page)).toContainText('700');
  await expect(feedback(page)).toContainText('960');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'resolve-weight');
  await page.screenshot({ path: test.info().outputPath('hands-free-weight-out-1366x768.png') });
  expect(printer.jobs.length).toBe(jobsBefore);

  // The missing padding found, the scale settles at the expected weight; WEIGH from the command sheet goes on.
  await bench.putOnScale(0.96);
  const job = printer.nextJob(20_000);
  await wedgeScan(page, '!WB:WEIGH');
  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.autoLabelPrinted');
  await job;
  // The packer looks at the label's picture, sticks the label on, and scans CLOSE CARTON from the sheet.
  await expect(page.getByTestId('pack-label-preview').locator('img')).toBeVisible();
  await wedgeScan(page, '!WB:CLOSE-CARTON');
  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.autoShipped');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
  expect(await taps()).toBe(0);
});

test('destructive command barcodes ask first; the command sheet is a PDF from the station', async ({ page }) => {
  await signInAndPack(page);
  await bench.putOnScale(0);
  await wedgeScan(page, 'SO-2003');
  await expect(page.getByTestId('pack-order')).toContainText('SO-2003');
  await wedgeScan(page, '!WB:PUT-DOWN');
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'needs_input');
  await expect(page.getByTestId('hands-free-confirm')).toHaveAttribute('data-command', 'put-down');
  await wedgeScan(page, '!WB:CONFIRM');
  await expect(feedback(page)).toHaveAttribute('data-code', 'packing.orderPutDown');
  await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
  await wedgeScan(page, '!WB:NO-SUCH-THING');
  await expect(feedback(page)).toHaveAttribute('data-reason', 'unknown_command');

  const download = page.waitForEvent('download');
  await page.getByTestId('pack-command-sheet').click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
