import { expect, type Page, test } from '@playwright/test';
import config from '../../playwright.config';
import { DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import { wedgeScan } from './support/bench-station';
import { eventually, type LedgerEntry, serverRead } from './support/server-api';
import { type StationProcess, startStationProcess } from './support/station-process';

/**
 * Inspection at receipt through the browser shell at 1366×768: goods of a flagged supplier are inspected unit by
 * unit with a photo from the station's camera (Chromium's fake camera); the one failed unit goes to hold at the dock,
 * the others go on a tote that is put away, and the ERP fetches the photo from the server.
 */

const launchOptions = config.use?.launchOptions ?? {};
test.use({
  viewport: { width: 1366, height: 768 },
  launchOptions: {
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const gloves = makeGtin14(0, DEMO_COMPANY_PREFIX, 7);

let station: StationProcess;
test.beforeAll(async () => {
  station = await startStationProcess({ config: { stationName: 'Dock 4', stationRole: 'receiving' } });
});
test.afterAll(async () => {
  await station?.stop();
});

async function signIn(page: Page) {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill(demo.badges.receiver);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ana Silva');
  await page.getByRole('button', { name: /Receive/ }).click();
}

test('an inspection with one failed unit holds it while the rest is put away; the photo is taken with the camera', async ({ page }) => {
  await signIn(page);
  await wedgeScan(page, demo.inspectedPo);
  await expect(page.getByTestId('receipt-header')).toContainText(demo.inspectedPo);

  // A flagged supplier's goods are not received by a plain scan: the station asks for the inspection (blue).
  await wedgeScan(page, gloves);
  const answer = page.getByTestId('scan-feedback').last();
  await expect(answer).toHaveAttribute('data-outcome', 'needs_input');
  await expect(answer).toHaveAttribute('data-code', 'inspection.required');

  await page.getByTestId('lpn-new-tote').click();
  await expect(page.locator('[data-testid^="lpn-"].receiving__lpn--current')).toHaveCount(1);

  await page.getByTestId('inspect-GLOVE-NIT-M').click();
  const form = page.getByTestId('inspection-form');
  await expect(form.locator('[data-testid^="inspection-unit-"][data-testid$="-weight"]')).toHaveCount(10);
  for (let unit = 1; unit <= 10; unit++) await page.getByTestId(`inspection-unit-${unit}-weight`).fill('204');
  await page.getByTestId('inspection-unit-2-seal').click();
  await expect(page.getByTestId('inspection-unit-2-seal')).toHaveAttribute('aria-pressed', 'true');

  const camera = page.getByTestId('inspection-camera');
  await expect(camera).toHaveAttribute('data-state', 'live');
  await page.getByTestId('inspection-camera-capture').click();
  await expect(camera).toHaveAttribute('data-state', 'taken');
  await expect(page.getByTestId('inspection-camera-photo')).toBeVisible();

  await page.getByTestId('inspection-record').click();
  await expect(page.getByTestId('inspection-panel')).toHaveCount(0);
  await expect(page.getByTestId('receiving-error')).toHaveCount(0);

  // The tote holds the 9 passed units and goes to storage; the failed unit stays held at the dock.
  await page.getByTestId('lpn-suggest').click();
  const suggestions = page.getByTestId('putaway-suggestions');
  await expect(suggestions).toBeVisible();
  const first = suggestions.locator('[data-testid^="putaway-"]').first();
  const target = ((await first.getAttribute('data-testid')) ?? '').replace('putaway-', '');
  expect(target).not.toMatch(/^Q-/);
  await first.click();
  await expect(page.getByTestId('lpn-location')).toContainText(target);

  const ledger = await eventually(
    () => serverRead<{ items: LedgerEntry[] }>(station, `/ledger?itemId=${demo.items.gloves}`),
    (l) => l.items.some((e) => e.kind === 'putaway' && e.qty > 0),
  );
  const received = ledger.items.filter((e) => e.kind === 'receipt');
  expect(received.filter((e) => e.held).map((e) => e.qty)).toEqual([1]);
  expect(received.filter((e) => !e.held).map((e) => e.qty)).toEqual([9]);
  expect(ledger.items.filter((e) => e.kind === 'putaway' && e.qty > 0)).toEqual([
    expect.objectContaining({ qty: 9, location: target, held: false }),
  ]);

  // The ERP finds the inspection and fetches its photo, a JPEG from the camera.
  const list = await eventually(
    () => serverRead<{ inspections: { id: string; passed: number; failed: number; hasPhoto: boolean }[] }>(station, '/inspections'),
    (l) => l.inspections.length > 0,
  );
  expect(list.inspections).toEqual([expect.objectContaining({ passed: 9, failed: 1, hasPhoto: true })]);
  const server = station.server;
  if (!server) throw new Error('no embedded server');
  const photo = await fetch(`${server.url}/api/v1/sites/${server.siteId}/inspections/${list.inspections[0]?.id}/photo`, {
    headers: { authorization: `Bearer ${server.adminKey}` },
  });
  expect(photo.headers.get('content-type')).toBe('image/jpeg');
  const bytes = Buffer.from(await photo.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth).toBeLessThanOrEqual(1366);
});
