import { expect, type Page, test } from '@playwright/test';
import { buildDemoDataset, DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { type BenchStation, startBenchStation, wedgeScan } from './support/bench-station';
import { expectInViewport, expectNoHorizontalOverflow, screenshot } from './support/layout';
import { type StationProcess, startStationProcess } from './support/station-process';

/**
 * Returns and cycle counts in the task layout on the design screen (1366×768, checked at 1280×800 too): after every
 * scan the answer, the scanned line and the next action are on screen, and nothing scrolls sideways.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const dataset = buildDemoDataset();
const skuOf = (itemId: string): string => {
  const item = dataset.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`no item ${itemId}`);
  return item.sku;
};
const scanner = makeGtin14(0, DEMO_COMPANY_PREFIX, 3);
const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);
const tape = makeGtin14(0, DEMO_COMPANY_PREFIX, 5);

async function signIn(page: Page, badge: string): Promise<void> {
  await page.getByTestId('badge-input').fill(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toBeVisible();
}

/** After a scan: the answer, the scanned line and the next action are all fully on screen; no sideways scroll. */
async function expectScanInView(page: Page, line: ReturnType<Page['locator']>, when: string): Promise<void> {
  await expectInViewport(page, page.getByTestId('scan-feedback'), `${when}: the scan answer`);
  await expect(line).toHaveAttribute('data-scanned', 'true');
  await expectInViewport(page, line, `${when}: the scanned line`);
  await expectInViewport(page, page.locator('[data-next="true"]'), `${when}: the next action`);
  await expectNoHorizontalOverflow(page, when);
}

test.describe('a return', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Returns dock', stationRole: 'receiving', scaleRole: 'receiving-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('each scanned line, the unit decision and the close button stay in view at 1366×768 and 1280×800', async ({ page }, testInfo) => {
    await page.goto(bench.station.url);
    await signIn(page, demo.badges.receiver);
    await page.getByTestId('tile-returns').click();
    await expect(page.getByTestId('returns-step')).toHaveAttribute('data-step', 'scanReturn');
    await expectNoHorizontalOverflow(page, 'waiting for a return');

    await wedgeScan(page, demo.rma.tracking);
    await expect(page.getByTestId('returns-header')).toContainText(demo.rma.id);
    await expectInViewport(page, page.getByTestId('returns-close'), 'the return open: the close button');
    await expect(page.getByTestId('returns-close')).toHaveAttribute('data-next', 'true');
    await expectNoHorizontalOverflow(page, 'the return open');

    const scannerLine = page.getByTestId(`returns-line-${skuOf(demo.items.scanner)}`);
    await wedgeScan(page, `01${scanner}21${demo.rma.serials[0]}`);
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
    await expectScanInView(page, scannerLine, 'the serial scanned');
    // The decision about the scanned unit is on screen beside the lines.
    const decide = page.getByTestId('returns-decide');
    await expectInViewport(page, decide, 'the unit decision');
    await decide.getByTestId('condition-opened').click();
    await decide.getByTestId('disposition-refurbish').click();
    await expect(page.locator('[data-testid="returns-unit"][data-disposition="refurbish"]')).toHaveCount(1);

    await page.setViewportSize({ width: 1280, height: 800 });
    const mugLine = page.getByTestId(`returns-line-${skuOf(demo.items.mug)}`);
    for (let n = 1; n <= 2; n++) {
      await wedgeScan(page, mug);
      await expect(page.getByTestId(`returns-line-${skuOf(demo.items.mug)}-received`)).toHaveText(String(n));
      await expectScanInView(page, mugLine, `mug ${n} scanned at 1280×800`);
      await expectInViewport(page, decide, `mug ${n}: the unit decision`);
      await decide.getByTestId('condition-new').click();
      await decide.getByTestId('disposition-restock').click();
    }
    // The mugs are all back: their line folds below the open ones.
    const cards = page.getByTestId('returns-lines').locator('li.line-card');
    await expect(cards.last()).toHaveAttribute('data-testid', `returns-line-${skuOf(demo.items.mug)}`);

    // A unit not on the RMA: the badge prompt shows as an alert with the line and the next action still in view.
    await page.setViewportSize({ width: 1366, height: 768 });
    await wedgeScan(page, tape);
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'needs_input');
    await expectInViewport(page, page.getByTestId('returns-approval'), 'the badge prompt');
    await expectScanInView(page, page.getByTestId(`returns-line-${skuOf(demo.items.tape)}`), 'a unit not on the RMA');
    await screenshot(page, testInfo, 'returns-1366x768');

    // The take-off dialog: Escape keeps the unit.
    await page.getByTestId('returns-remove').first().click();
    await expect(page.getByTestId('returns-remove-confirm')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('returns-remove-confirm')).toHaveCount(0);
    await expect(page.getByTestId('returns-unit')).toHaveCount(4);
  });
});

test.describe('a cycle count', () => {
  let station: StationProcess;
  test.beforeAll(async () => {
    station = await startStationProcess({ config: { stationName: 'Aisle B', stationRole: 'receiving' } });
  });
  test.afterAll(async () => {
    await station?.stop();
  });

  test('a location with many items: every counted line stays in view inside the lines, the page never scrolls', async ({ page }) => {
    await page.goto(station.url);
    await signIn(page, demo.badges.counter);
    await page.getByRole('button', { name: /^Count$/ }).click();
    await page.getByTestId(`count-task-${demo.countTasks.location}`).getByRole('button', { name: 'Count' }).click();
    await wedgeScan(page, demo.countLocation);
    await expect(page.getByTestId('count-next')).toHaveAttribute('data-status', 'counting');

    // Twelve plain items (no lot, serial or weight count): more lines than the work area shows at once.
    const plain = dataset.items.filter((i) => !i.lotTracked && !i.serialTracked && !i.expiryTracked && /^ITM-\d+$/.test(i.id));
    const items = plain.slice(0, 12);
    for (const item of items) {
      const code = item.barcodes.find((b) => b.packQty === 1)?.code;
      if (!code) throw new Error(`no unit barcode for ${item.id}`);
      await wedgeScan(page, code);
      await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
      await expectScanInView(page, page.locator(`[data-testid="count-line"][data-sku="${item.sku}"]`), `${item.sku} counted`);
    }
    await expect(page.getByTestId('count-line')).toHaveCount(items.length);
    // The first item again: its line is brought back into view wherever it sits.
    const first = items[0];
    const firstCode = first?.barcodes.find((b) => b.packQty === 1)?.code;
    if (!first || !firstCode) throw new Error('no first item');
    await wedgeScan(page, firstCode);
    const firstLine = page.locator(`[data-testid="count-line"][data-sku="${first.sku}"]`);
    await expect(firstLine.getByTestId('count-line-counted')).toHaveText('2');
    await expectScanInView(page, firstLine, `${first.sku} counted again`);
    expect(await page.evaluate<number>('document.scrollingElement?.scrollTop ?? 0')).toBe(0);

    // Dropped after asking: the tasks come back.
    await page.keyboard.press('F8');
    await page.getByTestId('count-cancel-confirm-confirm').click();
    await expect(page.getByTestId('count-tasks')).toBeVisible();
  });

  test('the counted line and the finish button stay in view; function keys finish and drop, Escape keeps the count', async ({
    page,
  }, testInfo) => {
    await page.goto(station.url);
    await signIn(page, demo.badges.counter);
    await page.getByRole('button', { name: /^Count$/ }).click();
    await expect(page.getByTestId('count-tasks')).toBeVisible();
    await expectNoHorizontalOverflow(page, 'the count tasks');

    const task = page.getByTestId(`count-task-${demo.countTasks.item}`);
    await task.getByRole('button', { name: 'Count' }).click();
    await expect(page.getByTestId('count-next')).toHaveAttribute('data-status', 'location');
    await expect(page.getByTestId('count-finish')).toBeDisabled();
    await expectInViewport(page, page.getByTestId('count-finish'), 'before the location: the finish button');
    await wedgeScan(page, 'A-01-02-1');
    await expect(page.getByTestId('count-next')).toHaveAttribute('data-status', 'counting');

    const line = page.getByTestId('count-line');
    for (let n = 1; n <= 3; n++) {
      if (n === 3) await page.setViewportSize({ width: 1280, height: 800 });
      await wedgeScan(page, tape);
      await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
      await expect(line.getByTestId('count-line-counted')).toHaveText(String(n));
      await expectScanInView(page, line, `tape ${n} counted`);
    }
    await expectInViewport(page, page.getByTestId('task-side'), 'the weight count');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, testInfo, 'counts-1366x768');

    // F8 asks before dropping the count; Escape keeps it.
    await page.keyboard.press('F8');
    await expect(page.getByTestId('count-cancel-confirm')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('count-cancel-confirm')).toHaveCount(0);
    await expect(line.getByTestId('count-line-counted')).toHaveText('3');

    // F9 finishes: 3 of 36 is beyond the tolerance, so a recount is asked for, the prompt and its action in view.
    await page.keyboard.press('F9');
    await expect(page.getByTestId('count-next')).toHaveAttribute('data-status', 'recount');
    await expectInViewport(page, page.getByTestId('count-recount'), 'the recount prompt');
    await expectInViewport(page, page.getByTestId('count-recount-start'), 'the recount button');
    await expect(page.getByTestId('count-recount-start')).toHaveAttribute('data-next', 'true');
    await expectNoHorizontalOverflow(page, 'waiting for a recount');

    // Another counter recounts the same; the variances and the badge prompt show as an alert, all on screen.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, demo.badges.counter2);
    await page.getByRole('button', { name: /^Count$/ }).click();
    await page.getByTestId('count-recount-start').click();
    await wedgeScan(page, 'A-01-02-1');
    for (let n = 1; n <= 3; n++) {
      await wedgeScan(page, tape);
      await expect(line.getByTestId('count-line-counted')).toHaveText(String(n));
    }
    await page.getByTestId('count-finish').click();
    await expect(page.getByTestId('count-next')).toHaveAttribute('data-status', 'approval');
    await expectInViewport(page, page.getByTestId('count-approval'), 'the variances and the badge prompt');
    await expectNoHorizontalOverflow(page, 'waiting for a supervisor');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectInViewport(page, page.getByTestId('count-approval'), 'the badge prompt at 1280×800');
    await expectNoHorizontalOverflow(page, 'waiting for a supervisor at 1280×800');
  });
});
