import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { type BenchStation, startBenchStation, wedgeScan } from './support/bench-station';
import { eventually, type LedgerEntry, serverRead } from './support/server-api';

/**
 * A returns clerk receives the demo RMA at a dock on the design screen (1366×768): opened by the shipment's tracking
 * number, a serial the order never shipped refused, the shipped one matched, three dispositions, a unit not on the RMA
 * taken in with a supervisor's badge, the return-to-vendor label on a real TCP printer, and the return on the server.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const scanner = makeGtin14(0, DEMO_COMPANY_PREFIX, 3);
const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);
const tape = makeGtin14(0, DEMO_COMPANY_PREFIX, 5);

interface ReturnRecord {
  returnId: string;
  rmaId: string;
  units: {
    itemId: string;
    serial: string | null;
    condition: string;
    disposition: string;
    location: string;
    held: boolean;
    onRma: boolean;
  }[];
}

let bench: BenchStation;
test.beforeAll(async () => {
  bench = await startBenchStation({ stationName: 'Returns dock', stationRole: 'receiving', scaleRole: 'receiving-scale' });
});
test.afterAll(async () => {
  await bench?.stop();
});

const outcome = (page: Page) => page.getByTestId('scan-feedback');
const step = (page: Page) => page.getByTestId('returns-step');

async function judge(page: Page, condition: string, disposition: string): Promise<void> {
  const decide = page.getByTestId('returns-decide');
  await decide.getByTestId(`condition-${condition}`).click();
  await expect(decide.getByTestId(`condition-${condition}`)).toHaveAttribute('aria-pressed', 'true');
  await decide.getByTestId(`disposition-${disposition}`).click();
}

test('a return with a serial check, three dispositions and a unit not on the RMA, booked on the server', async ({ page }) => {
  await page.goto(bench.station.url);
  await page.getByTestId('badge-input').fill(demo.badges.receiver);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ana Silva');
  await page.getByTestId('tile-returns').click();
  await expect(step(page)).toHaveAttribute('data-step', 'scanReturn');

  // The shipment's tracking number opens the return and shows what the order shipped.
  await wedgeScan(page, demo.rma.tracking);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'accepted');
  await expect(page.getByTestId('returns-header')).toContainText(demo.rma.id);
  await expect(page.getByTestId('returns-header')).toContainText('Sofia Jansen');
  await expect(page.getByTestId('returns-line-SCAN-HH')).toContainText('SN-HH-0001');
  await expect(step(page)).toHaveAttribute('data-step', 'scanUnit');

  // A serial the order never shipped: refused, red, nothing received.
  await wedgeScan(page, `01${scanner}21SN-XX-9999`);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'refused');
  await expect(outcome(page)).toContainText('SN-XX-9999');
  await expect(page.getByTestId('returns-unit')).toHaveCount(0);

  // The shipped serial is matched; opened, it goes to refurbishing.
  await wedgeScan(page, `01${scanner}21SN-HH-0001`);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'accepted');
  await expect(outcome(page)).toContainText('SN-HH-0001');
  await expect(step(page)).toHaveAttribute('data-step', 'chooseCondition');
  await judge(page, 'opened', 'refurbish');
  await expect(page.locator('[data-testid="returns-unit"][data-disposition="refurbish"]')).toHaveCount(1);

  // A new mug restocks; a damaged one may not restock and goes back to the vendor.
  await wedgeScan(page, mug);
  await judge(page, 'new', 'restock');
  await wedgeScan(page, mug);
  await page.getByTestId('returns-decide').getByTestId('condition-damaged').click();
  await expect(page.getByTestId('returns-dispositions')).toBeVisible();
  await expect(page.getByTestId('returns-decide').getByTestId('disposition-restock')).toHaveCount(0);
  await page.getByTestId('returns-decide').getByTestId('disposition-returnToVendor').click();
  await expect(page.locator('[data-testid="returns-unit"][data-disposition="returnToVendor"]')).toHaveCount(1);

  // Tape was never on the RMA: the station waits for a supervisor's badge before it can close.
  await wedgeScan(page, tape);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'needs_input');
  await expect(step(page)).toHaveAttribute('data-step', 'approveNotOnRma');
  await expect(page.getByTestId('not-on-rma')).toBeVisible();
  await wedgeScan(page, demo.badges.supervisor);
  await expect(page.getByTestId('returns-approval')).toHaveCount(0);
  await expect(page.getByTestId('not-on-rma')).toContainText('approved');
  await judge(page, 'new', 'restock');

  // The design screen: no horizontal scroll.
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

  // The return-to-vendor carton label goes to the TCP printer as ZPL.
  const job = bench.printer.nextJob(15_000);
  await page.getByTestId('returns-vendor-label').click();
  const zpl = (await job).toString('latin1');
  expect(zpl).toContain('^XA');
  expect(zpl).toContain('RTV');
  expect(zpl).toContain('RETURNS-RTV');

  await page.getByTestId('returns-close').click();
  await expect(step(page)).toHaveAttribute('data-step', 'scanReturn');
  await expect(outcome(page)).toContainText(demo.rma.id);

  // The receiving screen's KPIs count the return and its units by disposition.
  await page.getByRole('button', { name: /Back/ }).click();
  await page.getByRole('button', { name: /Receive/ }).click();
  await expect(page.getByTestId('kpi-receiver-returns')).toContainText('1 (4) · 2 restocked');

  // The server has the return once, every unit at its disposition's location, held unless restocked.
  const returns = await eventually(
    () => serverRead<{ items: ReturnRecord[] }>(bench.station, `/returns?rmaId=${demo.rma.id}`),
    (r) => r.items.length > 0,
  );
  expect(returns.items).toHaveLength(1);
  expect(returns.items[0]?.units.map((u) => [u.itemId, u.serial, u.disposition, u.held, u.onRma]).sort()).toEqual(
    [
      [demo.items.scanner, 'SN-HH-0001', 'refurbish', true, true],
      [demo.items.mug, null, 'restock', false, true],
      [demo.items.mug, null, 'returnToVendor', true, true],
      [demo.items.tape, null, 'restock', false, false],
    ].sort(),
  );
  const ledger = await serverRead<{ items: LedgerEntry[] }>(bench.station, '/ledger?kind=return&limit=100');
  expect(ledger.items.map((e) => [e.itemId, e.location, e.qty, e.held]).sort()).toEqual(
    [
      [demo.items.scanner, 'RETURNS-REFURB', 1, true],
      [demo.items.mug, 'A-02-03-1', 1, false],
      [demo.items.mug, 'RETURNS-RTV', 1, true],
      [demo.items.tape, 'A-01-02-1', 1, false],
    ].sort(),
  );
});
