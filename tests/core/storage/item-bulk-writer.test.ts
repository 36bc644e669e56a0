import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createItemBulkWriter } from '../../../electron/core/storage/item-bulk-writer';
import { createMasterDataWriter } from '../../../electron/core/storage/master-data';
import { createMeta } from '../../../electron/core/storage/meta';
import { migrate } from '../../../electron/core/storage/migrate';
import { migrations } from '../../../electron/core/storage/migrations';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { registerSecretHash } from '../../../electron/core/storage/station-secret';
import { Item } from '../../../shared/domain/master-data';
import { tempDir } from '../../support/temp-dir';

const item = (n: number) =>
  Item.parse({ id: `IT${n}`, sku: `SKU${n}`, description: `item ${n}`, unitWeightG: n, barcodes: [{ code: `0${n}`, packQty: 1 }] });
const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));
const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("the snapshot's item bulk writer", () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('writes items with their barcodes and the position on its own connection, durable once flushed', async () => {
    const db = await openStationDatabase(join(dir.path, 'bulk.sqlite'));
    const meta = createMeta(db);
    const bulk = createItemBulkWriter(db, createMasterDataWriter(db), (key, value) => meta.set(key, value), 150);
    // 100 rows stay in the worker's open transaction; the next write passes 150 rows and commits.
    await bulk.write(items(0, 100), [['test.position', '100']]);
    await bulk.write(items(100, 100), [['test.position', '200']]);
    await bulk.write(items(200, 70), [['test.position', '270']]);
    await bulk.flush();
    expect(count(db, 'items')).toBe(270);
    expect(count(db, 'item_barcodes')).toBe(270);
    expect(meta.get('test.position')).toBe('270');
    expect(db.prepare("SELECT item_id, pack_qty FROM item_barcodes WHERE code = '0199'").get()).toEqual({ item_id: 'IT199', pack_qty: 1 });
    await bulk.close();
    db.close();
  });

  it('a write the cache cannot take fails the writer: its transaction and position roll back, what was committed stays', async () => {
    const db = await openStationDatabase(join(dir.path, 'failing.sqlite'));
    const meta = createMeta(db);
    const bulk = createItemBulkWriter(db, createMasterDataWriter(db), (key, value) => meta.set(key, value), 1000);
    await bulk.write(items(0, 10), [['test.position', '10']]);
    await bulk.flush();
    await bulk.write(items(10, 10), [['test.position', '20']]);
    // IT5 again: the cache's keys refuse it, and with it the rows written since the last commit.
    await bulk.write([item(5)], [['test.position', '21']]).catch(() => undefined);
    await expect(bulk.flush()).rejects.toThrow(/could not be written: UNIQUE constraint failed: items\./);
    await expect(bulk.write(items(30, 1), [])).rejects.toThrow(/could not be written/);
    expect(count(db, 'items')).toBe(10);
    expect(meta.get('test.position')).toBe('10');
    await bulk.close();
    db.close();
  });

  it('without a file for a second connection, writes on the station connection in a transaction per write', async () => {
    const db = new Database(':memory:');
    registerSecretHash(db, Buffer.alloc(32, 1));
    migrate(db, migrations);
    const meta = createMeta(db);
    const bulk = createItemBulkWriter(db, createMasterDataWriter(db), (key, value) => meta.set(key, value), 1000);
    await bulk.write(items(0, 5), [['test.position', '5']]);
    await bulk.flush();
    expect(count(db, 'items')).toBe(5);
    expect(meta.get('test.position')).toBe('5');
    await bulk.close();
    db.close();
  });
});
