/** A private CUPS scheduler for tests: own config, spool and port in a temp dir; stopped and removed afterwards. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { closedPort } from './raw-listener';

const run = promisify(execFile);

export interface PrivateCups {
  /** `host:port` for CUPS_SERVER. */
  server: string;
  env: NodeJS.ProcessEnv;
  lpadmin(args: string[]): Promise<void>;
  run(command: string, args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export const CUPSD = '/usr/sbin/cupsd';

/** Why a private cupsd cannot run here, or undefined when it can. */
export function cupsUnavailable(): string | undefined {
  if (!existsSync(CUPSD)) return `${CUPSD} is not installed`;
  if (process.getuid?.() !== 0) return 'cupsd needs root to start with a private configuration';
  return undefined;
}

export async function startPrivateCups(): Promise<PrivateCups> {
  const dir = await mkdtemp(join(tmpdir(), 'warebench-cups-'));
  const port = await closedPort();
  for (const sub of ['spool', 'cache', 'state', 'log']) await mkdir(join(dir, sub));
  await writeFile(
    join(dir, 'cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      'LogLevel warn',
      'WebInterface No',
      'Browsing No',
      'DefaultAuthType None',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Location /admin>',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${join(dir, 'spool')}`,
      `CacheDir ${join(dir, 'cache')}`,
      `StateDir ${join(dir, 'state')}`,
      `TempDir ${join(dir, 'spool')}`,
      `ErrorLog ${join(dir, 'log', 'error_log')}`,
      `AccessLog ${join(dir, 'log', 'access_log')}`,
      `PageLog ${join(dir, 'log', 'page_log')}`,
      '',
    ].join('\n'),
  );
  const server = `127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, CUPS_SERVER: server };
  const child: ChildProcess = spawn(CUPSD, ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = async (): Promise<void> => {
    if (!exited) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (!exited) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };

  // Ready when the scheduler answers on its port (bounded).
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) {
      const log = await readFile(join(dir, 'log', 'error_log'), 'utf8').catch(() => '');
      await stop();
      throw new Error(`cupsd exited at start: ${log.trim().split('\n').slice(-3).join(' | ')}`);
    }
    const answer = await run('lpstat', ['-r'], { env }).then(
      (r) => r.stdout,
      () => '',
    );
    if (answer.includes('scheduler is running')) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('cupsd did not answer within 15 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    server,
    env,
    async lpadmin(args) {
      await run('lpadmin', args, { env });
    },
    async run(command, args) {
      return (await run(command, args, { env })).stdout;
    },
    stop,
  };
}
