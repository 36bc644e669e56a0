import { runScript, type ServerMigration } from './migration';

/**
 * An op id names one op of one station: the op log, the exceptions and the receipt lines are keyed by
 * (station_id, op_id), so an op id another station already used is a new op here, judged on its own.
 */
export const opIdsPerStation: ServerMigration = {
  version: 2,
  name: 'op-ids-per-station',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE station_exceptions DROP CONSTRAINT station_exceptions_op_id_fkey;
ALTER TABLE station_exceptions DROP CONSTRAINT station_exceptions_pkey;
ALTER TABLE applied_ops DROP CONSTRAINT applied_ops_pkey;
ALTER TABLE applied_ops ADD PRIMARY KEY (station_id, op_id);
ALTER TABLE station_exceptions ADD PRIMARY KEY (station_id, op_id);
ALTER TABLE station_exceptions ADD FOREIGN KEY (station_id, op_id) REFERENCES applied_ops (station_id, op_id);
CREATE INDEX station_exceptions_station_open ON station_exceptions (station_id, created_at) WHERE resolved_at IS NULL;
ALTER TABLE receipt_lines DROP CONSTRAINT receipt_lines_pkey;
ALTER TABLE receipt_lines ADD PRIMARY KEY (station_id, op_id);
CREATE INDEX receipt_lines_op ON receipt_lines (op_id, station_id)
`,
    ),
};
