import type { Database } from 'better-sqlite3';

/** Quiet time after the last recorded change before the WAL is checkpointed. */
const IDLE_MS = 1_000;
/**
 * Commits after which a station that never rests checkpoints all the same, between two changes. A scan commits
 * about eight pages: this stays far below SQLite's own threshold (`wal_autocheckpoint`), which runs inside a commit.
 */
const BUSY_COMMITS = 128;

/**
 * Moves the WAL into the database file when the station has been quiet for a moment, so a scan's commit never
 * pays for a checkpoint (SQLite's automatic one runs inside the commit that crosses its threshold, an fsync of the
 * database file on top of the WAL's). A station that never rests checkpoints every `busyCommits` commits, once the
 * change at hand has been answered (after the current turn of the event loop), never inside a transaction.
 * SQLite's own threshold (`wal_autocheckpoint`, set high in `open.ts`) is left as the last bound.
 */
export function createIdleCheckpointer(db: Database, idleMs = IDLE_MS, busyCommits = BUSY_COMMITS) {
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Immediate | null = null;
  let commits = 0;
  const checkpoint = () => {
    if (!db.open || db.inTransaction) return;
    commits = 0;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A checkpoint that cannot run now (the disk full, the file read-only) runs again after the next change.
    }
  };
  return {
    /** A change was committed: checkpoint once the station has been quiet for `idleMs`, or after `busyCommits` of them. */
    changed(): void {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(() => {
          timer = null;
          checkpoint();
        }, idleMs);
        timer.unref();
      }
      commits += 1;
      if (commits >= busyCommits && !soon) {
        soon = setImmediate(() => {
          soon = null;
          checkpoint();
        });
        soon.unref();
      }
    },
  };
}
