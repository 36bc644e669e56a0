import type { Migration } from '../migrate';

/** Ops the server refused, for the Sync screen; they never block the outbox. Cursor and epoch live in `meta`. */
export const migration: Migration = {
  version: 4,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_exceptions (
        op_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        payload TEXT NOT NULL,          -- JSON, as pushed
        operator_id TEXT NOT NULL,
        at TEXT NOT NULL,               -- when the op was made
        rejected_at TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX sync_exceptions_open ON sync_exceptions(rejected_at) WHERE resolved_at IS NULL;
    `);
  },
};
