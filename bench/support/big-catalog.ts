import type { Database } from 'better-sqlite3';
import { makeGtin14 } from '../../shared/demo/gtin';

export const BENCH_COMPANY_PREFIX = '0614141';

/** GTIN of the n-th bench item (refs start after the demo dataset's). */
export const benchGtin = (n: number) => makeGtin14(0, BENCH_COMPANY_PREFIX, 100_000 + n);

/** Adds `count` items with one GTIN each to a station cache, in one transaction of prepared inserts. */
export function seedCatalog(db: Database, count: number): void {
  const item = db.prepare(`INSERT INTO items (id, sku, description, unit_weight_g, length_mm, width_mm, height_mm)
    VALUES (?, ?, ?, ?, 100, 80, 60)`);
  const barcode = db.prepare('INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES (?, ?, 1)');
  db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const id = `BENCH-${n}`;
      item.run(id, `B${n}`, `Bench item ${n}`, 100 + (n % 900));
      barcode.run(benchGtin(n), id);
    }
  })();
}
