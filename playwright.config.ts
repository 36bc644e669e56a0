import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './tests/support/chromium';

/** e2e in Debian's Chromium through the browser shell (the station core behind its loopback WebSocket). */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumExecutable,
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
    },
  },
});
