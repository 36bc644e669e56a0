/**
 * The hands-free pack loop, order scan to closed shipment, for two-line orders: driven through the browser shell in
 * Chromium with wedge scans (the order, every unit, then the printed label's tracking number), an MT-SICS scale on a
 * real pty that already reads the carton's weight stable (the scale's settle time is not in the figure) and a ZPL
 * printer on a real TCP port. Baseline in the same run: the same orders through the station core called directly
 * (hardware-scanner path, same kind of scale and printer), without browser, WebSocket or screen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { recommendCarton } from '../electron/core/packing/carton-rules';
import { buildDemoDataset, type DemoDataset } from '../shared/demo/dataset';
import type { EventPayload } from '../shared/events';
import { startPackBenchDevices } from '../tests/core/packing/support/bench-devices';
import { startBenchStation } from '../tests/e2e/support/bench-station';
import { eventually, serverRead } from '../tests/e2e/support/server-api';
import { chromiumArgs, chromiumExecutable } from '../tests/support/chromium';
import { createTestStation } from '../tests/support/station-fixture';
import { type Benchmark, type BenchRow, percentile } from './types';

const ORDERS = Number(process.env.WAREBENCH_BENCH_HANDS_FREE_ORDERS ?? 6);

interface BenchOrder {
  number: string;
  /** Unit barcodes in scan order: every unit of both lines. */
  scans: string[];
  /** What the carton weighs on the scale: the goods plus the recommended carton's tare. */
  kg: number;
}

/** Two-line HOUSE orders of the demo site whose items take a plain unit scan and fit one carton. */
function twoLineOrders(dataset: DemoDataset, count: number): BenchOrder[] {
  const held = new Set(dataset.holds.map((h) => h.itemId));
  const picked: BenchOrder[] = [];
  for (const order of dataset.orders) {
    if (picked.length >= count) break;
    if (order.lines.length !== 2 || order.carrier !== 'HOUSE' || order.status !== 'open') continue;
    const items = order.lines.map((l) => ({ line: l, item: dataset.items.find((i) => i.id === l.itemId) }));
    const plain = items.every(
      ({ item }) =>
        item &&
        !item.lotTracked &&
        !item.serialTracked &&
        !item.expiryTracked &&
        !held.has(item.id) &&
        item.barcodes.some((b) => b.packQty === 1),
    );
    if (!plain) continue;
    const goods = items.map(({ line, item }) => ({
      itemId: line.itemId,
      qty: line.qty,
      unitWeightG: item?.unitWeightG ?? 0,
      lengthMm: item?.lengthMm ?? 0,
      widthMm: item?.widthMm ?? 0,
      heightMm: item?.heightMm ?? 0,
    }));
    const carton = recommendCarton(goods, dataset.cartonTypes);
    if (!carton.carton || !carton.fitsAll) continue;
    const grams = goods.reduce((sum, g) => sum + g.unitWeightG * g.qty, 0) + carton.carton.tareG;
    const scans = items.flatMap(({ line, item }) =>
      Array.from({ length: line.qty }, () => item?.barcodes.find((b) => b.packQty === 1)?.code ?? ''),
    );
    picked.push({ number: order.number, scans, kg: Math.round(grams) / 1000 });
  }
  if (picked.length === 0) throw new Error('the demo site has no plain two-line order');
  return picked;
}

const trackingOf = (zpl: string): string => {
  const tracking = zpl.match(/WBH\d{14}/)?.[0];
  if (!tracking) throw new Error('no house tracking number on the label');
  return tracking;
};

/**
 * In the page: types a scan as a wedge does and waits until the station answered it (a new answer on screen), and
 * when `code` is given, until an answer with that message code is on screen (the loop's automatic steps).
 * Kept as source text: a bundler's helpers do not exist inside the page.
 */
const scanInPage = `async ([data, code, step]) => {
  const input = document.querySelector('[data-testid=scan-input]');
  const answer = () => document.querySelector('[data-testid=scan-answer]');
  const feedback = () => document.querySelector('[data-testid=scan-feedback]');
  const stepNow = () => document.querySelector('[data-testid=pack-step]')?.getAttribute('data-step');
  if (!input) throw new Error('no scan field on screen');
  const before = answer()?.getAttribute('data-scan-id');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, data);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  const deadline = performance.now() + 20000;
  let notTaken = false;
  for (;;) {
    const a = answer();
    const fresh = a && a.getAttribute('data-scan-id') !== before;
    // An answer later than the screen waits for: the scan still counts when the bench's state shows it.
    if (fresh && a.getAttribute('data-state') === 'notTaken') {
      if (!step) throw new Error('scan not taken: ' + data);
      notTaken = true;
    }
    const answered = fresh && a.getAttribute('data-state') === 'answered';
    if (step ? stepNow() === step && (notTaken || !code || feedback()?.getAttribute('data-code') === code) : answered && (!code || feedback()?.getAttribute('data-code') === code)) return notTaken;
    if (performance.now() > deadline) throw new Error('no answer to ' + data + ' (' + (feedback()?.getAttribute('data-code') ?? '') + ')');
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
}`;

async function throughChromium(orders: readonly BenchOrder[]): Promise<{ samples: number[]; late: number }> {
  if (!existsSync('out/renderer/index.html')) spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  const bench = await startBenchStation({ stationName: 'Pack bench', stationRole: 'packing', scaleRole: 'pack-scale', handsFree: true });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(bench.station.url);
    await page.getByTestId('badge-input').fill('1002');
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    await page.getByRole('button', { name: /Pack/ }).click();
    await page.getByTestId('scan-input').waitFor();
    const scan = (data: string, code?: string, step?: string) =>
      page.evaluate<boolean>(`(${scanInPage})(${JSON.stringify([data, code ?? null, step ?? null])})`);
    const samples: number[] = [];
    let late = 0;
    for (const order of orders) {
      // The carton stands on the scale, settled, before the order is scanned.
      bench.setScale(order.kg, false);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const label = bench.printer.nextJob(20_000);
      const t0 = performance.now();
      await scan(order.number);
      for (const [i, data] of order.scans.entries())
        await scan(data, i === order.scans.length - 1 ? 'packing.autoLabelPrinted' : undefined);
      const tracking = trackingOf((await label).toString('latin1'));
      if (await scan(tracking, 'packing.autoShipped', 'scan-order')) late += 1;
      samples.push(performance.now() - t0);
      // The next tote comes once the shipment reached the server: its sync is no part of the next order's time.
      await eventually(
        () => serverRead<{ items: unknown[] }>(bench.station, `/shipments?orderId=${order.number}&shipped=true`),
        (r) => r.items.length > 0,
      );
    }
    return { samples, late };
  } finally {
    await browser.close();
    await bench.stop();
  }
}

async function throughCore(orders: readonly BenchOrder[]): Promise<number[]> {
  const devices = await startPackBenchDevices();
  const t = await createTestStation({ devices: devices.devices, config: { handsFreePacking: true } });
  try {
    await t.call('session.signIn', { badge: '1002' });
    await t.call('workflow.select', { workflow: 'packing' });
    const automatic: EventPayload<'scan.result'>[] = [];
    t.station.subscribe((event, payload) => {
      const answer = payload as EventPayload<'scan.result'>;
      if (event === 'scan.result' && answer.data === '') automatic.push(answer);
    });
    const scan = (data: string) =>
      t.station.scan({ data, symbology: 'unknown', source: 'serial', deviceId: 'pack-scanner', at: new Date().toISOString() });
    const samples: number[] = [];
    for (const order of orders) {
      await devices.putOnScale(order.kg);
      automatic.length = 0;
      const label = devices.labels.nextJob(20_000);
      const t0 = performance.now();
      await scan(order.number);
      for (const data of order.scans) await scan(data);
      const tracking = trackingOf((await label).toString('latin1'));
      while (!automatic.some((a) => a.message.code === 'packing.autoLabelPrinted')) await new Promise((resolve) => setImmediate(resolve));
      const shipped = await scan(tracking);
      if (shipped.message.code !== 'packing.autoShipped') throw new Error(`${order.number} not shipped: ${shipped.message.code}`);
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await t.close();
    await devices.close();
  }
}

export const benchmark: Benchmark = {
  name: 'packing-hands-free',
  async run(): Promise<BenchRow[]> {
    const orders = twoLineOrders(buildDemoDataset(new Date()), ORDERS);
    const core = await throughCore(orders);
    const { samples: chromiumRun, late } = await throughChromium(orders);
    const units = orders.reduce((sum, o) => sum + o.scans.length, 0) / orders.length;
    const baseline = { name: 'same orders through the core, no browser (p50)', value: percentile(core, 50) };
    const note =
      `${orders.length} two-line orders, ${units.toFixed(1)} units each on average; scale settled before the order scan; ` +
      `${late} label scan(s) answered after the screen's 1.5 s limit (timed until the bench showed the next order)`;
    return [
      {
        figure: `order-scan-to-closed-shipment p50, two-line order, hands-free (Chromium, ${orders.length} orders)`,
        value: percentile(chromiumRun, 50),
        unit: 'ms',
        baseline,
        note,
      },
      {
        figure: 'order-scan-to-closed-shipment max, two-line order, hands-free (Chromium)',
        value: Math.max(...chromiumRun),
        unit: 'ms',
        baseline: { name: 'same orders through the core, no browser (max)', value: Math.max(...core) },
      },
    ];
  },
};
