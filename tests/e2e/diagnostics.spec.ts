import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { type StationProcess, startStationProcess } from './support/station-process';

const shots = join('test-results', 'e2e', 'screenshots');
let station: StationProcess;

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  station = await startStationProcess();
});
test.afterAll(async () => {
  await station.stop();
});

test('an admin reaches diagnostics by keyboard, sees versions, devices, sync and log problems, and exports a support bundle', async ({
  page,
}) => {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill('1004');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Dan Novak');

  // Keyboard only: Tab from the scan field to the Diagnostics tile; the scan field must not take focus back.
  await expect(page.getByTestId('scan-input')).toBeFocused();
  const tile = page.getByRole('button', { name: /Diagnostics/ });
  const focusedText = () => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');
  for (let i = 0; i < 12 && !(await focusedText()).includes('Diagnostics'); i++) await page.keyboard.press('Tab');
  await expect(tile).toBeFocused();
  await page.waitForTimeout(1200); // longer than the scan field's refocus interval
  await expect(tile).toBeFocused();
  const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');

  const screen = page.getByTestId('diagnostics');
  await expect(screen.getByRole('heading', { name: 'Diagnostics', level: 1 })).toBeVisible();
  const versions = page.getByTestId('diag-versions');
  await expect(versions).toContainText(/Node\.js\s*\d+\.\d+\.\d+/);
  await expect(versions).toContainText(/SQLite\s*3\.\d+/);
  await expect(page.getByTestId('diag-sync')).toContainText(/Connection\s*(online|offline|not enrolled)\s*Waiting to send\s*\d+/);
  await expect(page.getByTestId('diag-busy')).toContainText('Nothing open');
  await expect(screen).toContainText('No warnings or errors in the log.');

  // The desktop shell's main process logs next to the core (update checks, window events): its problems show here too.
  const line = {
    level: 50,
    time: new Date().toISOString(),
    name: 'warebench-main',
    msg: 'update check failed: feed unreachable',
    err: { message: 'getaddrinfo ENOTFOUND updates.example' },
  };
  writeFileSync(join(station.dataDir, 'logs', 'main.log'), `${JSON.stringify(line)}\n`);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const errors = page.getByTestId('diag-errors');
  await expect(errors).toContainText('update check failed: feed unreachable');
  await expect(errors).toContainText('ENOTFOUND');
  await page.screenshot({ path: join(shots, 'diagnostics-1-screen.png'), fullPage: true });

  await page.getByTestId('export-bundle').click();
  const result = page.getByTestId('bundle-result');
  await expect(result).toContainText('Support bundle written');
  const path = /written: (.+\.zip) \(/.exec((await result.textContent()) ?? '')?.[1] ?? '';
  expect(path.startsWith(join(station.dataDir, 'support'))).toBe(true);
  expect(existsSync(path)).toBe(true);
  const zip = unzipSync(readFileSync(path));
  expect(Object.keys(zip)).toEqual(
    expect.arrayContaining([
      'versions.json',
      'station.json',
      'integrity-check.txt',
      'diagnostics.json',
      'logs/station.log',
      'logs/main.log',
    ]),
  );
  expect(new TextDecoder().decode(zip['integrity-check.txt']).trim()).toBe('ok');
  await page.screenshot({ path: join(shots, 'diagnostics-2-bundle.png'), fullPage: true });

  // A supervisor or admin can open the station setup from here, and leave it unchanged.
  await page.getByRole('button', { name: 'Station setup' }).click();
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  await expect(page.getByLabel('Station name')).toHaveValue('Bench 1');
  await page.screenshot({ path: join(shots, 'diagnostics-3-setup.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen.getByRole('heading', { name: 'Diagnostics', level: 1 })).toBeVisible();
});
