import { runScript, type ServerMigration } from './migration';

/**
 * Customer returns: RMAs from the ERP (with what their order shipped), the returns stations closed and each unit's
 * condition and disposition, and the ledger's `return` kind (returned stock comes back at its disposition's location).
 */
export const returns: ServerMigration = {
  version: 7,
  name: 'returns',
  up: (db) =>
    runScript(
      db,
      `
CREATE TABLE rmas (
  site_id text NOT NULL,
  id text NOT NULL,
  number text NOT NULL,
  order_id text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX rmas_order ON rmas (site_id, order_id);
CREATE TABLE returns (
  site_id text NOT NULL,
  id text NOT NULL,
  rma_id text NOT NULL,
  order_id text NOT NULL,
  station_id uuid NOT NULL,
  operator_id text NOT NULL,
  closed_at timestamptz NOT NULL,
  op_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, id)
);
CREATE INDEX returns_recorded ON returns (site_id, recorded_at);
CREATE TABLE return_units (
  site_id text NOT NULL,
  return_id text NOT NULL,
  unit_id text NOT NULL,
  item_id text NOT NULL,
  lot text,
  serial text,
  qty integer NOT NULL,
  condition text NOT NULL,
  disposition text NOT NULL,
  location text NOT NULL,
  held boolean NOT NULL,
  on_rma boolean NOT NULL,
  approved_by text,
  PRIMARY KEY (site_id, return_id, unit_id)
);
ALTER TABLE inventory_ledger DROP CONSTRAINT inventory_ledger_kind_check;
ALTER TABLE inventory_ledger ADD CONSTRAINT inventory_ledger_kind_check
  CHECK (kind IN ('receipt','putaway','pack','ship','adjust','hold','release','return'))
`,
    ),
};
