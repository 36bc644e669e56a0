import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

/** Another station process holds the data folder: the second start stops here, having changed nothing. */
export const DATA_FOLDER_LOCKED = 'Another Warebench station is already running on the data folder';

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`${DATA_FOLDER_LOCKED} ${dataDir}: stop it first, or start this one with --data-dir.`);
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly path: string;
  release(): void;
}

/** The lock file inside the data folder: a one-table SQLite file whose exclusive lock is the station's claim. */
export const dataFolderLockPath = (dataDir: string): string => join(dataDir, 'station.lock');

/**
 * Claims the data folder for this process: SQLite's own OS-level lock (fcntl on POSIX, LockFileEx on Windows) on
 * `station.lock`, taken in exclusive locking mode and held until `release` or the process ends. The operating system
 * drops it when the process dies, even by `kill -9`, so a crash never leaves a stale lock behind; there is no
 * time-out to guess and no lock file whose age must be judged. SQLite's lock state is shared between the connections
 * of one process too: a second claim from the same process is refused as well.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = dataFolderLockPath(dataDir);
  let db: Database;
  try {
    closeSync(openSync(path, 'a', 0o600));
    db = new BetterSqlite3(path, { timeout: 0 });
  } catch (cause) {
    throw new Error(`Cannot open the lock file ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in exclusive locking mode SQLite keeps it after the commit.
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL)');
    db.prepare('INSERT INTO holder (id, pid) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET pid = excluded.pid').run(process.pid);
  } catch (cause) {
    db.close();
    if ((cause as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataFolderLockedError(dataDir);
    throw cause;
  }
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
