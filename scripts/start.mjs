// `npm start`: the Electron shell where the Electron binary is installed, otherwise the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const browserOnly = process.argv.includes('--browser');

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

/** The installed Electron executable, or null; never starts a download (require('electron') would). */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH) ? process.env.ELECTRON_OVERRIDE_DIST_PATH : null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electron = browserOnly ? null : electronBinary();
const child = electron
  ? spawn(electron, ['.'], { stdio: 'inherit' })
  : spawn('npx', ['tsx', 'electron/cli.ts', 'serve', '--open', '--port', process.env.WAREBENCH_PORT ?? '4780'], { stdio: 'inherit' });
if (!electron && !browserOnly) console.log('Electron is not installed on this machine: starting the browser shell.');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
