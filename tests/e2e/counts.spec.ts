import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { wedgeScan } from './support/bench-station';
import { eventually, type LedgerEntry, serverRead } from './support/server-api';
import { type StationProcess, startStationProcess } from './support/station-process';

/**
 * A blind cycle count of a location, through the browser shell at 1366×768: the counter scans the location and the
 * goods without seeing what the ledger expects; the difference is beyond the site's tolerance, so another counter
 * counts again, a supervisor approves by scanning their badge, and the server posts the difference as an adjustment.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const mug = makeGtin14(0, DEMO_COMPANY_PREFIX, 4);
const LOCATION = demo.countLocation;

let station: StationProcess;
test.beforeAll(async () => {
  station = await startStationProcess({ config: { stationName: 'Aisle A', stationRole: 'receiving' } });
});
test.afterAll(async () => {
  await station?.stop();
});

async function signIn(page: Page, badge: string, name: string) {
  await page.getByTestId('badge-input').fill(badge);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText(name);
  await page.getByRole('button', { name: /^Count$/ }).click();
  await expect(page.locator('#counts-title')).toBeVisible();
}

async function countThreeMugs(page: Page) {
  for (let i = 1; i <= 3; i++) {
    await wedgeScan(page, mug);
    await expect(page.getByTestId('scan-feedback').last()).toHaveAttribute('data-outcome', 'accepted');
    await expect(page.getByTestId('count-line-counted')).toHaveText(String(i));
  }
}

test('a blind cycle count with one variance is recounted by another counter and approved by a supervisor badge', async ({ page }) => {
  await page.goto(station.url);
  await signIn(page, demo.badges.counter, 'Eva Lindqvist');

  // The task comes from the server; blind: no expected quantity on screen.
  const task = page.getByTestId(`count-task-${demo.countTasks.location}`);
  await expect(task).toContainText(LOCATION);
  await expect(task).toContainText('Blind');
  await expect(task).not.toContainText('expected');
  await task.getByRole('button', { name: 'Count' }).click();
  await expect(page.getByTestId('count-next')).toContainText(`Scan the location ${LOCATION}`);

  // Goods before the location are refused; then the location, then the goods.
  await wedgeScan(page, mug);
  await expect(page.getByTestId('scan-feedback').last()).toHaveAttribute('data-outcome', 'refused');
  await wedgeScan(page, LOCATION);
  await expect(page.getByTestId('scan-feedback').last()).toHaveAttribute('data-code', 'counts.started');
  await countThreeMugs(page);
  await expect(page.getByTestId('count-lines')).not.toContainText('Expected');

  await page.getByTestId('count-finish').click();
  await expect(page.getByTestId('count-recount')).toContainText('Another operator');
  // The same counter cannot recount.
  await page.getByTestId('count-recount-start').click();
  await expect(page.getByTestId('counts-error')).toContainText('another operator');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, demo.badges.counter2, 'Farid Haddad');
  await page.getByTestId('count-recount-start').click();
  await expect(page.getByTestId('count-header')).toContainText('Recount by Farid Haddad');
  await wedgeScan(page, LOCATION);
  await countThreeMugs(page);
  await page.getByTestId('count-finish').click();

  const approval = page.getByTestId('count-approval');
  await expect(approval).toBeVisible();
  await expect(approval.getByTestId('count-variance')).toHaveCount(1);
  await expect(approval.getByTestId('count-variance')).toContainText('MUG-CER-350');
  await expect(approval.getByTestId('count-variance')).toContainText('+3');
  await wedgeScan(page, demo.badges.supervisor);
  await expect(page.getByTestId('count-tasks')).toBeVisible();
  await expect(page.getByTestId(`count-task-${demo.countTasks.location}`)).toHaveCount(0);

  // The server judged the count against its ledger and posted the difference once, as an adjustment.
  const adjusts = await eventually(
    () => serverRead<{ items: LedgerEntry[] }>(station, `/ledger?kind=adjust&location=${LOCATION}`),
    (page) => page.items.length > 0,
  );
  expect(adjusts.items).toEqual([expect.objectContaining({ itemId: demo.items.mug, qty: 3, location: LOCATION })]);

  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth).toBeLessThanOrEqual(1366);
});
