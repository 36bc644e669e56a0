import { afterAll, beforeAll, describe } from 'vitest';
import { type Backend, type StartOptions, startTestServer, type TestServer } from './harness';
import { startTestPostgres, type TestPostgres } from './postgres';

export interface SuiteContext {
  backend: Backend;
  server(): TestServer;
  /** URL of the suite's PostgreSQL database (postgres backend only). */
  databaseUrl(): string;
}

/** Runs the same tests against real PostgreSQL and embedded PGlite, each with a fresh database. */
export function forEachBackend(
  title: string,
  body: (ctx: SuiteContext) => void,
  options: Omit<StartOptions, 'backend' | 'databaseUrl'> = {},
): void {
  describe.each<Backend>(['pglite', 'postgres'])(`${title} [%s]`, (backend) => {
    let postgres: TestPostgres | undefined;
    let server: TestServer | undefined;
    beforeAll(async () => {
      if (backend === 'postgres') postgres = await startTestPostgres();
      server = await startTestServer({ ...options, backend, ...(postgres ? { databaseUrl: postgres.url } : {}) });
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await postgres?.stop();
    }, 60_000);
    body({
      backend,
      server: () => {
        if (!server) throw new Error('server not started');
        return server;
      },
      databaseUrl: () => {
        if (!postgres) throw new Error('no PostgreSQL for this backend');
        return postgres.url;
      },
    });
  });
}
