import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/pg-test.sh');

export interface TestPostgres {
  /** URL of a database of its own (fresh, empty). */
  url: string;
  stop(): Promise<void>;
}

export async function startCluster(dir: string): Promise<string> {
  const { stdout } = await run('bash', [SCRIPT, 'start', dir], { timeout: 120_000 });
  const match = /DATABASE_URL=(\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`pg-test.sh printed no DATABASE_URL: ${stdout}`);
  return match[1];
}

export async function stopCluster(dir: string): Promise<void> {
  await run('bash', [SCRIPT, 'stop', dir], { timeout: 60_000 });
}

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
    const base = await startCluster(dir);
    const database = await createDatabase(base);
    return {
      url: database.url,
      async stop() {
        await stopCluster(dir);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopCluster(dir).catch(() => undefined);
    throw error;
  }
}
