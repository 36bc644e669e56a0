import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the station keeps its cache, config and logs when nothing says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WAREBENCH_DATA_DIR) return env.WAREBENCH_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Warebench');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Warebench');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'warebench');
}

export const stationPaths = (dataDir: string) => ({
  dataDir,
  database: join(dataDir, 'station.sqlite'),
  config: join(dataDir, 'station.json'),
  logs: join(dataDir, 'logs'),
  labels: join(dataDir, 'labels'),
});

/** Files of the data folder only the station's user may read: the cache, its key, the config, the host token. */
const PRIVATE_FILES = [
  'station.sqlite',
  'station.sqlite-wal',
  'station.sqlite-shm',
  'station.key',
  'station.json',
  'station.lock',
  'host.token',
];
/** Folders of the data folder only the station's user may enter: logs, labels, the embedded server's PGlite data. */
const PRIVATE_FOLDERS = ['logs', 'labels', 'server-data', join('server-data', 'pglite')];

/**
 * Narrows the data folder to the station's user: the folder 0700, its known files 0600, its known folders 0700 and the
 * log files in them 0600. New files are made with these modes; this also narrows what an older version left behind.
 * Answers what could not be narrowed (a folder owned by another user): the station still starts, and logs it.
 */
export function restrictDataFolder(dataDir: string): string[] {
  const problems: string[] = [];
  const restrict = (path: string, mode: number) => {
    try {
      chmodSync(path, mode);
    } catch (error) {
      problems.push(`${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  restrict(dataDir, 0o700);
  for (const name of PRIVATE_FILES) {
    const path = join(dataDir, name);
    if (existsSync(path)) restrict(path, 0o600);
  }
  for (const name of PRIVATE_FOLDERS) {
    const path = join(dataDir, name);
    if (!existsSync(path)) continue;
    restrict(path, 0o700);
    if (name !== 'logs') continue;
    for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isFile()) restrict(join(path, entry.name), 0o600);
  }
  return problems;
}
