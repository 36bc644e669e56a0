import { createStationDevices, DeviceConfigError, type StationDevices, trainingDevices } from '../devices';
import { type Clock, systemClock } from '../kernel/clock';
import { ConfigError, loadStationConfig, type StationConfig } from '../kernel/config';
import type { Logger } from '../kernel/log';
import { createStationLogger } from '../kernel/log-file';
import { stationPaths } from '../kernel/paths';
import { mergeStationConfig, type SetupOptions } from '../setup';
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
}

/** Opens the cache, reads the config, opens the devices, links the station to its server (by default the embedded demo server) and creates the station. */
export async function bootStation(options: BootOptions): Promise<Station> {
  const paths = stationPaths(options.dataDir);
  const logDir = options.logDir ?? paths.logs;
  const log = options.log ?? createStationLogger({ dir: logDir });
  const fileConfig = loadStationConfig(paths.config);
  const config: StationConfig = mergeStationConfig(fileConfig, options.overrides, options.setup?.credentials?.get() ?? null);
  const db = await openStationDatabase(paths.database);
  const clock = options.clock ?? systemClock;
  let devices = options.devices;
  if (!devices) {
    const deviceConfig = config.devices.length > 0 ? config.devices : config.training ? trainingDevices : [];
    try {
      devices = createStationDevices({ config: deviceConfig, db, log, stationName: config.stationName });
    } catch (error) {
      db.close();
      if (error instanceof DeviceConfigError)
        throw new ConfigError(paths.config, `The device mapping in ${paths.config} has problems:\n  - ${error.issues.join('\n  - ')}`);
      throw error;
    }
  }
  let link: ServerConnection;
  try {
    link = await connectServer({ config, db, dataDir: options.dataDir, clock, log });
  } catch (error) {
    await devices.close();
    db.close();
    throw error;
  }
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
    onClose: link.close,
  });
  if (link.embedded) options.onEmbeddedServer?.(link.embedded);
  if (link.waitForFirstSync) await station.context.sync.syncNow();
  log.info({ stationId: station.context.stationId, dataDir: options.dataDir }, 'station ready');
  return station;
}
