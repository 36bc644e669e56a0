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
import { type PackedItems, packItem } from '../../../shared/sync-protocol';
import { tempDir } from '../../support/temp-dir';

const item = (n: number) =>
  Item.parse({ id: `IT${n}`, sku: `SKU${n}`, description: `item ${n}`, unitWeightG: n, barcodes: [{ code: `0${n}`, packQty: 1 }] });
const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));
const packedOf = (list: Item[]): PackedItems => {
  const texts: string[] = [];
  const numbers: number[] = [];
  for (const i of list) packItem(i, texts, numbers);
  return { count: list.length, text: texts.join(''), numbers };
};
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

  it('stores every field of every item and barcode exactly as the station connection does (nulls, flags, texts of any kind)', async () => {
    const varied = [
      Item.parse({
        id: 'V1',
        sku: 'SKU-V1',
        description: 'Schraube M6 × 20 — Ø 6 mm, 🔩 tüte',
        unitWeightG: 21.5,
        lengthMm: 20,
        widthMm: 6,
        heightMm: 4,
        lotTracked: true,
        expiryTracked: true,
        minShelfLifeDays: 30,
        itemClass: 'hazmat',
        homeLocation: 'A-01',
        overReceiptTolerancePct: 2.5,
        barcodes: [
          { code: '04012345678901', packQty: 1 },
          { code: '14012345678908', packQty: 12 },
        ],
      }),
      Item.parse({ id: 'V2', sku: 'SKU-V2', description: '', unitWeightG: 0, serialTracked: true, active: false }),
      Item.parse({
        id: 'V3',
        sku: 'ｓｋｕ\u0000\t"quoted"',
        description: 'line\nbreak',
        unitWeightG: 1_000_000,
        barcodes: [{ code: 'X', packQty: 3 }],
      }),
      ...items(0, 100),
    ];
    const rowsOf = (db: Database.Database) => ({
      items: db.prepare('SELECT *, typeof(unit_weight_g) AS w, typeof(over_receipt_tolerance_pct) AS t FROM items ORDER BY id').all(),
      barcodes: db.prepare('SELECT *, typeof(pack_qty) AS q FROM item_barcodes ORDER BY code').all(),
    });
    const db = await openStationDatabase(join(dir.path, 'fields.sqlite'));
    const meta = createMeta(db);
    const bulk = createItemBulkWriter(db, createMasterDataWriter(db), (key, value) => meta.set(key, value), 1000);
    await bulk.write(varied.slice(0, 50), []);
    await bulk.write(varied.slice(50), []);
    await bulk.flush();
    await bulk.close();
    const direct = new Database(':memory:');
    registerSecretHash(direct, Buffer.alloc(32, 1));
    migrate(direct, migrations);
    direct.transaction(() => createMasterDataWriter(direct).newItems(varied))();
    const written = rowsOf(db);
    expect(written.items).toHaveLength(varied.length);
    expect(written.barcodes).toHaveLength(varied.reduce((n, it) => n + it.barcodes.length, 0));
    expect(written).toEqual(rowsOf(direct));

    // The same items as a packed frame brings them: handed to the worker as they are, and on the station's own
    // connection where there is no file for a second one.
    const packedDb = await openStationDatabase(join(dir.path, 'packed.sqlite'));
    const inMemory = new Database(':memory:');
    registerSecretHash(inMemory, Buffer.alloc(32, 1));
    migrate(inMemory, migrations);
    for (const target of [packedDb, inMemory]) {
      const targetMeta = createMeta(target);
      const packedBulk = createItemBulkWriter(target, createMasterDataWriter(target), (key, value) => targetMeta.set(key, value), 1000);
      await packedBulk.write(packedOf(varied.slice(0, 50)), [['test.position', '50']]);
      await packedBulk.write(packedOf(varied.slice(50)), [['test.position', String(varied.length)]]);
      await packedBulk.flush();
      await packedBulk.close();
      expect(rowsOf(target)).toEqual(written);
      expect(targetMeta.get('test.position')).toBe(String(varied.length));
      target.close();
    }
    direct.close();
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
