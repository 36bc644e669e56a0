import { type QueryExecutorProvider, sql } from 'kysely';

/** One schema step. Applied in order, each in the same transaction as its version row. */
export interface ServerMigration {
  version: number;
  name: string;
  up(db: QueryExecutorProvider): Promise<void>;
}

/** Runs a script statement by statement (PGlite's extended protocol takes one at a time); keep `;` + newline out of bodies. */
export async function runScript(db: QueryExecutorProvider, statements: string): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
