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
