import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type StationProcess, startStationProcess } from './support/station-process';

const shots = join('test-results', 'e2e', 'screenshots');
let station: StationProcess;

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // As the desktop app starts: a fresh station with no station.json shows the first-run wizard.
  station = await startStationProcess({ env: { WAREBENCH_FIRST_RUN_SETUP: '1' } });
});
test.afterAll(async () => {
  await station.stop();
});

test('site IT sets up a new station: name, role, language, server, devices, options, then it restarts with them', async ({ page }) => {
  await page.goto(station.url);
  const wizard = page.getByTestId('setup-wizard');
  await expect(wizard.getByRole('heading', { name: 'Set up this station' })).toBeVisible();
  await expect(page.getByLabel('Station name')).toBeFocused();
  await page.screenshot({ path: join(shots, 'setup-1-station.png'), fullPage: true });

  // An empty name is refused where it was typed, with the reason.
  await page.getByLabel('Station name').fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Station name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('give the station a name')).toBeVisible();

  await page.getByLabel('Station name').fill('Dock 3');
  await page.getByLabel('Receiving', { exact: true }).check();
  // Choosing the language switches the wizard to it at once.
  await page.getByLabel('Deutsch').check();
  await expect(wizard.getByRole('heading', { name: 'Diese Station einrichten' })).toBeVisible();
  await page.getByRole('button', { name: /Weiter/ }).click();

  // Server: a central server needs a real address; the embedded demo server needs nothing.
  await expect(page.getByRole('heading', { name: /Schritt 2 von 5/ })).toBeFocused();
  await page.getByLabel('Zentraler Warebench-Server').check();
  await page.getByLabel('Serveradresse').fill('warebench-server');
  await page.getByRole('button', { name: /Weiter/ }).click();
  await expect(page.getByLabel('Serveradresse')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: join(shots, 'setup-2-server-error.png'), fullPage: true });
  await page.getByLabel(/Demo-Server auf diesem Computer/).check();
  await page.getByRole('button', { name: /Weiter/ }).click();

  // Devices, keyboard only for the printer: arrow keys move through the radio group.
  await expect(page.getByRole('heading', { name: /Schritt 3 von 5/ })).toBeFocused();
  await page.getByLabel('Waage an serieller Schnittstelle').check();
  await page.getByLabel('Schnittstelle', { exact: true }).fill('/dev/ttyUSB0');
  await page.getByLabel('Waagenprotokoll').selectOption('nci');
  await page.getByLabel('Kein Etikettendrucker').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Netzwerkdrucker (Raw-TCP, Port 9100)')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Hostname oder IP-Adresse des Druckers')).toBeFocused();
  await page.keyboard.type('127.0.0.1');
  await page.screenshot({ path: join(shots, 'setup-3-devices.png'), fullPage: true });
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Schritt 4 von 5/ })).toBeFocused();
  await page.getByLabel('Schulungsmodus').check();
  await page.getByLabel('Auf Version bleiben').fill('1.4.2');
  await page.getByRole('button', { name: /Weiter/ }).click();

  const review = page.getByTestId('setup-review');
  await expect(review).toContainText('Dock 3');
  await expect(review).toContainText('Wareneingang');
  await expect(review).toContainText('tcp://127.0.0.1:9100');
  await expect(review).toContainText('/dev/ttyUSB0 · NCI / Weigh-Tronix 3825');
  await expect(review).toContainText('1.4.2');
  await page.screenshot({ path: join(shots, 'setup-4-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Speichern und neu starten' }).click();

  // The station restarts with its new config and greets in German, under its new name.
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Warebench · Dock 3' })).toBeVisible();
  await page.screenshot({ path: join(shots, 'setup-5-after-restart.png'), fullPage: true });

  const saved = JSON.parse(readFileSync(join(station.dataDir, 'station.json'), 'utf8')) as Record<string, unknown>;
  expect(saved).toMatchObject({
    stationName: 'Dock 3',
    stationRole: 'receiving',
    locale: 'de',
    server: 'embedded',
    training: true,
    pinnedVersion: '1.4.2',
  });
  expect(saved.devices).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: 'receiving-scale', transport: { type: 'serial', path: '/dev/ttyUSB0' }, protocol: 'nci' }),
      expect.objectContaining({ id: 'label-printer', transport: { type: 'tcp', host: '127.0.0.1', port: 9100 } }),
    ]),
  );

  // Once set up, a reload goes straight to sign-in: the wizard is first-run only.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByTestId('setup-wizard')).toHaveCount(0);
});
