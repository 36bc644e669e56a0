import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { type BenchStation, gs1Date, startBenchStation, wedgeScan } from './support/bench-station';
import { eventually, type ReceiptLine, serverRead } from './support/server-api';

/**
 * A receiver at a dock with an MT-SICS scale on a real pty, at 1366×768 through the browser shell: a supplier pallet
 * received whole in one scan when it weighs what the ASN says, sampled when it does not, and a delivery without PO
 * closed by a supervisor's badge scan.
 */

const yoghurtCase = makeGtin14(1, DEMO_COMPANY_PREFIX, 2);
const boltCase = makeGtin14(1, DEMO_COMPANY_PREFIX, 1);
const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);

test.use({ viewport: { width: 1366, height: 768 } });

let bench: BenchStation;

test.beforeAll(async () => {
  bench = await startBenchStation({ stationName: 'Dock 3', stationRole: 'receiving', scaleRole: 'receiving-scale' });
});

test.afterAll(async () => {
  await bench?.stop();
});

async function signInToReceiving(page: Page): Promise<void> {
  await page.goto(bench.station.url);
  await page.getByTestId('badge-input').fill(demo.badges.receiver);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ana Silva');
  await page.getByRole('button', { name: /Receive/ }).click();
}

async function expectInView(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
}

test('a delivery without PO is received for a supplier and closes only with a supervisor badge scan', async ({ page }) => {
  await signInToReceiving(page);
  await page.getByTestId(`blind-supplier-${demo.blindSupplier}`).click();
  await expect(page.getByTestId('blind-notice')).toContainText('Walk-in delivery');
  await wedgeScan(page, mug);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
  await wedgeScan(page, mug);
  await expect(page.getByTestId('scan-feedback')).toContainText('no PO');

  await page.getByTestId('close-receipt').click();
  const approval = page.getByTestId('close-approval');
  await expect(approval).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByTestId('close-confirm')).toBeDisabled();
  // The receiver's own badge approves nothing.
  await wedgeScan(page, demo.badges.receiver);
  await expect(approval).toHaveAttribute('data-state', 'waiting');
  await wedgeScan(page, demo.badges.supervisor);
  await expect(approval).toHaveAttribute('data-state', 'approved');
  await page.getByTestId('close-confirm').click();
  await expect(page.getByTestId('receiving-notice')).toBeVisible();

  // The ERP sees it as an unplanned receipt of two mugs.
  const unplanned = await eventually(
    () =>
      serverRead<{ items: (ReceiptLine & { unplanned: boolean; supplierId: string | null })[] }>(bench.station, '/receipts?unplanned=true'),
    (r) => r.items.length >= 2,
  );
  expect(unplanned.items.map((l) => [l.itemId, l.qty, l.poId, l.supplierId])).toEqual([
    [demo.items.mug, 1, null, demo.blindSupplier],
    [demo.items.mug, 1, null, demo.blindSupplier],
  ]);
});

test('a supplier pallet is received whole in one scan within tolerance, and sampled when its weight is off', async ({ page }) => {
  await signInToReceiving(page);
  const pallet = `00${demo.asnPallet}`;

  // On the scale at 38.1 kg (ASN: 38.5 kg): the SSCC scan offers the pallet, Enter receives it whole.
  bench.setScale(38.1, false);
  await wedgeScan(page, pallet);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'needs_input');
  await expect(page.getByTestId('pallet-offer')).toHaveAttribute('data-stage', 'offer');
  await expectInView(page, 'pallet-receive');
  const offer = page.getByTestId('pallet-offer');
  expect(await offer.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('pallet-offer-1366x768.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('received-1')).toHaveText('24');
  await expect(page.getByTestId('received-2')).toHaveText('500');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'accepted');
  await expect(page.getByTestId('scan-feedback')).toContainText('received whole');
  await expect(page.getByTestId('pallet-offer')).toHaveCount(0);

  const lines = await eventually(
    () => serverRead<{ items: ReceiptLine[] }>(bench.station, `/receipts?poId=${demo.po}&limit=200`),
    (r) => r.items.filter((l) => l.lpn === demo.asnPallet).length >= 2,
  );
  expect(lines.items.filter((l) => l.lpn === demo.asnPallet).map((l) => [l.itemId, l.qty])).toEqual([
    [demo.items.yoghurt, 24],
    [demo.items.bolt, 500],
  ]);

  // Undo takes the whole pallet back; at 44.2 kg the same pallet needs a counted sample of two cases first.
  await page.getByRole('button', { name: 'Undo last scan' }).click();
  await expect(page.getByTestId('received-2')).toHaveText('0');
  bench.setScale(44.2, false);
  await wedgeScan(page, pallet);
  await expect(page.getByTestId('pallet-offer')).toHaveAttribute('data-stage', 'offer');
  await page.getByTestId('pallet-receive').click();
  await expect(page.getByTestId('pallet-offer')).toHaveAttribute('data-stage', 'sample');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'needs_input');
  await expect(page.getByTestId('scan-feedback')).toContainText('44.2');
  await expect(page.getByTestId('received-1')).toHaveText('0');
  await wedgeScan(page, `01${yoghurtCase}17${gs1Date(30)}10L2411A`);
  await expect(page.getByTestId('pallet-sample')).toHaveAttribute('value', '1');
  await expect(page.getByTestId('received-1')).toHaveText('0');
  await wedgeScan(page, boltCase);
  await expect(page.getByTestId('scan-feedback')).toContainText('sample matches');
  await expect(page.getByTestId('received-1')).toHaveText('24');
  await expect(page.getByTestId('received-2')).toHaveText('500');
});

test('a mixed pallet is split before putaway, a plate with held goods goes to quarantine after a confirm and a badge, and the putaway is taken back after a confirm', async ({
  page,
}) => {
  await signInToReceiving(page);
  await wedgeScan(page, demo.po);
  const plate = page.getByTestId(`split-pallet-${demo.asnPallet}`);
  await expect(plate).toBeVisible();
  // The bolts move onto a new tote; the yoghurt stays on the supplier pallet.
  await plate.getByTestId(`split-move-${demo.items.bolt}-nolot-free`).click();
  await expect(page.getByTestId('scan-feedback')).toContainText('500 × BOLT-M8X40 moved');
  await expect(plate).toHaveCount(0);

  // A unit of a lot on hold lands on the pallet: the plate now carries held goods.
  const yoghurtUnit = makeGtin14(0, DEMO_COMPANY_PREFIX, 2);
  await wedgeScan(page, `01${yoghurtUnit}17${gs1Date(30)}10${demo.heldLot.lot}`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'warning');
  await plate.getByTestId(`quarantine-${demo.asnPallet}`).click();
  const confirm = page.getByTestId('quarantine-confirm');
  await expect(confirm.getByTestId('quarantine-confirm-lost')).toContainText('All 25 units');
  await expect(confirm.getByTestId('quarantine-confirm-lost')).toContainText('24 units that are fine');
  await confirm.getByTestId('quarantine-confirm-confirm').click();
  await expect(page.getByTestId('quarantine-putaway')).toBeDisabled();
  await wedgeScan(page, demo.badges.supervisor);
  await expect(page.getByTestId('quarantine-approval')).toHaveAttribute('data-state', 'approved');
  await page.getByTestId('quarantine-putaway').click();
  await expect(page.getByTestId(`lpn-${demo.asnPallet}`).getByTestId('lpn-location')).toContainText('Q-');

  // Taking the putaway back asks first and says what it undoes; cancel keeps it.
  await page.getByTestId(`undo-putaway-${demo.asnPallet}`).click();
  await expect(page.getByTestId('undo-putaway-confirm-lost')).toContainText('25 units are at the receiving dock again');
  await page.getByTestId('undo-putaway-confirm-cancel').click();
  await expect(page.getByTestId(`lpn-${demo.asnPallet}`).getByTestId('lpn-location')).toContainText('Q-');
  await page.getByTestId(`undo-putaway-${demo.asnPallet}`).click();
  await page.getByTestId('undo-putaway-confirm-confirm').click();
  await expect(page.getByTestId(`lpn-${demo.asnPallet}`).getByTestId('lpn-location')).toHaveCount(0);
  await expect(page.getByTestId('scan-feedback')).toContainText('taken back');

  // From the LPN panel: "Put away here" on the quarantine place asks first, and cancel keeps the plate at the dock.
  const lpnCard = page.getByTestId(`lpn-${demo.asnPallet}`);
  await lpnCard.getByTestId('lpn-suggest').click();
  const quarantinePlace = lpnCard.locator('[data-testid^="putaway-Q-"]').first();
  await quarantinePlace.click();
  await expect(page.getByTestId('quarantine-confirm-lost')).toContainText('All 25 units');
  await page.getByTestId('quarantine-confirm-cancel').click();
  await expect(page.getByTestId('quarantine-confirm')).toHaveCount(0);
  await expect(lpnCard.getByTestId('lpn-location')).toHaveCount(0);
  await expect(lpnCard.getByTestId('putaway-suggestions')).toBeVisible();

  // Confirmed, then the receiver's own badge approves nothing and the supervisor's badge scan does: the plate goes there.
  await quarantinePlace.click();
  await page.getByTestId('quarantine-confirm-confirm').click();
  const badge = lpnCard.getByTestId('quarantine-approval');
  await expect(badge).toHaveAttribute('data-state', 'waiting');
  await expect(lpnCard.getByTestId('quarantine-putaway')).toBeDisabled();
  await wedgeScan(page, demo.badges.receiver);
  await expect(badge).toHaveAttribute('data-state', 'waiting');
  await wedgeScan(page, demo.badges.supervisor);
  await expect(badge).toHaveAttribute('data-state', 'approved');
  await expectInView(page, 'quarantine-putaway');
  await page.screenshot({ path: test.info().outputPath('lpn-quarantine-approval-1366x768.png') });
  await lpnCard.getByTestId('quarantine-putaway').click();
  await expect(lpnCard.getByTestId('lpn-location')).toContainText('Q-');
  await expect(lpnCard.getByTestId('quarantine-approve')).toHaveCount(0);
});
