import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster, stopCluster } from './support/postgres';

/**
 * Optional vitest globalSetup: one PostgreSQL cluster for the whole run (each test file still makes its
 * own database in it). Without it, each server test file starts a cluster of its own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.WAREBENCH_TEST_PG_URL) return async () => undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'wb-pg-global-'));
  process.env.WAREBENCH_TEST_PG_URL = await startCluster(dir);
  return async () => {
    await stopCluster(dir);
    await rm(dir, { recursive: true, force: true });
    delete process.env.WAREBENCH_TEST_PG_URL;
  };
}
