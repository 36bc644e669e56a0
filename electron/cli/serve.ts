import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLaunchOptions } from '../core/settings/launch-options';
import { bootRestartableStation } from '../core/settings/restartable-station';
import { startHost } from '../core/host';
import { defaultDataDir } from '../core/paths';
import { EXIT, type Subcommand } from './io';

/** `warebench serve`: the station core on 127.0.0.1 with the built renderer — the browser shell. */
export const serve: Subcommand = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      static: { type: 'string' },
      open: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const staticDir = values.static ?? join(process.cwd(), 'out', 'renderer');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`serve: --port must be a port number, got "${values.port}"`);
    return EXIT.invalid;
  }
  let station;
  let server: { url: string; adminKey: string; siteId: string } | undefined;
  try {
    // WAREBENCH_* settings apply over station.json; the station reboots itself after the setup wizard saved.
    station = await bootRestartableStation({ dataDir, version: process.env.npm_package_version, launch: { ...parseLaunchOptions([], process.env), dataDir }, onEmbeddedServer: (s) => (server = s) });
  } catch (error) {
    io.err(`The station could not start: ${(error as Error).message}`);
    return EXIT.failure;
  }
  const host = await startHost({ station, staticDir: existsSync(staticDir) ? staticDir : undefined, port });
  if (values.json) io.out(JSON.stringify({ url: host.url, ws: host.wsUrl, dataDir, ...(server ? { server } : {}) }));
  else {
    io.out(`Warebench station at ${host.url}  (data: ${dataDir})`);
    if (server) io.out(`Embedded central server at ${server.url} (API docs ${server.url}/docs, admin key in ${join(dataDir, 'server-data', 'admin-key')})`);
  }
  if (values.open && existsSync('/usr/bin/chromium')) {
    spawn('/usr/bin/chromium', [`--app=${host.url}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--user-data-dir=' + join(dataDir, 'chromium')], {
      stdio: 'ignore', detached: true,
    }).unref();
  }
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await station.close();
  return EXIT.ok;
};
