import { expect, type Page, test } from '@playwright/test';
import { buildDemoDataset, demo } from '../../shared/demo/dataset';
import { type BenchStation, startBenchStation, wedgeScan } from './support/bench-station';

/**
 * A whole pack and a whole receipt without a mouse: scans, function keys for the step actions (each shown on its
 * button), Enter to confirm and Escape to cancel. A pointer counter in the page proves no tap or click happened.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const dataset = buildDemoDataset();
const barcodeOf = (itemId: string): string => {
  const unit = dataset.items.find((i) => i.id === itemId)?.barcodes.find((b) => b.packQty === 1);
  if (!unit) throw new Error(`no unit barcode for ${itemId}`);
  return unit.code;
};

/** Counts pointer presses in the page from the first script on (page scripts as strings: the Node project has no DOM types). */
async function countPointers(page: Page): Promise<void> {
  await page.addInitScript(`
    window.pointerPresses = 0;
    document.addEventListener('pointerdown', () => { window.pointerPresses += 1; }, true);
    document.addEventListener('mousedown', () => { window.pointerPresses += 1; }, true);
  `);
}
const pointerPresses = (page: Page) => page.evaluate<number>('window.pointerPresses');

/** Signs in by typing the badge, then Tabs to the workflow tile and opens it with Enter. */
async function signInByKeyboard(page: Page, url: string, badge: string, tile: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('badge-input')).toBeFocused();
  await page.keyboard.type(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""')).trim();
    if (focused === tile) break;
  }
  await expect(page.locator(':focus')).toHaveText(tile);
  await page.keyboard.press('Enter');
}

test.describe('packing by keyboard', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Pack 1', stationRole: 'packing', scaleRole: 'pack-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('order scan, unit scans, F2 weigh, F3 label, F4 close carton, F5 close shipment: no pointer', async ({ page }) => {
    await countPointers(page);
    await signInByKeyboard(page, bench.station.url, demo.badges.packer, 'Pack');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');

    const order = dataset.orders.find((o) => o.id === demo.order);
    if (!order) throw new Error('no demo order');
    await wedgeScan(page, order.number);
    await expect(page.getByTestId('pack-order')).toContainText(order.number);
    for (const line of order.lines)
      for (let n = 0; n < line.qty; n++) {
        await wedgeScan(page, barcodeOf(line.itemId));
        await expect(page.getByTestId(`pack-line-${line.lineNo}-packed`)).toHaveText(String(n + 1));
      }
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'weigh');

    // Each step button shows its key; the step's own is the large one.
    await expect(page.getByTestId('pack-weigh')).toHaveAttribute('aria-keyshortcuts', 'F2');
    await expect(page.getByTestId('pack-weigh')).toContainText('F2');
    await expect(page.getByTestId('pack-weigh')).toHaveAttribute('data-next', 'true');

    // A key whose step is not ready is answered at once ("one moment" while it is held for a step in flight), then
    // refused out loud: never silent.
    await page.keyboard.press('F4');
    await expect(page.getByTestId('pack-close-carton')).toHaveAttribute('data-waiting', 'true');
    await expect(page.getByTestId('pack-close-carton')).toContainText('One moment');
    await expect(page.getByTestId('pack-close-carton')).toHaveAttribute('data-refused', 'true');
    await expect(page.getByTestId('pack-close-carton')).not.toHaveAttribute('data-waiting', 'true');
    await expect(page.getByTestId('pack-close-carton')).toContainText('Not available now');
    await expect(page.locator('body')).toHaveAttribute('data-last-sound', 'bad');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'weigh');

    const grams = Number(await page.getByTestId('pack-expected').getAttribute('data-grams'));
    bench.setScale(grams / 1000, false);
    await expect(page.getByTestId('live-weight-value')).toHaveText(`${(grams / 1000).toFixed(3)} kg`);
    await expect(page.getByTestId('live-weight')).toHaveAttribute('data-state', 'stable');

    await page.keyboard.press('F2');
    await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'ok');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'print-label');
    await expect(page.getByTestId('pack-print-label')).toHaveAttribute('data-next', 'true');

    const job = bench.printer.nextJob(15_000);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('pack-label')).toHaveAttribute('data-print', 'done');
    expect((await job).toString('latin1')).toContain('Mila de Vries');

    await page.keyboard.press('F4');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'close-shipment');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pack-notice')).toContainText('shipped');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');

    // A function key with no step to run does nothing (and never reloads the page).
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
    await expect(page.getByTestId('operator-name')).toBeVisible();
    expect(await pointerPresses(page)).toBe(0);
  });
});

test.describe('receiving by keyboard', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Dock 1', stationRole: 'receiving', scaleRole: 'receiving-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('PO scan, F6 new pallet, unit scans, F2 weigh, F3 label, F9 close, Escape cancels, Enter confirms: no pointer', async ({ page }) => {
    await countPointers(page);
    await signInByKeyboard(page, bench.station.url, demo.badges.receiver, 'Receive');
    const po = dataset.purchaseOrders.find((p) => p.id === demo.longPo);
    if (!po) throw new Error('no long PO');
    await wedgeScan(page, po.number);
    await expect(page.getByTestId('receipt-header')).toContainText(po.number);

    await expect(page.getByTestId('lpn-new-pallet')).toHaveAttribute('aria-keyshortcuts', 'F6');
    await page.keyboard.press('F6');
    const plate = page.locator('li.receiving__lpn--current');
    await expect(plate).toBeVisible();

    for (const line of po.lines)
      for (let n = 0; n < line.qtyOrdered; n++) {
        await wedgeScan(page, barcodeOf(line.itemId));
        await expect(page.getByTestId(`received-${line.lineNo}`)).toHaveText(String(n + 1));
      }
    await expect(page.getByTestId('receiving-step')).toHaveAttribute('data-step', 'close');

    bench.setScale(31.4, false);
    await expect(page.getByTestId('live-weight-value')).toHaveText('31.400 kg');
    await expect(page.getByTestId('live-weight')).toHaveAttribute('data-state', 'stable');
    await page.keyboard.press('F2');
    await expect(plate.getByTestId('lpn-weight')).toHaveText('31.400 kg');

    const job = bench.printer.nextJob(15_000);
    await page.keyboard.press('F3');
    await expect(plate.getByTestId('lpn-print-state')).toHaveAttribute('data-state', 'done');
    await job;

    // F9 opens the close; Escape keeps the receipt open; F9 and Enter close it.
    await page.keyboard.press('F9');
    await expect(page.getByTestId('close-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('close-dialog')).toHaveCount(0);
    // While no dialog is open, Enter on the empty scan field closes nothing.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-header')).toBeVisible();
    await page.keyboard.press('F9');
    await expect(page.getByTestId('close-confirm')).toBeEnabled();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receiving-notice')).toBeVisible();
    await expect(page.getByTestId('receipt-header')).toHaveCount(0);
    expect(await pointerPresses(page)).toBe(0);
  });
});
