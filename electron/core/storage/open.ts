import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { type Migration, migrate } from './migrate';
import { migrations as stationMigrations } from './migrations';

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
      mkdirSync(dirname(path), { recursive: true });
    } catch (cause) {
      throw new DatabaseOpenError(path, `Cannot create the folder for the station database ${path}: ${(cause as Error).message}`, {
        cause,
      });
    }
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
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db, migrations);
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
