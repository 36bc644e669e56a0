import type { Migration } from '../migrate';

/**
 * Badges stop being stored: each becomes a keyed hash (`station_secret_hash`, registered by `openStationDatabase` with the
 * station's key), and operators may carry a hashed PIN. Existing rows are converted in place.
 */
export const migration: Migration = {
  version: 6,
  name: 'badge-hashes',
  up(db) {
    db.exec(`
      CREATE TABLE operators_hashed (
        id TEXT PRIMARY KEY,
        badge_hash BLOB NOT NULL UNIQUE,
        pin_hash BLOB,
        name TEXT NOT NULL,
        roles TEXT NOT NULL,            -- JSON array of roles
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO operators_hashed (id, badge_hash, pin_hash, name, roles, active)
        SELECT id, station_secret_hash('badge', badge), NULL, name, roles, active FROM operators;
      DROP TABLE operators;
      ALTER TABLE operators_hashed RENAME TO operators;
    `);
  },
};
