import { runScript, type ServerMigration } from './migration';

/**
 * Every table that holds a site's data has site_id leading its primary key, so the schema can be distributed by
 * site (Citus: `site_id` is the distribution column, see server/README.md). Lookups that come without a site (a
 * credential's hash, an enrollment code's hash, a station id) keep a plain index; uniqueness of those is the
 * randomness of what they hash, not a constraint a distributed table could not keep.
 */
export const keyedBySite: ServerMigration = {
  version: 3,
  name: 'keyed-by-site',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE station_exceptions DROP CONSTRAINT station_exceptions_station_id_op_id_fkey;
ALTER TABLE station_exceptions DROP CONSTRAINT station_exceptions_pkey;
ALTER TABLE applied_ops DROP CONSTRAINT applied_ops_pkey;
ALTER TABLE applied_ops ADD PRIMARY KEY (site_id, station_id, op_id);
ALTER TABLE station_exceptions ADD PRIMARY KEY (site_id, station_id, op_id);
ALTER TABLE station_exceptions ADD FOREIGN KEY (site_id, station_id, op_id) REFERENCES applied_ops (site_id, station_id, op_id);
ALTER TABLE receipt_lines DROP CONSTRAINT receipt_lines_pkey;
ALTER TABLE receipt_lines ADD PRIMARY KEY (site_id, station_id, op_id);
ALTER TABLE inventory_ledger DROP CONSTRAINT inventory_ledger_pkey;
ALTER TABLE inventory_ledger ADD PRIMARY KEY (site_id, id);
ALTER TABLE stations DROP CONSTRAINT stations_credential_hash_key;
ALTER TABLE stations DROP CONSTRAINT stations_pkey;
ALTER TABLE stations ADD PRIMARY KEY (site_id, id);
CREATE INDEX stations_id ON stations (id);
CREATE INDEX stations_credential ON stations (credential_hash);
ALTER TABLE enrollment_codes DROP CONSTRAINT enrollment_codes_pkey;
ALTER TABLE enrollment_codes ADD PRIMARY KEY (site_id, code_hash);
CREATE INDEX enrollment_codes_hash ON enrollment_codes (code_hash)
`,
    ),
};
