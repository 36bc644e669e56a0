// The station half of the initial sync figure in a process of its own, as a station runs: it loads the site's snapshot
// into a new cache file, then times a bare bulk insert of the same rows into the same file (the baseline), and prints
// one JSON line. Arguments: <cache file> <server URL> <station credential> <item count>.
import { openStationDatabase } from '../../electron/core/storage/open';
import { until } from '../types';
import { benchItems } from './bench-items';
import { benchSyncClient } from './sync-client';

const [file, serverUrl, credential, countArg] = process.argv.slice(2);
if (!file || !serverUrl || !credential || !countArg)
  throw new Error('usage: initial-sync-main <cache file> <server URL> <credential> <items>');
const itemCount = Number(countArg);

const db = await openStationDatabase(file);
const client = benchSyncClient(db, serverUrl, credential);
client.start();
let t0 = performance.now();
await until(() => client.state().initialSync.done, 3_600_000, 10);
const syncMs = performance.now() - t0;
await client.stop();
const cached = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;

// Baseline: a bare bulk insert of the same rows into the same file (made before its clock starts).
const all = benchItems(0, itemCount);
db.exec('CREATE TABLE bench_items AS SELECT * FROM items WHERE 0');
const insert = db.prepare(`INSERT INTO bench_items (id, sku, description, unit_weight_g, length_mm, width_mm, height_mm, lot_tracked,
  serial_tracked, expiry_tracked, min_shelf_life_days, item_class, home_location, over_receipt_tolerance_pct, active)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
t0 = performance.now();
db.transaction(() => {
  for (const it of all) {
    insert.run(
      it.id,
      it.sku,
      it.description,
      it.unitWeightG,
      it.lengthMm,
      it.widthMm,
      it.heightMm,
      it.lotTracked ? 1 : 0,
      0,
      it.expiryTracked ? 1 : 0,
      0,
      it.itemClass,
      null,
      null,
      1,
    );
  }
})();
const bareMs = performance.now() - t0;
db.exec('DROP TABLE bench_items');
db.close();
process.stdout.write(`${JSON.stringify({ syncMs, bareMs, cached })}\n`);
