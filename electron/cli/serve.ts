import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../core/app/host';
import { createStationLogger, MAIN_LOG } from '../core/kernel/log-file';
import { defaultDataDir, stationPaths } from '../core/kernel/paths';
import { type LaunchOptions, LaunchOptionsError, parseLaunchOptions } from '../core/setup/launch-options';
import { DataFolderLockedError, lockDataFolder } from '../core/storage/data-lock';
import { optionList, parseCommandArgs } from './args';
import { createCoreSupervisor } from './core-supervisor';
import { EXIT, type Subcommand } from './io';

/** The browser shell's own options. */
const serveOptions = {
  port: { type: 'string', default: '0' },
  static: { type: 'string' },
  open: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The station's launch options (as in the desktop app), read by `parseLaunchOptions`. */
const launchOptions = {
  'data-dir': { type: 'string' },
  'log-dir': { type: 'string' },
  'server-url': { type: 'string' },
  kiosk: { type: 'boolean' },
  'station-name': { type: 'string' },
  'station-role': { type: 'string' },
  locale: { type: 'string' },
  training: { type: 'boolean' },
  'pinned-version': { type: 'string' },
  'update-url': { type: 'string' },
  'first-run-setup': { type: 'boolean' },
} as const;

export const SERVE_USAGE = [
  'usage: warebench serve [--port N] [--static DIR] [--open] [--json] [station options]',
  '  --port N             port on 127.0.0.1 (0 = any free port)',
  '  --static DIR         the built renderer to serve (default out/renderer)',
  '  --open               open the station in Chromium (--app window; with --kiosk full screen)',
  '  --json               print the addresses as one JSON line',
  `  station options:     ${optionList(launchOptions, true)}`,
  '                       (each also as a WAREBENCH_* variable; they win over station.json)',
  '  --pinned-version and --update-url are kept in the station config; the browser shell itself never updates',
].join('\n');

/** What `--kiosk` and the update settings mean in the browser shell, said once at start. */
function browserShellNotes(launch: LaunchOptions, open: boolean): string[] {
  const notes: string[] = [];
  if (launch.overrides.kiosk === true && !open)
    notes.push('warebench serve: --kiosk applies to the Chromium window that --open starts; ignored without --open');
  if (launch.overrides.pinnedVersion !== undefined || launch.overrides.updateUrl !== undefined) {
    notes.push(
      'warebench serve: the browser shell does not update itself; --pinned-version and --update-url only go into the station config',
    );
  }
  return notes;
}

/** `warebench serve`: the station core on 127.0.0.1 with the built renderer — the browser shell. */
export const serve: Subcommand = async (argv, io) => {
  const parsed = parseCommandArgs(
    'warebench serve',
    { args: argv, allowNegative: true, options: { ...serveOptions, ...launchOptions } },
    io,
  );
  if (!parsed) return EXIT.invalid;
  const { values } = parsed;
  if (values.help) {
    io.out(SERVE_USAGE);
    return EXIT.ok;
  }
  let launch: LaunchOptions;
  try {
    // The command line wins over WAREBENCH_* variables, which win over station.json.
    launch = parseLaunchOptions(argv, process.env);
  } catch (error) {
    if (!(error instanceof LaunchOptionsError)) throw error;
    for (const problem of error.problems) io.err(`warebench serve: ${problem}`);
    return EXIT.invalid;
  }
  const dataDir = launch.dataDir ?? defaultDataDir();
  const staticDir = values.static ?? join(process.cwd(), 'out', 'renderer');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`warebench serve: --port must be a port number, got "${values.port}"`);
    return EXIT.invalid;
  }
  for (const note of browserShellNotes(launch, values.open)) io.err(note);
  // A second station on this folder stops here, before the shell writes its own log there; the core takes the lock for good.
  try {
    (await lockDataFolder(dataDir)).release();
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    io.err(error.message);
    return EXIT.failure;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = createStationLogger({ dir: launch.logDir ?? stationPaths(dataDir).logs, fileName: MAIN_LOG, name: 'warebench-serve' });
  // The shell's own errors are logged with what they happened in; the host and the core's supervisor live on.
  const onUncaught = (error: Error, origin: string) => log.error({ err: error, origin }, 'uncaught error in the browser shell');
  const onUnhandled = (reason: unknown) => log.error({ err: reason }, 'unhandled rejection in the browser shell');
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  let dropConnections: (reason: string) => void = () => undefined;
  // The core runs in a child process and reboots itself after the setup wizard saved; a crash restarts it.
  const core = createCoreSupervisor({
    init: {
      type: 'init',
      dataDir,
      version: process.env.npm_package_version,
      logDir: launch.logDir,
      firstRunSetup: launch.firstRunSetup,
      overrides: launch.overrides,
    },
    log,
    onRestart: (reason) => dropConnections(reason),
  });
  let server: { url: string; adminKey: string; siteId: string } | undefined;
  const cleanUp = () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUnhandled);
    log.file.close();
  };
  try {
    server = (await core.start()).embedded ?? undefined;
  } catch (error) {
    io.err(`The station could not start: ${error instanceof Error ? error.message : String(error)}`);
    await core.stop();
    cleanUp();
    return EXIT.failure;
  }
  let host: Awaited<ReturnType<typeof startHost>>;
  try {
    host = await startHost({
      station: core,
      staticDir: existsSync(staticDir) ? staticDir : undefined,
      port,
      tokenFile: join(dataDir, 'host.token'),
      log,
    });
  } catch (error) {
    io.err(`The station could not listen: ${error instanceof Error ? error.message : String(error)}`);
    await core.stop();
    cleanUp();
    return EXIT.failure;
  }
  // Every window learns the core restarted: its socket closes with 1012, it reconnects and reads its session again.
  dropConnections = (reason) => host.dropConnections(1012, reason.slice(0, 100));
  // Listening for the stop signals before the addresses are printed: whoever reads them may stop the station at once.
  const stopped = new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const tokenFile = join(dataDir, 'host.token');
  if (values.json)
    io.out(JSON.stringify({ url: host.url, ws: host.wsUrl, tokenFile, corePid: core.pid(), dataDir, ...(server ? { server } : {}) }));
  else {
    io.out(`Warebench station at ${host.url}  (data: ${dataDir}; local tools: ${host.wsUrl}?token=<${tokenFile}>)`);
    if (server) {
      const adminKey = join(dataDir, 'server-data', 'admin-key');
      io.out(`Embedded central server at ${server.url} (API docs ${server.url}/docs, admin key in ${adminKey})`);
    }
  }
  if (values.open && existsSync('/usr/bin/chromium')) {
    const window = launch.overrides.kiosk === true ? ['--kiosk', `--app=${host.url}`] : [`--app=${host.url}`];
    const quiet = ['--no-first-run', '--disable-background-networking', '--disable-sync'];
    spawn('/usr/bin/chromium', [...window, ...quiet, `--user-data-dir=${join(dataDir, 'chromium')}`], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }
  await stopped;
  await host.close();
  await core.stop();
  cleanUp();
  return EXIT.ok;
};
