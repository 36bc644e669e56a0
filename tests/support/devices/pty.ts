import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pair of real pseudo-terminals joined by socat: the station opens `device`, the test plays the device on `peer`. */
export interface PtyPair {
  dir: string;
  device: string;
  peer: string;
  /** (Re)starts socat on the same two link paths; resolves once both links exist and data flows. */
  start(): Promise<void>;
  /** Stops socat like a pulled cable: both ends hang up and the links disappear. */
  stop(): Promise<void>;
  /** Stops socat and removes the temp dir. */
  dispose(): Promise<void>;
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function createPtyPair(name = 'dev'): Promise<PtyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'wb-pty-'));
  const device = join(dir, name);
  const peer = join(dir, `${name}-peer`);
  let child: ChildProcess | undefined;

  const stop = async (): Promise<void> => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGTERM');
    await exited;
    await waitUntil(() => !existsSync(device) && !existsSync(peer), 5000, 'socat links to go away');
  };

  const start = async (): Promise<void> => {
    if (child) return;
    const next = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = next;
    let log = '';
    let ready = false;
    next.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) ready = true;
    });
    await waitUntil(() => (ready && existsSync(device) && existsSync(peer)) || next.exitCode !== null, 5000, `socat to start (${log})`);
    if (next.exitCode !== null) throw new Error(`socat exited: ${log}`);
  };

  await start();
  return {
    dir,
    device,
    peer,
    start,
    stop,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
