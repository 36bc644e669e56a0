import { runScript, type ServerMigration } from './migration';

/** The first schema: master data, enrollment, the op log, receipts, cartons and the append-only ledger. */
export const initial: ServerMigration = {
  version: 1,
  name: 'initial',
  up: (db) =>
    runScript(
      db,
      `
CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO server_meta (key, value) VALUES ('epoch', gen_random_uuid()::text);

CREATE TABLE sites (
  id text PRIMARY KEY,
  settings jsonb NOT NULL,
  change_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enrollment_codes (
  code_hash text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  station_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stations (
  id uuid PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id),
  name text NOT NULL,
  role text NOT NULL,
  credential_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);

CREATE TABLE operators (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  badge text NOT NULL,
  active boolean NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE items (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  sku text NOT NULL,
  home_location text,
  over_receipt_tolerance_pct double precision,
  active boolean NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE item_barcodes (
  site_id text NOT NULL,
  item_id text NOT NULL,
  code text NOT NULL,
  pack_qty integer NOT NULL,
  PRIMARY KEY (site_id, item_id, code),
  FOREIGN KEY (site_id, item_id) REFERENCES items(site_id, id) ON DELETE CASCADE
);
CREATE INDEX item_barcodes_code ON item_barcodes (site_id, code);

CREATE TABLE locations (
  site_id text NOT NULL REFERENCES sites(id),
  code text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, code)
);

CREATE TABLE purchase_orders (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  status text NOT NULL,
  over_receipt_tolerance_pct double precision NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE po_lines (
  site_id text NOT NULL,
  po_id text NOT NULL,
  line_no integer NOT NULL,
  item_id text NOT NULL,
  qty_ordered integer NOT NULL,
  qty_received integer NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, po_id, line_no),
  FOREIGN KEY (site_id, po_id) REFERENCES purchase_orders(site_id, id) ON DELETE CASCADE
);

CREATE TABLE asns (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  po_id text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE asn_lines (
  site_id text NOT NULL,
  asn_id text NOT NULL,
  line_no integer NOT NULL,
  po_line_no integer NOT NULL,
  item_id text NOT NULL,
  qty integer NOT NULL,
  lot text,
  expiry date,
  sscc text,
  PRIMARY KEY (site_id, asn_id, line_no),
  FOREIGN KEY (site_id, asn_id) REFERENCES asns(site_id, id) ON DELETE CASCADE
);

CREATE TABLE orders (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE order_lines (
  site_id text NOT NULL,
  order_id text NOT NULL,
  line_no integer NOT NULL,
  item_id text NOT NULL,
  qty integer NOT NULL,
  PRIMARY KEY (site_id, order_id, line_no),
  FOREIGN KEY (site_id, order_id) REFERENCES orders(site_id, id) ON DELETE CASCADE
);

CREATE TABLE carton_types (
  site_id text NOT NULL REFERENCES sites(id),
  code text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, code)
);

CREATE TABLE holds (
  site_id text NOT NULL REFERENCES sites(id),
  id text NOT NULL,
  kind text NOT NULL,
  item_id text,
  lot text,
  location text,
  active boolean NOT NULL,
  released_at timestamptz,
  doc jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX holds_active ON holds (site_id) WHERE active;

-- One row per entity: its latest change. A pull from cursor 0 is a full snapshot.
CREATE TABLE change_log (
  site_id text NOT NULL REFERENCES sites(id),
  entity text NOT NULL,
  entity_id text NOT NULL,
  seq bigint NOT NULL,
  op text NOT NULL,
  record jsonb,
  PRIMARY KEY (site_id, entity, entity_id)
);
CREATE UNIQUE INDEX change_log_seq ON change_log (site_id, seq);

CREATE TABLE applied_ops (
  op_id uuid PRIMARY KEY,
  site_id text NOT NULL,
  station_id uuid NOT NULL,
  station_seq bigint NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  code text,
  reason text,
  at timestamptz NOT NULL,
  operator_id text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_ops_station ON applied_ops (station_id, station_seq);

CREATE TABLE station_exceptions (
  op_id uuid PRIMARY KEY REFERENCES applied_ops(op_id),
  site_id text NOT NULL,
  station_id uuid NOT NULL,
  kind text NOT NULL,
  code text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text,
  note text
);
CREATE INDEX station_exceptions_open ON station_exceptions (site_id, created_at) WHERE resolved_at IS NULL;

CREATE TABLE receipt_lines (
  op_id uuid PRIMARY KEY,
  site_id text NOT NULL,
  receipt_id text NOT NULL,
  po_id text NOT NULL,
  asn_id text,
  po_line_no integer,
  item_id text NOT NULL,
  qty integer NOT NULL,
  lot text,
  expiry date,
  serial text,
  condition text NOT NULL,
  reason text,
  lpn text,
  held boolean NOT NULL,
  station_id uuid NOT NULL,
  operator_id text NOT NULL,
  at timestamptz NOT NULL,
  undone_by uuid
);
CREATE INDEX receipt_lines_po ON receipt_lines (site_id, po_id);
CREATE INDEX receipt_lines_receipt ON receipt_lines (site_id, receipt_id);

CREATE TABLE receipts (
  site_id text NOT NULL,
  id text NOT NULL,
  po_id text NOT NULL,
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL,
  approved_by text,
  summary jsonb NOT NULL,
  op_id uuid NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- Serial numbers received and still in the building, so a second receipt of one is refused.
CREATE TABLE received_serials (
  site_id text NOT NULL,
  item_id text NOT NULL,
  serial text NOT NULL,
  op_id uuid NOT NULL,
  PRIMARY KEY (site_id, item_id, serial)
);

CREATE TABLE cartons (
  site_id text NOT NULL,
  id text NOT NULL,
  order_id text NOT NULL,
  sscc text NOT NULL,
  carton_type text NOT NULL,
  weight_g double precision NOT NULL,
  expected_g double precision NOT NULL,
  override_by text,
  override_reason text,
  carrier text NOT NULL,
  service text NOT NULL,
  tracking text NOT NULL,
  items jsonb NOT NULL,
  station_id uuid NOT NULL,
  operator_id text NOT NULL,
  packed_at timestamptz NOT NULL,
  shipped_at timestamptz,
  ship_op_id uuid,
  manifest_id text,
  op_id uuid NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX cartons_order ON cartons (site_id, order_id);

CREATE TABLE manifests (
  site_id text NOT NULL,
  id text NOT NULL,
  carrier text NOT NULL,
  date date NOT NULL,
  carton_ids jsonb NOT NULL,
  op_id uuid NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- Append-only: on-hand is the sum of qty grouped by item/location/lot.
CREATE TABLE inventory_ledger (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receipt','putaway','pack','ship','adjust','hold','release')),
  item_id text NOT NULL,
  lot text,
  serial text,
  location text NOT NULL,
  lpn text,
  qty integer NOT NULL,
  held boolean NOT NULL DEFAULT false,
  operator_id text,
  station_id uuid,
  op_id uuid,
  ref text,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_ledger_stock ON inventory_ledger (site_id, item_id, location, lot);
CREATE INDEX inventory_ledger_op ON inventory_ledger (op_id);
CREATE INDEX inventory_ledger_lpn ON inventory_ledger (site_id, lpn) WHERE lpn IS NOT NULL;

CREATE FUNCTION inventory_ledger_append_only() RETURNS trigger LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'inventory_ledger is append-only'; END $$;
CREATE TRIGGER inventory_ledger_no_update BEFORE UPDATE OR DELETE ON inventory_ledger
  FOR EACH ROW EXECUTE FUNCTION inventory_ledger_append_only()
`,
    ),
};
