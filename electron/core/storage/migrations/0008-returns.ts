import type { Migration } from '../migrate';

/**
 * Returns: the RMAs the station pulls (with what their order shipped), the codes that open one (return label,
 * order, shipment tracking or SSCC), and the returns received here with each unit's condition and disposition.
 */
export const migration: Migration = {
  version: 8,
  name: 'returns',
  up(db) {
    db.exec(`
      CREATE TABLE rmas (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        order_id TEXT NOT NULL,
        customer TEXT NOT NULL,
        status TEXT NOT NULL,
        doc TEXT NOT NULL               -- the whole RMA as pulled (lines, shipped units)
      ) STRICT;
      CREATE INDEX rmas_customer ON rmas(customer COLLATE NOCASE);

      -- Every code that opens an RMA: its number, its order's id, the outbound shipment's tracking numbers and SSCCs.
      CREATE TABLE rma_codes (
        code TEXT NOT NULL,
        rma_id TEXT NOT NULL,
        PRIMARY KEY (code, rma_id)
      ) STRICT;
      CREATE INDEX rma_codes_rma ON rma_codes(rma_id);

      CREATE TABLE returns (
        id TEXT PRIMARY KEY,
        rma_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX returns_open_rma ON returns(rma_id) WHERE status = 'open';

      CREATE TABLE return_units (
        id TEXT PRIMARY KEY,
        return_id TEXT NOT NULL REFERENCES returns(id),
        seq INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        lot TEXT,
        expiry TEXT,
        serial TEXT,
        qty INTEGER NOT NULL CHECK (qty > 0),
        condition TEXT,
        disposition TEXT,
        location TEXT,
        held INTEGER NOT NULL DEFAULT 0,
        on_rma INTEGER NOT NULL,
        approved_by TEXT,
        at TEXT NOT NULL,
        operator_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX return_units_return ON return_units(return_id, seq);
      -- A serial comes back once per return.
      -- A recall hold: what it covers never goes back to stock.
      ALTER TABLE holds ADD COLUMN recall INTEGER NOT NULL DEFAULT 0;

      CREATE UNIQUE INDEX return_units_serial ON return_units(return_id, item_id, serial) WHERE serial IS NOT NULL;
    `);
  },
};
