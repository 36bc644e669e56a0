import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { type Migration, migrate } from './migrate';
import { migrations as stationMigrations } from './migrations';
import { keyFingerprint, loadStationKey, registerSecretHash } from './station-secret';

export class DatabaseOpenError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens (creating if needed) the station cache: WAL, foreign keys, migrated.
 * better-sqlite3 loads here, lazily, so importing the core never loads the addon.
 */
export async function openStationDatabase(path: string, migrations: readonly Migration[] = stationMigrations): Promise<Database> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      restrictDatabaseFiles(path);
    } catch (cause) {
      throw new DatabaseOpenError(path, `Cannot create the folder for the station database ${path}: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  let key: Buffer;
  try {
    key = loadStationKey(path);
  } catch (cause) {
    throw new DatabaseOpenError(path, `Cannot read the station key beside ${path}: ${(cause as Error).message}`, { cause });
  }
  let db: Database;
  try {
    db = new BetterSqlite3(path);
  } catch (cause) {
    throw new DatabaseOpenError(path, `Cannot open the station database ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged scan survives power loss, not only a crash of the process.
    db.pragma('synchronous = FULL');
    // The WAL is checkpointed when the station is idle (checkpoints.ts); this bound (32 MiB of 4 KiB pages) only
    // matters when it never is, so a scan's commit does not carry a checkpoint every thousand pages.
    db.pragma('wal_autocheckpoint = 8192');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    registerSecretHash(db, key);
    migrate(db, migrations);
    checkStationKey(db, key);
    return db;
  } catch (cause) {
    db.close();
    if (cause instanceof Error && cause.name === 'DatabaseVersionError') throw cause;
    const reason = (cause as Error).message;
    const hint = /not a database|malformed|integrity/i.test(reason)
      ? ' The file is damaged or is not a Warebench database. Move it aside; the station rebuilds its cache from the server on the next start.'
      : '';
    throw new DatabaseOpenError(path, `Cannot use the station database ${path}: ${reason}.${hint}`, { cause });
  }
}

/**
 * The cache and its WAL files are readable by the station's user only: SQLite makes `-wal` and `-shm` with the
 * database file's mode, so the file is created 0600 before SQLite opens it, and older files are narrowed.
 */
function restrictDatabaseFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

const KEY_CHECK = 'station_key.fingerprint';
const SYNC_CURSOR = 'sync.cursor';

/**
 * Badge hashes made with another key (the key file was lost or replaced) can never match: the operators are dropped and
 * the next pull starts from the beginning, which brings them back hashed with this key.
 */
function checkStationKey(db: Database, key: Buffer): void {
  const fingerprint = keyFingerprint(key);
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK) as { value: string } | undefined;
  if (stored?.value === fingerprint) return;
  db.transaction(() => {
    if (stored) {
      db.prepare('DELETE FROM operators').run();
      db.prepare('DELETE FROM meta WHERE key = ?').run(SYNC_CURSOR);
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      KEY_CHECK,
      fingerprint,
    );
  })();
}
