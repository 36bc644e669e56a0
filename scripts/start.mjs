// `npm start`: the Electron shell where the Electron binary is installed, otherwise the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureSupportedNode } from '../bin/supported-node.js';

const require = createRequire(import.meta.url);

/** The installed Electron executable, or null; never starts a download (require('electron') would). */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(override) ? override : null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function start() {
  if (!existsSync(join(import.meta.dirname, '..', 'node_modules', '.bin'))) {
    console.error('npm start: the dependencies are not installed; run `npm ci` first.');
    process.exit(1);
  }
  const browserOnly = process.argv.includes('--browser');
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const electron = browserOnly ? null : electronBinary();
  const child = electron
    ? spawn(electron, ['.'], { stdio: 'inherit' })
    : spawn('npx', ['tsx', 'electron/cli.ts', 'serve', '--open', '--port', process.env.WAREBENCH_PORT ?? '4780'], { stdio: 'inherit' });
  if (!electron && !browserOnly) console.log('Electron is not installed on this machine: starting the browser shell.');
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (ensureSupportedNode('npm start')) start();
