import type { Database } from 'better-sqlite3';

/** What diagnostics and the support bundle learn of the station's cache, without touching its SQL. */
export interface DatabaseFacts {
  /** The file (`:memory:` for a database in memory). */
  path: string;
  sqliteVersion(): string;
  /** The `user_version` the migrations reached. */
  schemaVersion(): number;
  /** `PRAGMA integrity_check`, one line per finding ("ok" when sound). */
  integrityCheck(): string[];
}

export function databaseFacts(db: Database): DatabaseFacts {
  return {
    path: db.name,
    sqliteVersion: () => (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    schemaVersion: () => Number(db.pragma('user_version', { simple: true })),
    integrityCheck: () => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
  };
}

/** Runs `work` in one transaction (a savepoint when one is open already): all of it commits, or none. */
export const transactionOf = (db: Database) => {
  // One transaction function for every call: wrapping each piece of work anew costs more than many a write.
  const within = db.transaction((work: () => unknown) => work());
  return <T>(work: () => T): T => within(work) as T;
};
