import type { Migration } from '../migrate';

/**
 * Pack bench: orders on the bench, their cartons (SSCC, weight check, label), the units verified into them,
 * and carrier manifests. Order lines stay in the master-data cache (a pull may rewrite them); units refer
 * to them by order id and line number.
 */
export const migration: Migration = {
  version: 3,
  name: 'packing',
  up(db) {
    db.exec(`
      CREATE TABLE pack_orders (
        order_id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('active','parked','shipped','problem','cancelled')),
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        next_carton_type TEXT,
        cancel_seen_at TEXT,
        problem_reason TEXT,
        closed_by TEXT,
        closed_at TEXT
      ) STRICT;
      -- One order on the bench at a time.
      CREATE UNIQUE INDEX pack_orders_one_active ON pack_orders(state) WHERE state = 'active';

      CREATE TABLE pack_manifests (
        id TEXT PRIMARY KEY,
        carrier TEXT NOT NULL,
        date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open','closed')),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX pack_manifests_one_open ON pack_manifests(carrier, date) WHERE state = 'open';

      CREATE TABLE pack_cartons (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES pack_orders(order_id),
        seq INTEGER NOT NULL,
        sscc TEXT NOT NULL UNIQUE,
        carton_type TEXT NOT NULL,
        tare_g REAL NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open','closed','discarded')),
        carrier TEXT NOT NULL,
        service TEXT NOT NULL,
        weight_status TEXT CHECK (weight_status IN ('ok','out','overridden')),
        weight_g REAL,
        expected_g REAL,
        tolerance_g REAL,
        weighed_at TEXT,
        override_by TEXT,
        override_reason TEXT,
        tracking TEXT,
        label_state TEXT CHECK (label_state IN ('printed','voided')),
        label_adapter TEXT,
        label_fallback INTEGER NOT NULL DEFAULT 0,
        label_zpl TEXT,
        label_seq INTEGER NOT NULL DEFAULT 0,
        label_job_id TEXT,
        label_print_state TEXT,
        label_print_error TEXT,
        label_prints INTEGER NOT NULL DEFAULT 0,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_by TEXT,
        closed_at TEXT,
        shipped_at TEXT,
        manifest_id TEXT REFERENCES pack_manifests(id),
        UNIQUE (order_id, seq)
      ) STRICT;
      CREATE UNIQUE INDEX pack_cartons_one_open ON pack_cartons(order_id) WHERE state = 'open';
      CREATE INDEX pack_cartons_manifest ON pack_cartons(manifest_id) WHERE manifest_id IS NOT NULL;
      -- A closed manifest has been handed to the carrier: it takes no more cartons.
      CREATE TRIGGER pack_cartons_closed_manifest BEFORE UPDATE OF manifest_id ON pack_cartons
        WHEN NEW.manifest_id IS NOT NULL AND (SELECT state FROM pack_manifests WHERE id = NEW.manifest_id) = 'closed'
        BEGIN SELECT RAISE(ABORT, 'the manifest is closed: it takes no more cartons'); END;

      CREATE TABLE pack_units (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        carton_id TEXT NOT NULL REFERENCES pack_cartons(id),
        order_id TEXT NOT NULL,
        line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        qty INTEGER NOT NULL CHECK (qty > 0),
        lot TEXT,
        expiry TEXT,
        serial TEXT,
        via TEXT NOT NULL CHECK (via IN ('scan','case','quantity')),
        operator_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pack_units_carton ON pack_units(carton_id);
      CREATE INDEX pack_units_order_line ON pack_units(order_id, line_no);
      CREATE INDEX pack_units_at ON pack_units(at);
      -- A serial ships once: in this shipment and across the station's history.
      CREATE UNIQUE INDEX pack_units_serial ON pack_units(item_id, serial) WHERE serial IS NOT NULL;
      -- Bench KPIs count journal entries of a kind since the start of the shift.
      CREATE INDEX journal_kind_at ON journal(kind, at);
    `);
  },
};
