import type { Migration } from '../migrate';

/**
 * Cycle counts and inspections at receipt: the ERP's count tasks as pulled, each count with the on-hand the cache
 * had when it started (its snapshot) and what each round found, each inspection with its photo, and photos of goods
 * received damaged or to quarantine.
 */
export const migration: Migration = {
  version: 10,
  name: 'counts-inspections',
  up(db) {
    db.exec(`
      CREATE TABLE count_tasks (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('location','item','lpn')),
        location TEXT NOT NULL,
        item_id TEXT,
        lpn TEXT,
        blind INTEGER,                  -- NULL = the site's setting
        expected TEXT NOT NULL,         -- JSON array of count lines: the ledger's on-hand when issued
        status TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX count_tasks_location ON count_tasks(location, created_at);

      CREATE TABLE counts (
        id TEXT PRIMARY KEY,
        task_id TEXT,
        scope TEXT NOT NULL,
        location TEXT NOT NULL,
        item_id TEXT,
        lpn TEXT,
        blind INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        snapshot TEXT NOT NULL,         -- JSON count lines: the cache's on-hand when the count started
        status TEXT NOT NULL CHECK (status IN ('location','counting','recount','approval','posted','cancelled')),
        round INTEGER NOT NULL DEFAULT 1,
        counted_by TEXT NOT NULL,
        recounted_by TEXT,
        approved_by TEXT,
        op_id TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX counts_one_open ON counts((1)) WHERE status IN ('location','counting','recount','approval');

      CREATE TABLE count_scans (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        count_id TEXT NOT NULL REFERENCES counts(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        lot TEXT,
        qty INTEGER NOT NULL CHECK (qty > 0),
        source TEXT NOT NULL CHECK (source IN ('scan','weight')),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX count_scans_count ON count_scans(count_id, round);

      CREATE TABLE inspections (
        id TEXT PRIMARY KEY,
        receipt_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        units TEXT NOT NULL,            -- JSON unit results
        passed INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        photo BLOB,
        photo_mime TEXT,
        operator_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inspections_receipt ON inspections(receipt_id);

      CREATE TABLE receipt_photos (
        id TEXT PRIMARY KEY,
        receipt_id TEXT NOT NULL,
        condition TEXT NOT NULL CHECK (condition IN ('damaged','quarantine')),
        reason TEXT,
        photo BLOB NOT NULL,
        photo_mime TEXT NOT NULL,
        operator_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receipt_photos_receipt ON receipt_photos(receipt_id);
    `);
  },
};
