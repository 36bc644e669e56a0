import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/storage/migrate';
import { migrations } from '../../../electron/core/storage/migrations';
import { tempDir } from '../../support/temp-dir';

describe('station migration 7: receipts without PO', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('keeps the receipts, lines and license plates of an older cache, and their foreign keys, on a rebuilt receipts table', () => {
    const db = new Database(join(dir.path, 'v6.sqlite'));
    db.pragma('foreign_keys = ON');
    db.function('station_secret_hash', (_purpose: unknown, _value: unknown) => Buffer.alloc(32));
    migrate(db, migrations.slice(0, 6));
    db.exec(`
      INSERT INTO receipts (id, po_id, asn_id, opened_at, opened_by, current_lpn) VALUES ('RCV-1', 'PO-1', NULL, '2026-11-25T09:00:00Z', 'OP-A', 'LPN-1');
      INSERT INTO receiving_lpns (lpn, receipt_id, kind, container, created_at, created_by) VALUES ('LPN-1', 'RCV-1', 'internal', 'pallet', '2026-11-25T09:00:00Z', 'OP-A');
      INSERT INTO receipt_lines (receipt_id, scan_id, item_id, qty, condition, on_hold, source, at, operator_id, lpn)
        VALUES ('RCV-1', 's1', 'ITM-1', 3, 'good', 0, 'scan', '2026-11-25T09:00:00Z', 'OP-A', 'LPN-1');
    `);
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT id, kind, po_id, current_lpn FROM receipts').all()).toEqual([
      { id: 'RCV-1', kind: 'po', po_id: 'PO-1', current_lpn: 'LPN-1' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A receipt without PO needs its supplier; lines still need a receipt that exists.
    expect(() =>
      db.prepare("INSERT INTO receipts (id, kind, opened_at, opened_by) VALUES ('RCV-2', 'blind', '2026-11-25T09:00:00Z', 'OP-A')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO receipt_lines (receipt_id, scan_id, item_id, qty, condition, on_hold, source, at, operator_id)
          VALUES ('RCV-404', 's2', 'ITM-1', 1, 'good', 0, 'scan', '2026-11-25T09:00:00Z', 'OP-A')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
