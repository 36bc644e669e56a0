import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { type BenchStation, startBenchStation, wedgeScan } from './support/bench-station';

/**
 * A supervisor approves by scanning their badge (the scan is taken as the badge, never as goods), and putting an
 * order down asks first and says what will be unpacked. On the design screen: 1366×768.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);
const tape = makeGtin14(0, DEMO_COMPANY_PREFIX, 5);

async function signIn(page: Page, url: string, badge: string, name: string, tile: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByTestId('badge-input').fill(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText(name);
  await page.getByRole('button', { name: tile }).click();
}

test.describe('at a receiving dock', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Dock 2', stationRole: 'receiving', scaleRole: 'receiving-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('a receipt with discrepancies closes once a supervisor scans their badge', async ({ page }) => {
    await signIn(page, bench.station.url, '1001', 'Ana Silva', /Receive/);
    await wedgeScan(page, 'PO-1002');
    await expect(page.getByTestId('receipt-header')).toContainText('PO-1002');

    // Nothing received: every line is short, so closing needs a supervisor.
    await page.getByTestId('close-receipt').click();
    await expect(page.getByTestId('close-dialog')).toBeVisible();
    const approval = page.getByTestId('close-approval');
    await expect(approval).toHaveAttribute('data-state', 'waiting');
    await expect(approval).toContainText('Supervisor: scan your badge');
    await expect(page.getByTestId('close-confirm')).toBeDisabled();

    // The receiver's own badge, scanned, approves nothing: a loud refusal, and the prompt still waits.
    await wedgeScan(page, '1001');
    await expect(page.getByTestId('scan-answer')).toContainText('is not a supervisor');
    await expect(approval).toHaveAttribute('data-state', 'waiting');

    await wedgeScan(page, '1003');
    await expect(approval).toHaveAttribute('data-state', 'approved');
    await expect(approval).toContainText('Chloé Martin');
    await page.getByTestId('close-confirm').click();
    await expect(page.getByTestId('receiving-notice')).toBeVisible();
    await expect(page.getByTestId('po-PO-1002')).toHaveCount(0);
  });
});

test.describe('at a pack bench', () => {
  let bench: BenchStation;
  test.beforeAll(async () => {
    bench = await startBenchStation({ stationName: 'Pack 2', stationRole: 'packing', scaleRole: 'pack-scale' });
  });
  test.afterAll(async () => {
    await bench?.stop();
  });

  test('putting an order down asks first: cancel keeps the packed units, confirm unpacks them', async ({ page }) => {
    await signIn(page, bench.station.url, '1002', 'Ben Okafor', /Pack/);
    await wedgeScan(page, 'T-0001');
    await expect(page.getByTestId('pack-order')).toContainText('SO-2001');
    await wedgeScan(page, mug);
    await wedgeScan(page, mug);
    await expect(page.getByTestId('pack-left')).toContainText('1');

    await page.getByTestId('pack-leave').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('pack-leave-confirm-lost')).toContainText('2 packed units in 1 carton will be unpacked');
    await page.getByTestId('pack-leave-confirm-cancel').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('pack-order')).toContainText('SO-2001');
    await expect(page.getByTestId('pack-left')).toContainText('1');

    await page.getByTestId('pack-leave').click();
    await page.getByTestId('pack-leave-confirm-confirm').click();
    await expect(page.getByTestId('pack-step')).toHaveAttribute('data-step', 'scan-order');
    // Picked up again, the order starts over: the two mugs went back to the tote.
    await wedgeScan(page, 'T-0001');
    await expect(page.getByTestId('pack-left')).toContainText('3');
  });

  test('a weight out of tolerance is accepted with a reason chip and a supervisor badge scan', async ({ page }) => {
    await signIn(page, bench.station.url, '1002', 'Ben Okafor', /Pack/);
    await wedgeScan(page, 'T-0001');
    await expect(page.getByTestId('pack-order')).toContainText('SO-2001');
    for (const code of [mug, mug, tape]) await wedgeScan(page, code);
    await expect(page.getByTestId('pack-left')).toContainText('0');
    await bench.putOnScale(0.8);
    await page.getByTestId('pack-weigh').click();
    await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'out');

    // The badge prompt comes once a reason is chosen; until then scans are goods.
    await expect(page.getByTestId('pack-override-approval')).toHaveCount(0);
    await page.getByTestId('pack-override-reason').getByRole('button', { name: 'Extra padding' }).click();
    const approval = page.getByTestId('pack-override-approval');
    await expect(approval).toHaveAttribute('data-state', 'waiting');
    await expect(page.getByTestId('pack-override-submit')).toBeDisabled();

    await wedgeScan(page, '1002');
    await expect(page.getByTestId('scan-answer')).toContainText('is not a supervisor');
    await expect(approval).toHaveAttribute('data-state', 'waiting');

    await wedgeScan(page, '1003');
    await expect(approval).toHaveAttribute('data-state', 'approved');
    await page.getByTestId('pack-override-submit').click();
    await expect(page.getByTestId('pack-weight')).toHaveAttribute('data-status', 'overridden');
  });
});
