import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStationProcess } from '../tests/e2e/support/station-process';
import { chromiumArgs, chromiumExecutable } from '../tests/support/chromium';
import { type Benchmark, type BenchRow, percentile } from './types';

const SCANS = Number(process.env.WAREBENCH_BENCH_SCANS ?? 200);
const PERCEIVED_INSTANT_MS = 100;
/** Every scan's answer painted within this, at the 95th percentile, on both screens. */
const SCAN_TO_SCREEN_P95_GOAL_MS = 50;

/**
 * In the page: type a scan as a wedge does, press Enter, wait until the answer is on screen and painted.
 * Kept as source text: a bundler's helpers (e.g. esbuild's __name) do not exist inside the page.
 */
const scanInPage = `async (data) => {
  const input = document.querySelector('[data-testid=scan-input]');
  const feedback = () => document.querySelector('[data-testid=scan-feedback]');
  if (!input) throw new Error('no scan field on screen');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, data);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  const t0 = performance.now();
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (feedback()?.textContent?.includes(data)) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  await shown;
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - t0;
}`;

/** Scan-to-screen through the browser shell: Chromium, the loopback WebSocket, the core, and back to a painted answer. */
export const benchmark: Benchmark = {
  name: 'scan-to-screen',
  async run(): Promise<BenchRow[]> {
    if (!existsSync('out/renderer/index.html')) spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    const station = await startStationProcess();
    const browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: [...chromiumArgs],
    });
    try {
      const page = await browser.newPage();
      await page.goto(station.url);
      await page.getByTestId('badge-input').fill('1003');
      await page.keyboard.press('Enter');
      await page.getByTestId('operator-name').waitFor();
      const rows: BenchRow[] = [];
      for (const screen of ['Pack', 'Receive']) {
        const tile = page.getByRole('button', { name: new RegExp(screen) });
        if (!(await tile.isEnabled().catch(() => false))) continue;
        await tile.click();
        await page.getByTestId('scan-input').waitFor();
        const samples: number[] = [];
        for (let i = 0; i < SCANS; i++)
          samples.push(await page.evaluate<number>(`(${scanInPage})(${JSON.stringify(`BENCH-${screen}-${i}-${Date.now()}`)})`));
        await page.getByRole('button', { name: /Back/ }).click();
        const baseline = { name: 'perceived-instant limit', value: PERCEIVED_INSTANT_MS };
        rows.push(
          {
            figure: `scan-to-screen p50, ${screen.toLowerCase()} screen (${SCANS} scans)`,
            value: percentile(samples, 50),
            unit: 'ms',
            baseline,
          },
          {
            figure: `scan-to-screen p95, ${screen.toLowerCase()} screen`,
            value: percentile(samples, 95),
            unit: 'ms',
            baseline: { name: 'goal', value: SCAN_TO_SCREEN_P95_GOAL_MS },
          },
          { figure: `scan-to-screen p99, ${screen.toLowerCase()} screen`, value: percentile(samples, 99), unit: 'ms', baseline },
        );
      }
      return rows;
    } finally {
      await browser.close();
      await station.stop();
    }
  },
};
