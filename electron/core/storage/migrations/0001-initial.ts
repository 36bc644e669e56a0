import type { Migration } from '../migrate';

/** Master-data cache, the event journal and the sync outbox. */
export const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        badge TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        roles TEXT NOT NULL,            -- JSON array of roles
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
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

      CREATE TABLE item_barcodes (
        code TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        pack_qty INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX item_barcodes_item ON item_barcodes(item_id);

      CREATE TABLE locations (
        code TEXT PRIMARY KEY,
        zone TEXT NOT NULL,
        item_classes TEXT NOT NULL,     -- JSON array
        status TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available','hold','blocked')),
        capacity_units INTEGER NOT NULL DEFAULT 0,
        pick_sequence INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE purchase_orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        supplier TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        expected_date TEXT,
        over_receipt_tolerance_pct REAL NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE po_lines (
        po_id TEXT NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        qty_ordered INTEGER NOT NULL,
        PRIMARY KEY (po_id, line_no)
      ) STRICT;
      CREATE INDEX po_lines_item ON po_lines(item_id);

      CREATE TABLE asns (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        po_id TEXT NOT NULL,
        expected_weight_kg REAL
      ) STRICT;

      CREATE TABLE asn_lines (
        asn_id TEXT NOT NULL REFERENCES asns(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        po_line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        qty INTEGER NOT NULL,
        lot TEXT,
        expiry TEXT,
        sscc TEXT,
        PRIMARY KEY (asn_id, line_no)
      ) STRICT;
      CREATE INDEX asn_lines_sscc ON asn_lines(sscc) WHERE sscc IS NOT NULL;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        tote TEXT,
        ship_to TEXT NOT NULL,          -- JSON Address
        carrier TEXT NOT NULL,
        service TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        gift INTEGER NOT NULL DEFAULT 0,
        fragile INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open'
      ) STRICT;
      CREATE INDEX orders_tote ON orders(tote) WHERE tote IS NOT NULL;

      CREATE TABLE order_lines (
        order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        qty INTEGER NOT NULL,
        PRIMARY KEY (order_id, line_no)
      ) STRICT;

      CREATE TABLE carton_types (
        code TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        inner_length_mm REAL NOT NULL,
        inner_width_mm REAL NOT NULL,
        inner_height_mm REAL NOT NULL,
        tare_g REAL NOT NULL,
        max_weight_g REAL NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE holds (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('item','lot','location')),
        item_id TEXT,
        lot TEXT,
        location TEXT,
        reason TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX holds_item ON holds(item_id) WHERE active = 1;

      -- Append-only record of every action at this station: who, when, what.
      CREATE TABLE journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        station_id TEXT NOT NULL,
        operator_id TEXT,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL           -- JSON
      ) STRICT;
      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

      -- Operations for the central server, written in the same transaction as the change they describe.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- stationSeq: push order
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        operator_id TEXT NOT NULL,
        payload TEXT NOT NULL,                   -- JSON
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','applied','duplicate','rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        reject_code TEXT,
        reject_reason TEXT,
        done_at TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(seq) WHERE state = 'pending';
    `);
  },
};
