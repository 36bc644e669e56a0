import { expect, type Page, test } from '@playwright/test';
import { buildDemoDataset, demo } from '../../shared/demo/dataset';
import { type BenchStation, startBenchStation, wedgeScan } from './support/bench-station';
import { expectInViewport, expectNoHorizontalOverflow, screenshot } from './support/layout';

/**
 * The task layout at the sizes of dock and bench screens (1366×768, 1280×800) and a large monitor: after every scan
 * the scanned line and the next action are on screen, and nothing scrolls sideways.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const dataset = buildDemoDataset();
const barcodeOf = (itemId: string): string => {
  const item = dataset.items.find((i) => i.id === itemId);
  const unit = item?.barcodes.find((b) => b.packQty === 1);
  if (!unit) throw new Error(`no unit barcode for ${itemId}`);
  return unit.code;
};
const longPo = dataset.purchaseOrders.find((p) => p.id === demo.longPo);
const untracked = (itemId: string) => {
  const item = dataset.items.find((i) => i.id === itemId);
  return item !== undefined && !item.lotTracked && !item.expiryTracked && !item.serialTracked;
};
/** The demo order with the most lines that plain unit scans can pack (no lot, expiry or serial to give). */
const longestPlainOrder = dataset.orders
  .filter((o) => o.id !== 'SO-2001' && o.lines.every((l) => untracked(l.itemId)))
  .sort((a, b) => b.lines.length - a.lines.length)[0];
if (!longPo) throw new Error('the demo has no long PO');

async function signIn(page: Page, url: string, badge: string, tile: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByTestId('badge-input').fill(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toBeVisible();
  await page.getByRole('button', { name: tile }).click();
}

/** After a scan: the answer, the scanned line and the next action are all fully on screen; no sideways scroll. */
async function expectScanInView(page: Page, line: string, when: string): Promise<void> {
  await expectInViewport(page, page.getByTestId('scan-feedback'), `${when}: the scan answer`);
  await expectInViewport(page, page.getByTestId(line), `${when}: the scanned line`);
  await expect(page.getByTestId(line)).toHaveAttribute('data-scanned', 'true');
  await expectInViewport(page, page.locator('[data-next="true"]'), `${when}: the next action`);
  await expectNoHorizontalOverflow(page, when);
}

test.describe('receiving a long PO', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Dock 1', stationRole: 'receiving', scaleRole: 'receiving-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('every scanned line and the close button stay in view at 1366×768 and 1280×800; screenshots at 1366×768 and 1920×1080', async ({
    page,
  }, testInfo) => {
    await signIn(page, bench.station.url, '1001', /Receive/);
    await expectNoHorizontalOverflow(page, 'on the PO picker');
    // With every device connected and sync online the footer is one quiet line.
    const footer = page.getByTestId('status-bar');
    await expect(footer).toHaveAttribute('data-fine', 'true');
    await expect(footer.getByTestId('devices-fine')).toBeVisible();
    expect((await footer.boundingBox())?.height ?? 0).toBeLessThanOrEqual(40);
    await wedgeScan(page, longPo.number);
    await expect(page.getByTestId('receipt-header')).toContainText(longPo.number);
    await expect(page.getByTestId('receipt-lines').locator('li.line-card')).toHaveCount(longPo.lines.length);
    await page.getByTestId('lpn-new-pallet').click();
    bench.setScale(41.25, true);
    await expect(page.getByTestId('live-weight-value')).toHaveText('41.250 kg');
    await expect(page.getByTestId('live-weight')).toHaveAttribute('data-state', 'motion');
    bench.setScale(41.25, false);
    await expect(page.getByTestId('live-weight')).toHaveAttribute('data-state', 'stable');

    // From the last line up, so each scanned line starts out of view in the lines area.
    const order = [...longPo.lines].reverse();
    for (const [i, line] of order.entries()) {
      if (i === 5) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await expectNoHorizontalOverflow(page, 'at 1280×800');
      }
      await wedgeScan(page, barcodeOf(line.itemId));
      await expect(page.getByTestId(`received-${line.lineNo}`)).toHaveText('1');
      await expectScanInView(page, `line-${line.lineNo}`, `line ${line.lineNo} scanned`);
    }
    // A line received in full folds to the bottom: the next scan of it brings it back into view there.
    const first = longPo.lines[0];
    if (!first) throw new Error('empty PO');
    for (let n = 1; n < first.qtyOrdered; n++) await wedgeScan(page, barcodeOf(first.itemId));
    await expect(page.getByTestId(`received-${first.lineNo}`)).toHaveText(String(first.qtyOrdered));
    await expectScanInView(page, `line-${first.lineNo}`, 'a completed line');
    const cards = page.getByTestId('receipt-lines').locator('li.line-card');
    await expect(cards.last()).toHaveAttribute('data-testid', `line-${first.lineNo}`);

    await page.setViewportSize({ width: 1366, height: 768 });
    await expectNoHorizontalOverflow(page, 'back at 1366×768');
    await expectInViewport(page, page.getByTestId(`line-${first.lineNo}`), 'the scanned line after the screen changed size');
    await screenshot(page, testInfo, 'receiving-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectNoHorizontalOverflow(page, 'at 1920×1080');
    await screenshot(page, testInfo, 'receiving-1920x1080');
  });
});

test.describe('packing', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Pack 1', stationRole: 'packing', scaleRole: 'pack-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('lines, live weight and every step button in view at 1366×768 and 1280×800; screenshots at 1366×768 and 1920×1080', async ({
    page,
  }, testInfo) => {
    await signIn(page, bench.station.url, '1002', /Pack/);
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
    await expectNoHorizontalOverflow(page, 'waiting for an order');

    const packOrder = async (orderId: string, viewport: { width: number; height: number }) => {
      await page.setViewportSize(viewport);
      const order = dataset.orders.find((o) => o.id === orderId);
      if (!order) throw new Error(`no ${orderId}`);
      await wedgeScan(page, order.number);
      await expect(page.getByTestId('pack-order')).toContainText(order.number);
      await expectNoHorizontalOverflow(page, `${order.number} open`);
      for (const line of order.lines) {
        for (let n = 0; n < line.qty; n++) {
          await wedgeScan(page, barcodeOf(line.itemId));
          await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
          const packed = page.getByTestId(`pack-line-${line.lineNo}-packed`);
          await expect(packed).toHaveText(String(n + 1));
          await expectScanInView(page, `pack-line-${line.lineNo}`, `${order.number} line ${line.lineNo} unit ${n + 1}`);
        }
      }
      // Everything scanned: the weigh step is the large button, with the live weight and every step button in view.
      await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'weigh');
      await expect(page.getByTestId('pack-weigh')).toHaveAttribute('data-next', 'true');
      for (const id of ['pack-weigh', 'pack-print-label', 'pack-close-carton', 'pack-close-shipment', 'live-weight'])
        await expectInViewport(page, page.getByTestId(id), `${order.number}: ${id}`);
      await expectNoHorizontalOverflow(page, `${order.number} packed`);
    };

    await packOrder('SO-2001', { width: 1366, height: 768 });
    const grams = Number(await page.getByTestId('pack-expected').getAttribute('data-grams'));
    bench.setScale(grams / 1000, false);
    await expect(page.getByTestId('live-weight-value')).toHaveText(`${(grams / 1000).toFixed(3)} kg`);
    await expect(page.getByTestId('live-weight')).toHaveAttribute('data-state', 'stable');
    await screenshot(page, testInfo, 'packing-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectNoHorizontalOverflow(page, 'at 1920×1080');
    await screenshot(page, testInfo, 'packing-1920x1080');

    // The same bench at 1280×800 with a longer order.
    await page.getByTestId('pack-leave').click();
    await page.getByTestId('pack-leave-confirm-confirm').click();
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
    if (!longestPlainOrder) throw new Error('the demo has no second order of untracked items');
    expect(longestPlainOrder.lines.length).toBeGreaterThanOrEqual(3);
    await packOrder(longestPlainOrder.id, { width: 1280, height: 800 });
  });
});
