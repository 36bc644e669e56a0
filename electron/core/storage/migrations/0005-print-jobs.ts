import type { Migration } from '../migrate';

/** Durable print queue: one row per job; reprints are rows of their own pointing at the original. */
export const migration: Migration = {
  version: 5,
  name: 'print-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL,       -- e.g. carton:<id>:label
        reprint_of TEXT REFERENCES print_jobs(id),
        reason TEXT,                          -- why a reprint was asked for
        target TEXT NOT NULL,                 -- tcp://host:port, cups:QUEUE, win:PRINTER, sim:NAME
        description TEXT NOT NULL DEFAULT '',
        payload BLOB NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'done', 'failed', 'uncertain')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,     -- ms since the epoch
        last_error TEXT,
        resolution TEXT,                      -- the operator's decision on an uncertain or failed job
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((reprint_of IS NULL) = (reason IS NULL))
      ) STRICT;
      -- One original job per key: enqueuing the same label again returns it instead of printing twice.
      CREATE UNIQUE INDEX print_jobs_original_key ON print_jobs (idempotency_key) WHERE reprint_of IS NULL;
      CREATE INDEX print_jobs_state ON print_jobs (state, seq);
    `);
  },
};
