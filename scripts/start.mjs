// `npm start`: the Electron shell where the Electron binary is installed, otherwise the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const browserOnly = process.argv.includes('--browser');

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary, or a throw when it was never downloaded
  } catch {
    return null;
  }
}

const electron = browserOnly ? null : electronBinary();
const child = electron
  ? spawn(electron, ['.'], { stdio: 'inherit' })
  : spawn('npx', ['tsx', 'electron/cli.ts', 'serve', '--open', '--port', process.env.WAREBENCH_PORT ?? '4780'], { stdio: 'inherit' });
if (!electron && !browserOnly) console.log('Electron is not installed on this machine: starting the browser shell.');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
