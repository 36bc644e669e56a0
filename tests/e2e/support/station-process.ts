import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface EmbeddedServerInfo {
  url: string;
  adminKey: string;
  siteId: string;
}

export interface StationProcess {
  url: string;
  /** The embedded central server the station syncs with (absent when the config links another server). */
  server?: EmbeddedServerInfo;
  dataDir: string;
  /** The station core's process (the host restarts it when it dies), as `warebench serve --json` printed it at start. */
  corePid: number | null;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..', '..');

/**
 * Starts the browser shell as site IT would (`warebench serve`), in its own process with a fresh data folder,
 * optionally with a station config (device mapping, server link) written first.
 */
export async function startStationProcess(
  options: { config?: Record<string, unknown>; env?: Record<string, string> } = {},
): Promise<StationProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warebench-e2e-'));
  mkdirSync(dataDir, { recursive: true });
  if (options.config) writeFileSync(join(dataDir, 'station.json'), JSON.stringify(options.config, null, 2));
  const child: ChildProcess = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['electron/cli.ts', 'serve', '--json', '--data-dir', dataDir, '--static', join(root, 'out', 'renderer')],
    {
      cwd: root,
      env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = await new Promise<{ url: string; server?: EmbeddedServerInfo; corePid?: number | null }>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`station did not start in 60 s:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line) as { url: string; server?: EmbeddedServerInfo; corePid?: number | null });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`station exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url: ready.url,
    ...(ready.server ? { server: ready.server } : {}),
    dataDir,
    corePid: ready.corePid ?? null,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!process.env.WAREBENCH_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
