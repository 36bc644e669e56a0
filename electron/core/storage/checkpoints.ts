import type { Database } from 'better-sqlite3';

/** Quiet time after the last recorded change before the WAL is checkpointed. */
const IDLE_MS = 1_000;

/**
 * Moves the WAL into the database file when the station has been quiet for a moment, so a scan's commit never
 * pays for a checkpoint (SQLite's automatic one runs inside the commit that crosses its threshold, an fsync of the
 * database file on top of the WAL's). SQLite's own threshold (`wal_autocheckpoint`, set high in `open.ts`) still
 * bounds the WAL when the station never rests.
 */
export function createIdleCheckpointer(db: Database, idleMs = IDLE_MS) {
  let timer: NodeJS.Timeout | null = null;
  const checkpoint = () => {
    timer = null;
    if (!db.open || db.inTransaction) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A checkpoint that cannot run now (the disk full, the file read-only) runs again after the next change.
    }
  };
  return {
    /** A change was committed: checkpoint once the station has been quiet for `idleMs`. */
    changed(): void {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(checkpoint, idleMs);
        timer.unref();
      }
    },
  };
}
