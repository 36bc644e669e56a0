import { runScript, type ServerMigration } from './migration';

/**
 * A carton of a carrier order that left the bench with a house label (the carrier could not be reached) needs a
 * carrier label before it ships: flagged here, listed for the ERP, and its carrier's manifest cannot close.
 */
export const cartonRelabel: ServerMigration = {
  version: 5,
  name: 'carton-relabel',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE cartons ADD COLUMN needs_relabel boolean NOT NULL DEFAULT false;
ALTER TABLE cartons ADD COLUMN relabelled_at timestamptz;
ALTER TABLE cartons ADD COLUMN house_tracking text;
CREATE INDEX cartons_needs_relabel ON cartons (site_id, carrier) WHERE needs_relabel
`,
    ),
};
