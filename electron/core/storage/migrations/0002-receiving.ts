import type { Migration } from '../migrate';

/** Receipts against purchase orders, their received lines, and the license plates goods are received onto. */
export const migration: Migration = {
  version: 2,
  name: 'receiving',
  up(db) {
    db.exec(`
      CREATE TABLE receipts (
        id TEXT PRIMARY KEY,
        po_id TEXT NOT NULL,
        asn_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        current_lpn TEXT,
        closed_at TEXT,
        closed_by TEXT,
        approved_by TEXT,
        summary TEXT                    -- JSON close lines
      ) STRICT;
      -- One open receipt per PO at this station.
      CREATE UNIQUE INDEX receipts_open_po ON receipts(po_id) WHERE status = 'open';

      CREATE TABLE receipt_lines (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_id TEXT NOT NULL REFERENCES receipts(id),
        scan_id TEXT NOT NULL,          -- one scan or entry; an approved over-receipt may split into two lines
        op_id TEXT UNIQUE,              -- the receipt.line op that tells the server
        po_line_no INTEGER,             -- null: an item the PO does not list
        beyond_tolerance INTEGER NOT NULL DEFAULT 0,
        item_id TEXT NOT NULL,
        qty INTEGER NOT NULL CHECK (qty > 0),
        lot TEXT,
        expiry TEXT,
        serial TEXT,
        condition TEXT NOT NULL CHECK (condition IN ('good','damaged','quarantine')),
        reason TEXT,
        photo_path TEXT,
        lpn TEXT,
        on_hold INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('scan','typed','weight')),
        barcode TEXT,
        approved_by TEXT,
        at TEXT NOT NULL,
        operator_id TEXT NOT NULL,
        undone_at TEXT,
        undone_by TEXT,
        undo_op_id TEXT
      ) STRICT;
      CREATE INDEX receipt_lines_receipt ON receipt_lines(receipt_id, id);
      CREATE INDEX receipt_lines_po_line ON receipt_lines(receipt_id, po_line_no) WHERE undone_at IS NULL;
      CREATE INDEX receipt_lines_lpn ON receipt_lines(lpn) WHERE lpn IS NOT NULL;
      -- A serial is received once per item, across the station's history (undone lines free it again).
      CREATE UNIQUE INDEX receipt_lines_serial ON receipt_lines(item_id, serial) WHERE serial IS NOT NULL AND undone_at IS NULL;

      CREATE TABLE receiving_lpns (
        lpn TEXT PRIMARY KEY,
        receipt_id TEXT NOT NULL REFERENCES receipts(id),
        kind TEXT NOT NULL CHECK (kind IN ('sscc','internal','supplier')),
        container TEXT NOT NULL CHECK (container IN ('pallet','tote')),
        sscc TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        weight_kg REAL,
        weighed_at TEXT,
        location TEXT,
        put_away_at TEXT,
        put_away_by TEXT,
        labels_printed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX receiving_lpns_receipt ON receiving_lpns(receipt_id);
      CREATE INDEX receiving_lpns_location ON receiving_lpns(location) WHERE location IS NOT NULL;
    `);
  },
};
