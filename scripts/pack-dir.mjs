// `npm run pack:dir`: builds the app and packs it unpacked into dist/ for this platform (electron-builder --dir).
// Uses the installed Electron; where its binary was never downloaded, packs against a stub Electron so the
// layout (app.asar, unpacked addons, fuses, resources) can still be inspected — that app does not run.
// Extra arguments go to electron-builder, e.g. `npm run pack:dir -- --linux --x64`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStubElectronDist } from '../build/pack/stub-electron.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function electronInstalled() {
  try {
    require('electron');
    return true;
  } catch {
    return false;
  }
}

if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);

const extra = process.argv.slice(2);
const args = ['electron-builder', '--dir', '--publish', 'never', ...extra];
const env = { WAREBENCH_UPDATE_FEED_URL: process.env.WAREBENCH_UPDATE_FEED_URL ?? 'https://updates.warebench.invalid/station/' };
let stubDir = null;
if (!electronInstalled()) {
  if (process.platform !== 'linux') {
    console.error('pack:dir: the Electron binary is not installed (npm rebuild electron), and a stub is only made for Linux.');
    process.exit(1);
  }
  stubDir = mkdtempSync(join(tmpdir(), 'warebench-electron-stub-'));
  makeStubElectronDist(stubDir);
  // Without Electron's headers the native addons cannot be rebuilt for its ABI either.
  args.push(`-c.electronDist=${stubDir}`, '-c.npmRebuild=false');
  console.warn('pack:dir: Electron is not installed here; packing against a stub Electron (layout check only, the app will not run).');
}
const status = run('npx', args, env);
if (stubDir) rmSync(stubDir, { recursive: true, force: true });
process.exit(status);
