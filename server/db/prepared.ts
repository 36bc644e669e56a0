import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** A statement text run this often in the process is prepared on each connection that runs it next. */
const PREPARE_AFTER = 3;
/** Statement texts prepared per process (so at most this many prepared statements per connection). */
const MAX_PREPARED = 200;
/** Statement texts counted towards PREPARE_AFTER; texts that vary with their data stop being counted here. */
const MAX_COUNTED = 5_000;

/**
 * Names the statements a process runs again and again (a push's claim, its writes, a pull), so PostgreSQL parses
 * and plans each once per connection and then only binds and executes it: planning the claim of a push batch cost
 * as much as running it. The name is a hash of the text, so one name never stands for two statements. Rarely run
 * statements, and those whose text changes with their data, stay unnamed.
 */
export function createStatementNames() {
  const counted = new Map<string, number>();
  const names = new Map<string, string>();
  return {
    nameOf(text: string): string | undefined {
      const named = names.get(text);
      if (named) return named;
      const times = (counted.get(text) ?? 0) + 1;
      if (times < PREPARE_AFTER || names.size >= MAX_PREPARED) {
        if (counted.has(text) || counted.size < MAX_COUNTED) counted.set(text, times);
        return undefined;
      }
      counted.delete(text);
      const name = `wb_${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
      return name;
    },
    /** Statement texts named so far (for tests). */
    size: () => names.size,
  };
}

class PreparingClient implements PostgresPoolClient {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: ReturnType<typeof createStatementNames>,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof statement !== 'string') return this.client.query(statement as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    const values = [...(parameters ?? [])];
    const name = values.length > 0 ? this.names.nameOf(statement) : undefined;
    const result = name ? this.client.query({ name, text: statement, values }) : this.client.query(statement, values);
    return result as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

/** The pool Kysely runs on: `pool`, its statements named by `createStatementNames`. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = createStatementNames();
  // Kysely keeps one connection object per client it is handed: hand it the same wrapper each time.
  const wrappers = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = new PreparingClient(client, names);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
