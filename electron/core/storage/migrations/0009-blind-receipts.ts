import type { Migration } from '../migrate';

/**
 * Receipts without a PO (blind receipts, for a supplier chosen from the site's list), the expected gross weight of
 * each supplier pallet an ASN announces, and received units split off onto another license plate. `receipts` is rebuilt for a nullable `po_id`; its lines and license plates
 * keep pointing at it (their foreign keys are deferred to the migration's commit).
 */
export const migration: Migration = {
  version: 9,
  name: 'blind-receipts',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      -- Copied aside, dropped, made anew and filled again: the lines' and plates' foreign keys find their receipts
      -- once more before the commit checks them.
      CREATE TEMP TABLE receipts_before AS SELECT * FROM receipts;
      DROP TABLE receipts;
      CREATE TABLE receipts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'po' CHECK (kind IN ('po','blind')),
        po_id TEXT,
        asn_id TEXT,
        supplier_id TEXT,
        supplier_name TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        current_lpn TEXT,
        closed_at TEXT,
        closed_by TEXT,
        approved_by TEXT,
        summary TEXT,                   -- JSON close lines
        CHECK ((kind = 'po' AND po_id IS NOT NULL) OR (kind = 'blind' AND po_id IS NULL AND supplier_id IS NOT NULL))
      ) STRICT;
      INSERT INTO receipts (id, kind, po_id, asn_id, status, opened_at, opened_by, current_lpn, closed_at, closed_by, approved_by, summary)
        SELECT id, 'po', po_id, asn_id, status, opened_at, opened_by, current_lpn, closed_at, closed_by, approved_by, summary FROM receipts_before;
      DROP TABLE receipts_before;
      -- One open receipt per PO at this station.
      CREATE UNIQUE INDEX receipts_open_po ON receipts(po_id) WHERE status = 'open' AND po_id IS NOT NULL;

      -- Units split off a license plate onto a new one: the new row names the row it came from, the old row the plate
      -- its units left (such a scan is no longer undone as a whole).
      ALTER TABLE receipt_lines ADD COLUMN split_of INTEGER REFERENCES receipt_lines(id);
      ALTER TABLE receipt_lines ADD COLUMN moved_from TEXT;

      CREATE TABLE asn_pallets (
        asn_id TEXT NOT NULL REFERENCES asns(id) ON DELETE CASCADE,
        sscc TEXT NOT NULL,
        expected_gross_kg REAL NOT NULL CHECK (expected_gross_kg > 0),
        PRIMARY KEY (asn_id, sscc)
      ) STRICT;
      CREATE INDEX asn_pallets_sscc ON asn_pallets(sscc);
    `);
  },
};
