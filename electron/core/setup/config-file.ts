import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StationConfig } from '../kernel/config';

/**
 * Writes station.json atomically: a temp file in the same folder, flushed, then renamed over the old one,
 * so a power cut leaves either the old config or the new one, never half of one. Readable by the owner only
 * (it may hold the station's credential).
 */
export function writeStationConfig(path: string, config: StationConfig): void {
  const valid = StationConfig.parse(config);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDir(dir);
}

function syncDir(dir: string): void {
  // The rename is durable once the folder is flushed; Windows cannot open folders for that, and needs not.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
