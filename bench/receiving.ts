/**
 * Scan-to-decision on the receiving bench with a large catalog: a hardware scan enters `station.scan()`, is parsed,
 * looked up, checked and (when accepted) written with its journal entry and sync op in one transaction on a real
 * SQLite file. Baseline: the bare indexed barcode lookup with better-sqlite3 in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStation } from '../electron/core/app/station';
import { silentLogger } from '../electron/core/kernel/log';
import { loadDatasetIntoCache } from '../electron/core/storage/load-demo';
import { openStationDatabase } from '../electron/core/storage/open';
import { buildDemoDataset } from '../shared/demo/dataset';
import { computeCheckDigit } from '../shared/scan';
import { type Benchmark, type BenchRow, nextTask, percentile } from './types';

/** GS1 company prefix of the generated catalog (5 digits leave 7 for the item reference: up to 10 million items). */
const PREFIX = '40123';
const SCANS = 2000;
const LOOKUPS = 20_000;

const gtinOf = (n: number): string => {
  const body = `0${PREFIX}${String(n).padStart(7, '0')}`;
  return `${body}${computeCheckDigit(body)}`;
};

/** Deterministic pseudo-random item numbers, so runs compare. */
function numbers(count: number, max: number, seed: number): number[] {
  let x = seed >>> 0;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return 1 + (x % max);
  });
}

const ms = (n: number) => Number(n.toFixed(3));
const us = (n: number) => Number(n.toFixed(2));

export const benchmark: Benchmark = {
  name: 'receiving',
  async run(): Promise<BenchRow[]> {
    const items = Number(process.env.WAREBENCH_BENCH_ITEMS ?? 1_000_000);
    if (!Number.isInteger(items) || items < 1 || items > 9_999_999)
      throw new Error(`WAREBENCH_BENCH_ITEMS must be 1..9999999, got ${process.env.WAREBENCH_BENCH_ITEMS}`);
    const dir = mkdtempSync(join(tmpdir(), 'warebench-bench-receiving-'));
    try {
      const db = await openStationDatabase(join(dir, 'station.sqlite'));
      loadDatasetIntoCache(db, buildDemoDataset(new Date()));

      // Bulk catalog: one INSERT ... SELECT over a recursive series, GTINs made by a JS function SQLite calls.
      const loadStart = performance.now();
      db.function('bench_gtin', { deterministic: true }, (n) => gtinOf(Number(n)));
      db.transaction(() => {
        db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
          INSERT INTO items (id, sku, description, unit_weight_g, item_class)
          SELECT 'BENCH-' || i, 'BENCH-SKU-' || i, 'Bench item ' || i, 10 + (i % 500), 'general' FROM n`).run(items);
        db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
          INSERT INTO item_barcodes (code, item_id, pack_qty) SELECT bench_gtin(i), 'BENCH-' || i, 1 FROM n`).run(items);
      })();
      const loadSeconds = (performance.now() - loadStart) / 1000;

      const station = createStation({ db, log: silentLogger(), dataDir: dir });
      const call = async (command: string, input: unknown) => {
        const result = await station.call(command, input);
        if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
      };
      await call('session.signIn', { badge: '1001' });
      await call('workflow.select', { workflow: 'receiving' });
      await call('receiving.open', { reference: 'PO-1001' });

      const codes = numbers(SCANS + 200, items, 7).map(gtinOf);
      const scan = (data: string) => station.scan({ data, symbology: 'unknown', source: 'serial', at: new Date().toISOString() });
      for (const code of codes.slice(0, 200)) await scan(code); // warm-up

      const decisions: number[] = [];
      // A catalog item the PO does not list is received as an extra, answered amber: it is still a receipt.
      let received = 0;
      for (const code of codes.slice(200)) {
        await nextTask();
        const start = performance.now();
        const feedback = await scan(code);
        decisions.push(performance.now() - start);
        if (feedback.outcome === 'accepted' || (feedback.outcome === 'warning' && feedback.reason === 'unexpected_item')) received += 1;
      }
      if (received !== SCANS) throw new Error(`expected every catalog scan to be received, ${received} of ${SCANS} were`);

      const unknown: number[] = [];
      for (let i = 0; i < 500; i += 1) {
        await nextTask();
        const start = performance.now();
        await scan(gtinOf(items + 1 + i));
        unknown.push(performance.now() - start);
      }

      const lookup = db.prepare('SELECT item_id, pack_qty FROM item_barcodes WHERE code = ?');
      const lookupCodes = numbers(LOOKUPS, items, 11).map(gtinOf);
      for (const code of lookupCodes.slice(0, 1000)) lookup.get(code);
      const lookups: number[] = [];
      for (let b = 0; b < LOOKUPS / 100; b += 1) {
        const start = performance.now();
        for (let i = 0; i < 100; i += 1) lookup.get(lookupCodes[b * 100 + i] ?? '');
        lookups.push(((performance.now() - start) * 1000) / 100);
      }

      await station.close();
      const lookupP50 = percentile(lookups, 50);
      const lookupP99 = percentile(lookups, 99);
      return [
        {
          figure: `catalog items (bulk insert ${items.toLocaleString('en')} items + barcodes)`,
          value: Number(loadSeconds.toFixed(2)),
          unit: 's',
        },
        {
          figure: 'scan-to-decision p50, catalog item received (parse, lookup, checks, line + journal + op in one transaction)',
          value: ms(percentile(decisions, 50)),
          unit: 'ms',
          baseline: { name: 'bare indexed barcode lookup p50 (ms)', value: ms(lookupP50 / 1000) },
        },
        {
          figure: 'scan-to-decision p99, catalog item received',
          value: ms(percentile(decisions, 99)),
          unit: 'ms',
          baseline: { name: 'bare indexed barcode lookup p99 (ms)', value: ms(lookupP99 / 1000) },
        },
        { figure: 'scan-to-decision p50, unknown barcode refused', value: ms(percentile(unknown, 50)), unit: 'ms' },
        { figure: 'scan-to-decision p99, unknown barcode refused', value: ms(percentile(unknown, 99)), unit: 'ms' },
        { figure: 'bare indexed barcode lookup p50', value: us(lookupP50), unit: 'µs' },
        { figure: 'bare indexed barcode lookup p99', value: us(lookupP99), unit: 'µs' },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
