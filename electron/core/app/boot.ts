import { createStationDevices, DeviceConfigError, type StationDevices, trainingDevices } from '../devices';
import { type Clock, systemClock } from '../kernel/clock';
import { ConfigError, loadStationConfig, type StationConfig, transportProblems } from '../kernel/config';
import type { Logger } from '../kernel/log';
import { createStationLogger } from '../kernel/log-file';
import { restrictDataFolder, stationPaths } from '../kernel/paths';
import { mergeStationConfig, type SetupOptions } from '../setup';
import { type DataFolderLock, lockDataFolder } from '../storage/data-lock';
import { openStationDatabase } from '../storage/open';
import { connectServer, type ServerConnection } from '../sync';
import { createStation, type Station } from './station';

export interface BootOptions {
  dataDir: string;
  /** Overrides on top of the config file (command line, environment). */
  overrides?: Partial<StationConfig>;
  clock?: Clock;
  log?: Logger;
  version?: string;
  devices?: StationDevices;
  /** Log folder (default `<dataDir>/logs`); the desktop app passes the platform's log folder. */
  logDir?: string;
  setup?: SetupOptions;
  /** Told where the embedded demo server listens, for site IT and tests. */
  onEmbeddedServer?: (server: { url: string; adminKey: string; siteId: string }) => void;
  /**
   * The data folder's lock, when the caller holds it across several boots (a restart after setup); otherwise the
   * boot takes it first and the station releases it when it closes or when the boot fails.
   */
  lock?: DataFolderLock;
}

/**
 * Claims the data folder, opens the cache, reads the config, opens the devices, links the station to its server (by
 * default the embedded demo server) and creates the station. Nothing in the folder is opened before the claim, and a
 * boot that fails closes what it opened and gives the claim back.
 */
export async function bootStation(options: BootOptions): Promise<Station> {
  const ownLock = options.lock ? null : await lockDataFolder(options.dataDir);
  const opened: (() => Promise<void> | void)[] = [];
  try {
    return await bootLocked(options, opened, ownLock);
  } catch (error) {
    for (const close of opened.reverse()) await Promise.resolve(close()).catch(() => undefined);
    ownLock?.release();
    throw error;
  }
}

async function bootLocked(options: BootOptions, opened: (() => Promise<void> | void)[], ownLock: DataFolderLock | null): Promise<Station> {
  const paths = stationPaths(options.dataDir);
  const unrestricted = restrictDataFolder(options.dataDir);
  const logDir = options.logDir ?? paths.logs;
  const ownLog = options.log ? null : createStationLogger({ dir: logDir });
  if (ownLog) opened.push(() => ownLog.file.close());
  const log = options.log ?? (ownLog as Logger);
  if (unrestricted.length > 0) log.warn({ unrestricted }, 'the data folder could not be made private to the station user');
  const fileConfig = loadStationConfig(paths.config);
  const config: StationConfig = mergeStationConfig(fileConfig, options.overrides, options.setup?.credentials?.get() ?? null);
  const insecure = transportProblems(config);
  if (insecure.length > 0)
    throw new ConfigError(paths.config, `The station config ${paths.config} has problems:\n  - ${insecure.join('\n  - ')}`);
  const db = await openStationDatabase(paths.database);
  opened.push(() => {
    db.close();
  });
  const clock = options.clock ?? systemClock;
  let devices = options.devices;
  if (!devices) {
    const deviceConfig = config.devices.length > 0 ? config.devices : config.training ? trainingDevices : [];
    try {
      devices = createStationDevices({ config: deviceConfig, db, log, stationName: config.stationName });
    } catch (error) {
      if (error instanceof DeviceConfigError)
        throw new ConfigError(paths.config, `The device mapping in ${paths.config} has problems:\n  - ${error.issues.join('\n  - ')}`);
      throw error;
    }
  }
  const stationDevices = devices;
  opened.push(() => stationDevices.close());
  const link: ServerConnection = await connectServer({ config, db, dataDir: options.dataDir, clock, log });
  opened.push(() => link.close?.());
  // The embedded server made its PGlite folder just now.
  const pgliteUnrestricted = restrictDataFolder(options.dataDir);
  if (pgliteUnrestricted.length > 0)
    log.warn({ unrestricted: pgliteUnrestricted }, 'the data folder could not be made private to the station user');
  const station = createStation({
    db,
    config,
    dataDir: options.dataDir,
    version: options.version,
    clock,
    log,
    devices,
    setup: { logDir, ...options.setup },
    sync: link.sync,
    async onClose() {
      await link.close?.();
      ownLog?.file.close();
      ownLock?.release();
    },
  });
  // From here the station closes everything it was given, and its own close gives the claim back.
  opened.splice(0, opened.length, () => station.close());
  if (link.embedded) options.onEmbeddedServer?.(link.embedded);
  if (link.waitForFirstSync) await station.context.sync.syncNow();
  log.info({ stationId: station.context.stationId, dataDir: options.dataDir }, 'station ready');
  return station;
}
