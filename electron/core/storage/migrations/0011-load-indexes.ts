import type { Migration } from '../migrate';

const COLUMNS = `id, sku, description, unit_weight_g, length_mm, width_mm, height_mm, lot_tracked, serial_tracked, expiry_tracked,
  min_shelf_life_days, item_class, home_location, over_receipt_tolerance_pct, active`;

/**
 * An item's SKU stays unique through a named index instead of a constraint in the table, so a snapshot load can build
 * it once after the rows are in (one sort) instead of row by row. The tables are rebuilt with the same rows; the
 * barcodes go first so that dropping the old items table cascades to nothing.
 */
export const migration: Migration = {
  version: 11,
  name: 'load-indexes',
  up(db) {
    db.exec(`
      CREATE TABLE items_next (
        id TEXT PRIMARY KEY,
        sku TEXT NOT NULL,
        description TEXT NOT NULL,
        unit_weight_g REAL NOT NULL,
        length_mm REAL NOT NULL DEFAULT 0,
        width_mm REAL NOT NULL DEFAULT 0,
        height_mm REAL NOT NULL DEFAULT 0,
        lot_tracked INTEGER NOT NULL DEFAULT 0,
        serial_tracked INTEGER NOT NULL DEFAULT 0,
        expiry_tracked INTEGER NOT NULL DEFAULT 0,
        min_shelf_life_days INTEGER NOT NULL DEFAULT 0,
        item_class TEXT NOT NULL DEFAULT 'general',
        home_location TEXT,
        over_receipt_tolerance_pct REAL,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO items_next (${COLUMNS}) SELECT ${COLUMNS} FROM items;
      CREATE TABLE item_barcodes_next (
        code TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items_next(id) ON DELETE CASCADE,
        pack_qty INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO item_barcodes_next (code, item_id, pack_qty) SELECT code, item_id, pack_qty FROM item_barcodes;
      DROP TABLE item_barcodes;
      DROP TABLE items;
      ALTER TABLE items_next RENAME TO items;
      ALTER TABLE item_barcodes_next RENAME TO item_barcodes;
      CREATE UNIQUE INDEX items_sku ON items(sku);
      CREATE INDEX item_barcodes_item ON item_barcodes(item_id);
    `);
  },
};
