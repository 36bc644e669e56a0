import { type Kysely, sql } from 'kysely';
import { migrations as defaultMigrations, type ServerMigration } from './migrations/index';

/** Fixed advisory-lock key so two server processes starting at once migrate one after the other. */
const MIGRATION_LOCK_KEY = 0x5741_5245;

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Applies pending migrations in one transaction with a version table; refuses a database that a
 * newer server already migrated past what this one knows.
 */
export async function migrate<DB>(db: Kysely<DB>, migrations: readonly ServerMigration[] = defaultMigrations): Promise<MigrateResult> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
    const { rows } = await sql<{ version: number | null }>`SELECT max(version) AS version FROM schema_migrations`.execute(trx);
    const from = rows[0]?.version ?? 0;
    const latest = ordered.at(-1)?.version ?? 0;
    if (from > latest) {
      throw new Error(`database schema is at version ${from}, newer than this server knows (${latest}); upgrade the server`);
    }
    const applied: string[] = [];
    for (const migration of ordered) {
      if (migration.version <= from) continue;
      await migration.up(trx);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`.execute(trx);
      applied.push(`${migration.version}-${migration.name}`);
    }
    return { from, to: Math.max(from, latest), applied };
  });
}
