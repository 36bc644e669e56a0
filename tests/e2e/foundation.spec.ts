import { expect, test } from '@playwright/test';
import { type StationProcess, startStationProcess } from './support/station-process';

let station: StationProcess;

test.beforeAll(async () => {
  station = await startStationProcess();
});
test.afterAll(async () => {
  await station.stop();
});

test('a packer signs in by typed badge, moves between screens and sees device and sync state', async ({ page }) => {
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.getByTestId('badge-input').fill('4242');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signin-error')).toContainText('4242');

  await page.getByTestId('badge-input').fill('1002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Ben Okafor');
  await expect(page.getByRole('button', { name: /Receive/ })).toBeDisabled();

  // A scan on the home screen is answered, not lost.
  await page.getByTestId('scan-input').pressSequentially('09506000134352');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-feedback')).toContainText('Choose Receive or Pack');

  await page.getByRole('button', { name: /Devices/ }).click();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();

  // Training mode: the simulated label printer prints a test label through the queue, and shows its picture.
  await expect(page.getByTestId('device-row-sim-label-printer')).toContainText('connected');
  await page.getByTestId('device-row-sim-label-printer').getByRole('button', { name: 'Test' }).click();
  await expect(page.getByTestId('device-test-sim-label-printer')).toContainText('test label printed');
  const job = page.getByTestId('print-jobs').locator('li').first();
  await expect(job).toHaveAttribute('data-state', 'done');
  await job.getByRole('button', { name: 'Show label' }).click();
  await expect(job.getByRole('img')).toBeVisible();
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Sync');

  await page.getByRole('button', { name: /Back/ }).click();
  await page.getByRole('button', { name: /Sync/ }).click();
  await expect(page.getByTestId('sync-facts')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
