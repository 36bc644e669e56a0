import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster, stopPgCluster } from '../../support/server/pg-cluster';

export interface TestPostgres {
  /** URL of a database of its own (fresh, empty). */
  url: string;
  stop(): Promise<void>;
}

export { startPgCluster as startCluster, stopPgCluster as stopCluster };

async function createDatabase(baseUrl: string): Promise<TestPostgres> {
  const name = `wb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A fresh database: inside the cluster at WAREBENCH_TEST_PG_URL when set (CI, global setup), else in
 * a cluster of its own started with scripts/pg-test.sh in a temp dir and stopped afterwards.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const shared = process.env.WAREBENCH_TEST_PG_URL;
  if (shared) return createDatabase(shared);
  const dir = await mkdtemp(path.join(tmpdir(), 'wb-pg-'));
  try {
    const base = await startPgCluster(dir);
    const database = await createDatabase(base);
    return {
      url: database.url,
      async stop() {
        await stopPgCluster(dir);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopPgCluster(dir).catch(() => undefined);
    throw error;
  }
}
