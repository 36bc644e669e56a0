import type { Database } from 'better-sqlite3';

/** One schema step. Migrations are an explicit, ordered array; `version` is the `user_version` after `up`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export class DatabaseVersionError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This station database is from a newer Warebench (schema version ${found}; this version knows up to ${supported}). ` +
        'Update Warebench on this station, or move the database aside to start a fresh cache.',
    );
    this.name = 'DatabaseVersionError';
  }
}

/** Applies pending migrations in one transaction; refuses a database from a newer version. */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list broken at "${m.name}": expected version ${i + 1}, got ${m.version}`);
  });
  const latest = ordered.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new DatabaseVersionError(from, latest);
  if (from === latest) return { from, to: from };
  db.transaction(() => {
    for (const m of ordered.slice(from)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest };
}
