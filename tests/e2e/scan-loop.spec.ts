import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { wedgeScan } from './support/bench-station';
import { type StationProcess, startStationProcess } from './support/station-process';

/**
 * The scan loop as a receiver meets it in the browser shell: every wedge scan reaches the scan path and gets its own
 * answer, or a loud "not taken"; never an old answer shown as new.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);

let station: StationProcess;

test.beforeAll(async () => {
  // A scanner behind a slow hub: this station allows 120 ms between the keys of one scan.
  station = await startStationProcess({ config: { stationName: 'Dock 2', wedgeBurstKeyMs: 120 } });
});
test.afterAll(async () => {
  await station?.stop();
});

async function signInAndReceive(page: Page): Promise<void> {
  await page.getByTestId('badge-input').fill('1001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ana Silva');
  await page.getByRole('button', { name: /Receive/ }).click();
  await wedgeScan(page, 'ASN-5001');
  await expect(page.getByTestId('receipt-header')).toContainText('PO-1001');
}

/** The answer area's scan id once the answer to a new scan (not `previous`) is in. */
async function nextScanId(page: Page, previous: string | null): Promise<string> {
  const answer = page.getByTestId('scan-answer');
  if (previous !== null) await expect(answer).not.toHaveAttribute('data-scan-id', previous);
  await expect(answer).not.toHaveAttribute('data-state', 'pending');
  return (await answer.getAttribute('data-scan-id')) ?? '';
}

test('a scanner burst typed into a quantity box lands as a scan; the box keeps its value; slow typing still types', async ({ page }) => {
  await page.goto(station.url);
  await signInAndReceive(page);
  const before = await nextScanId(page, null);

  const quantity = page.getByTestId('qty-ITM-MUG-CER');
  await quantity.fill('3');
  await quantity.focus();
  await page.keyboard.type(mug, { delay: 5 });
  await page.keyboard.press('Enter');

  await nextScanId(page, before);
  await expect(page.getByTestId('scan-answer')).toHaveAttribute('data-state', 'answered');
  await expect(page.getByTestId('scan-feedback')).toContainText(mug);
  await expect(quantity).toHaveValue('3');

  // A person typing into the same box, slower than any scanner: the box takes it.
  await quantity.fill('');
  await quantity.focus();
  await page.keyboard.type('12', { delay: 300 });
  await expect(quantity).toHaveValue('12');
});

test('the same unknown barcode twice re-flashes: a new answer with a repeat count, not the same banner left standing', async ({ page }) => {
  await page.goto(station.url);
  await signInAndReceive(page);
  const afterAsn = await nextScanId(page, null);

  await wedgeScan(page, 'NO-SUCH-THING-77');
  const first = await nextScanId(page, afterAsn);
  const answer = page.getByTestId('scan-answer');
  await expect(answer).toHaveAttribute('data-state', 'answered');
  await expect(answer).toHaveAttribute('data-repeat', '1');
  await expect(page.getByTestId('scan-repeat')).toHaveCount(0);
  // Mark the banner that shows the first answer: a re-flash draws a new one.
  await page.getByTestId('scan-feedback').evaluate((banner) => banner.setAttribute('data-shown-before', 'yes'));

  await wedgeScan(page, 'NO-SUCH-THING-77');
  await nextScanId(page, first);
  await expect(answer).toHaveAttribute('data-state', 'answered');
  await expect(answer).toHaveAttribute('data-repeat', '2');
  await expect(page.getByTestId('scan-repeat')).toContainText('2');
  await expect(page.getByTestId('scan-feedback')).toContainText('NO-SUCH-THING-77');
  await expect(page.getByTestId('scan-feedback')).not.toHaveAttribute('data-shown-before', 'yes');

  // Another action (here: opening a new pallet) makes the answer old news: it is dimmed, not shown as fresh.
  await page.getByTestId('lpn-new-pallet').click();
  await expect(answer).toHaveAttribute('data-stale', 'true');
});

test('the core killed under an open page: the next scan is a fresh red "not taken", then the screen follows the new core', async ({
  page,
}) => {
  await page.goto(station.url);
  await signInAndReceive(page);
  await wedgeScan(page, 'NO-SUCH-THING-77');
  const stale = await nextScanId(page, null);
  await expect(page.getByTestId('scan-answer')).toHaveAttribute('data-state', 'answered');

  expect(station.corePid).not.toBeNull();
  process.kill(station.corePid ?? 0, 'SIGKILL');
  await wedgeScan(page, mug);

  const answer = page.getByTestId('scan-answer');
  await expect(answer).not.toHaveAttribute('data-scan-id', stale);
  await expect(answer).toHaveAttribute('data-state', 'notTaken');
  await expect(page.getByTestId('scan-not-taken')).toContainText('Not taken');
  await expect(page.getByTestId('scan-not-taken')).toContainText(mug);
  await expect(page.locator('body')).toHaveAttribute('data-last-sound', 'bad');

  // The restarted core has no session: the page reads that and shows the sign-in screen, not the old receiving screen.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await signInAndReceive(page);
  const fresh = await nextScanId(page, null);
  await wedgeScan(page, 'NO-SUCH-THING-77');
  await nextScanId(page, fresh);
  await expect(answer).toHaveAttribute('data-state', 'answered');
  await expect(answer).toHaveAttribute('data-stale', 'false');
});
