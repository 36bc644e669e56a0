// The Node version check of `warebench` and `npm start`. It loads nothing but Node's own modules, so it runs before
// anything that could crash on an older Node (better-sqlite3 13 segfaults on Node 20 instead of throwing).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The oldest Node the station runs on (package.json `engines`). */
export const MINIMUM_NODE = { major: 22, minor: 12 };

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Set in the environment of a process this module started, so a pinned Node that is too old cannot loop. */
const RELAUNCHED = 'WAREBENCH_NODE_RELAUNCHED';

/** Whether a Node version string (`22.12.0`, `v20.20.2`) is one the station runs on. */
export function isSupportedNode(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor);
}

/** The Node 22 that `npm ci` installs from the `node` devDependency, or null when it is not there. */
export function pinnedNode(root = projectRoot) {
  const names = process.platform === 'win32' ? ['node.exe', 'node'] : ['node'];
  for (const name of names) {
    const path = join(root, 'node_modules', 'node', 'bin', name);
    if (existsSync(path)) return path;
  }
  return null;
}

/** The one line printed when neither this Node nor a pinned one can run the station. */
export function unsupportedNodeMessage(command, version) {
  return (
    `${command} needs Node.js >= ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} and this is ${version}: ` +
    'run `npm ci` in the project folder (it installs the pinned Node 22), or install Node 22 from https://nodejs.org'
  );
}

/**
 * True when this process runs on a supported Node and may go on. Otherwise it runs the same script again on the
 * pinned Node 22 (ending with that process's exit code) or prints one line saying what to do and exits 1; either
 * way it returns false and the caller does nothing more.
 */
export function ensureSupportedNode(command) {
  if (isSupportedNode(process.version)) return true;
  const pinned = process.env[RELAUNCHED] ? null : pinnedNode();
  if (!pinned) {
    console.error(unsupportedNodeMessage(command, process.version));
    process.exit(1);
  }
  const child = spawn(pinned, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED]: '1' },
  });
  // Ctrl-C reaches the child directly (same process group); a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`${command}: could not start the pinned Node at ${pinned}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
  return false;
}
