import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/pg-test.sh');

/** Starts (or finds running) a throwaway PostgreSQL cluster in `dir` through scripts/pg-test.sh; returns its URL. */
export async function startPgCluster(dir: string): Promise<string> {
  const { stdout } = await run('bash', [SCRIPT, 'start', dir], { timeout: 120_000 });
  const match = /DATABASE_URL=(\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`pg-test.sh printed no DATABASE_URL: ${stdout}`);
  return match[1];
}

export async function stopPgCluster(dir: string): Promise<void> {
  await run('bash', [SCRIPT, 'stop', dir], { timeout: 60_000 });
}
