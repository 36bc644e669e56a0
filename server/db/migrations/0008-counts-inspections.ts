import { runScript, type ServerMigration } from './migration';

/**
 * Cycle counts and inspections at receipt: the ERP's count tasks, each count a station posted (its lines and the
 * variances the server judged against the ledger), each inspection with its photo, and photos of goods received
 * damaged or to quarantine, kept for the ERP to fetch.
 */
export const countsInspections: ServerMigration = {
  version: 8,
  name: 'counts-inspections',
  up: (db) =>
    runScript(
      db,
      `
CREATE TABLE count_tasks (
  site_id text NOT NULL REFERENCES sites (id),
  id text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, id)
);
CREATE TABLE counts (
  site_id text NOT NULL REFERENCES sites (id),
  id text NOT NULL,
  task_id text,
  location text NOT NULL,
  started_at timestamptz NOT NULL,
  lines jsonb NOT NULL,
  variances jsonb NOT NULL,
  counted_by text NOT NULL,
  recounted_by text,
  approved_by text,
  station_id text NOT NULL,
  op_id uuid NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, id)
);
CREATE TABLE inspections (
  site_id text NOT NULL REFERENCES sites (id),
  id text NOT NULL,
  receipt_id text NOT NULL,
  po_id text NOT NULL,
  item_id text NOT NULL,
  units jsonb NOT NULL,
  answers jsonb NOT NULL,
  passed integer NOT NULL,
  failed integer NOT NULL,
  photo bytea,
  photo_mime text,
  station_id text NOT NULL,
  operator_id text NOT NULL,
  op_id uuid NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE TABLE receipt_photos (
  site_id text NOT NULL REFERENCES sites (id),
  id text NOT NULL,
  receipt_id text NOT NULL,
  po_id text NOT NULL,
  condition text NOT NULL,
  reason text,
  photo bytea NOT NULL,
  photo_mime text NOT NULL,
  station_id text NOT NULL,
  operator_id text NOT NULL,
  op_id uuid NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX receipt_photos_receipt ON receipt_photos (site_id, receipt_id);
CREATE INDEX inventory_ledger_location_at ON inventory_ledger (site_id, location, at)
`,
    ),
};
