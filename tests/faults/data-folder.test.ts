import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const BIN = join(root, 'bin', 'warebench.js');

interface Serve {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The JSON line `--json` prints once the station listens; rejects when the process exits first. */
  ready: Promise<{ url: string; corePid?: number }>;
}

const started: ChildProcess[] = [];
const folders: { remove(): void }[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) folder.remove();
});

function serve(dataDir: string, port = 0): Serve {
  const child = spawn(process.execPath, [BIN, 'serve', '--json', '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WAREBENCH_PORT: undefined },
  });
  started.push(child);
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ url: string; corePid?: number }>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { url: string; corePid?: number });
    });
    void exited.then(({ code, signal }) => reject(new Error(`serve exited (${code ?? signal}) before it was ready: ${stderr.join('\n')}`)));
  });
  ready.catch(() => undefined);
  return { child, stderr, exited, ready };
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

/** Every file of the data folder, logs included, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const pidsOf = (s: Serve, info: { corePid?: number }) => [s.child.pid, info.corePid].filter((p): p is number => typeof p === 'number');

describe('one station process per data folder', () => {
  it('a second start on the same folder exits at once with one line and touches nothing; a kill -9 leaves no stale lock', async () => {
    const dir = tempDir('wb-lock-');
    folders.push(dir);
    const first = serve(dir.path);
    const info = await within(first.ready, 90_000, 'the first station');
    // The first station holds still while the second tries: whatever changes in the folder is the second one's doing.
    for (const pid of pidsOf(first, info)) process.kill(pid, 'SIGSTOP');
    try {
      const before = snapshot(dir.path);
      const second = serve(dir.path);
      const { code } = await within(second.exited, 30_000, 'the second start exiting');
      expect(code).not.toBe(0);
      expect(second.stderr).toHaveLength(1);
      expect(second.stderr[0]).toMatch(/Another Warebench station is already running on the data folder/);
      expect(snapshot(dir.path)).toEqual(before);
    } finally {
      for (const pid of pidsOf(first, info)) process.kill(pid, 'SIGCONT');
    }

    // A crash of the first releases the folder: the next start comes up without waiting for anything to go stale.
    for (const pid of pidsOf(first, info).reverse()) process.kill(pid, 'SIGKILL');
    await first.exited;
    const third = serve(dir.path);
    await within(third.ready, 90_000, 'a start after kill -9');
    third.child.kill('SIGTERM');
    expect((await within(third.exited, 30_000, 'the third station stopping')).code).toBe(0);
  }, 240_000);

  it('a start that cannot listen exits with an error and releases the folder and the embedded database', async () => {
    const dir = tempDir('wb-failed-start-');
    folders.push(dir);
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const failing = serve(dir.path, address.port);
      const { code } = await within(failing.exited, 90_000, 'the start on a port in use exiting');
      expect(code).not.toBe(0);
      expect(failing.stderr.join('\n')).toMatch(/EADDRINUSE|in use|could not listen/i);
    } finally {
      blocker.close();
    }
    const next = serve(dir.path);
    await within(next.ready, 90_000, 'the start after the failed one');
    next.child.kill('SIGTERM');
    expect((await within(next.exited, 30_000, 'the station stopping')).code).toBe(0);
    expect(statSync(join(dir.path, 'station.lock')).mode & 0o777).toBe(0o600);
  }, 240_000);
});
