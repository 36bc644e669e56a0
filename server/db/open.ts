import { Kysely, PostgresDialect } from 'kysely';
import { type ChangeNotifier, createPgliteNotifier, createPgNotifier } from './notifier';
import { preparingPool } from './prepared';
import type { ServerDatabase } from './schema';

export interface ServerDb {
  db: Kysely<ServerDatabase>;
  kind: 'postgres' | 'pglite';
  notifier: ChangeNotifier;
  close(): Promise<void>;
}

export type OpenDbOptions =
  | { databaseUrl: string; poolSize?: number }
  /** PGlite: a data directory, or in memory when absent. */
  | { dataDir?: string };

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Opens PostgreSQL (through `pg`) or embedded PGlite behind the same Kysely interface. */
export async function openServerDb(options: OpenDbOptions): Promise<ServerDb> {
  if ('databaseUrl' in options) {
    const pg = await import('pg');
    const parsers: Record<number, (value: string) => unknown> = {
      [INT8]: Number,
      [NUMERIC]: Number,
      [DATE]: (value) => value,
    };
    const types = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.default.types.getTypeParser(oid, format ?? 'text')) as typeof pg.default.types.getTypeParser,
    };
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    pool.on('error', () => {
      // An idle client lost its connection; the pool drops it and makes a new one on demand.
    });
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    const notifier = await createPgNotifier({ connectionString: options.databaseUrl, types });
    return {
      db,
      kind: 'postgres',
      notifier,
      async close() {
        await notifier.close();
        await db.destroy();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    parsers: { [NUMERIC]: Number, [DATE]: (value: string) => value },
  });
  const db = new Kysely<ServerDatabase>({ dialect: new PGliteDialect(pglite) });
  const notifier = await createPgliteNotifier(pglite);
  return {
    db,
    kind: 'pglite',
    notifier,
    async close() {
      await notifier.close();
      await db.destroy(); // closes the PGlite instance too
    },
  };
}
