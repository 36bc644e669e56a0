import { runScript, type ServerMigration } from './migration';

/**
 * Receipts without PO or ASN (blind receipts): a receipt and its lines may name no PO; they carry the supplier and are
 * flagged unplanned, which the ERP lists and filters by.
 */
export const unplannedReceipts: ServerMigration = {
  version: 6,
  name: 'unplanned-receipts',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE receipts ALTER COLUMN po_id DROP NOT NULL;
ALTER TABLE receipts ADD COLUMN unplanned boolean NOT NULL DEFAULT false;
ALTER TABLE receipts ADD COLUMN supplier_id text;
ALTER TABLE receipts ADD COLUMN supplier_name text;
ALTER TABLE receipts ADD CONSTRAINT receipts_po_or_supplier CHECK (po_id IS NOT NULL OR (unplanned AND supplier_id IS NOT NULL));
ALTER TABLE receipt_lines ALTER COLUMN po_id DROP NOT NULL;
ALTER TABLE receipt_lines ADD COLUMN unplanned boolean NOT NULL DEFAULT false;
ALTER TABLE receipt_lines ADD COLUMN supplier_id text;
ALTER TABLE receipt_lines ADD CONSTRAINT receipt_lines_po_or_unplanned CHECK (po_id IS NOT NULL OR unplanned);
CREATE INDEX receipt_lines_unplanned ON receipt_lines (site_id, supplier_id) WHERE unplanned
`,
    ),
};
