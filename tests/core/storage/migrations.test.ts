import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseVersionError, migrate } from '../../../electron/core/storage/migrate';
import { migrations } from '../../../electron/core/storage/migrations';
import { DatabaseOpenError, openStationDatabase } from '../../../electron/core/storage/open';
import { registerSecretHash } from '../../../electron/core/storage/station-secret';
import { tempDir } from '../../support/temp-dir';

describe('station database', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('migrates a new file to the latest version, in WAL mode, and a second open changes nothing', async () => {
    const path = join(dir.path, 'a.sqlite');
    const db = await openStationDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of [
      'items',
      'item_barcodes',
      'locations',
      'purchase_orders',
      'po_lines',
      'asns',
      'orders',
      'order_lines',
      'carton_types',
      'holds',
      'operators',
      'journal',
      'outbox',
    ]) {
      expect(tables).toContain(t);
    }
    db.close();
    const again = await openStationDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('keeps the items and barcodes of a cache from before the SKU index and the barcode b-tree, with SKUs and codes unique and barcodes cascading', () => {
    const db = new Database(join(dir.path, 'before-load-indexes.sqlite'));
    db.pragma('foreign_keys = ON');
    registerSecretHash(db, Buffer.alloc(32, 7));
    migrate(
      db,
      migrations.filter((m) => m.version <= 10),
    );
    db.prepare("INSERT INTO items (id, sku, description, unit_weight_g) VALUES ('A', 'SKU-A', 'a', 10), ('B', 'SKU-B', 'b', 20)").run();
    db.prepare("INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES ('111', 'A', 1), ('112', 'A', 6), ('221', 'B', 1)").run();
    migrate(db, migrations);
    expect(db.prepare('SELECT id, sku, unit_weight_g FROM items ORDER BY id').all()).toEqual([
      { id: 'A', sku: 'SKU-A', unit_weight_g: 10 },
      { id: 'B', sku: 'SKU-B', unit_weight_g: 20 },
    ]);
    expect(db.prepare('SELECT code, item_id, pack_qty FROM item_barcodes ORDER BY code').all()).toEqual([
      { code: '111', item_id: 'A', pack_qty: 1 },
      { code: '112', item_id: 'A', pack_qty: 6 },
      { code: '221', item_id: 'B', pack_qty: 1 },
    ]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'item_barcodes'").get()).toEqual({
      sql: expect.stringContaining('WITHOUT ROWID'),
    });
    expect(() => db.prepare("INSERT INTO item_barcodes (code, item_id) VALUES ('111', 'B')").run()).toThrow(
      /UNIQUE constraint failed: item_barcodes.code/,
    );
    expect(() => db.prepare("INSERT INTO items (id, sku, description, unit_weight_g) VALUES ('C', 'SKU-A', 'c', 1)").run()).toThrow(
      /UNIQUE constraint failed: items.sku/,
    );
    expect(() => db.prepare("INSERT INTO item_barcodes (code, item_id) VALUES ('999', 'NOPE')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM items WHERE id = 'A'").run();
    expect(db.prepare('SELECT code FROM item_barcodes').all()).toEqual([{ code: '221' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', async () => {
    const path = join(dir.path, 'newer.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    await expect(openStationDatabase(path)).rejects.toThrow(DatabaseVersionError);
    await expect(openStationDatabase(path)).rejects.toThrow(/newer Warebench/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 5);
    check.close();
  });

  it('refuses a corrupt file with a message that says what to do', async () => {
    const path = join(dir.path, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a database file, it is a shopping list'.repeat(100));
    const error = await openStationDatabase(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/not a Warebench database|damaged/);
  });

  it('rolls back every step of a failing migration', () => {
    const db = new Database(join(dir.path, 'rollback.sqlite'));
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE x (a); SELECT nonsense FROM nowhere;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'items'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the journal append-only', async () => {
    const db = await openStationDatabase(join(dir.path, 'journal.sqlite'));
    db.prepare("INSERT INTO journal (at, station_id, operator_id, kind, payload) VALUES ('2026-01-01', 's', 'o', 'k', '{}')").run();
    expect(() => db.prepare("UPDATE journal SET kind = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    db.close();
  });
});
