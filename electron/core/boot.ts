import { buildDemoDataset } from '../../shared/demo/dataset';
import { systemClock, type Clock } from './clock';
import { loadStationConfig, StationConfig } from './config';
import { openStationDatabase } from './db/open';
import { loadDatasetIntoCache } from './demo/load-demo';
import { createLogger, type Logger } from './log';
import { stationPaths } from './paths';
import { createStation, type Station } from './station';
import type { StationDevices } from './station-devices';

export interface BootOptions {
  dataDir: string;
  /** Overrides on top of the config file (command line, environment). */
  overrides?: Partial<StationConfig>;
  clock?: Clock;
  log?: Logger;
  version?: string;
  devices?: StationDevices;
}

/** Opens the cache, reads the config, loads demo data on first start of an embedded station, and creates the station. */
export async function bootStation(options: BootOptions): Promise<Station> {
  const paths = stationPaths(options.dataDir);
  const log = options.log ?? createLogger({ dir: paths.logs });
  const fileConfig = loadStationConfig(paths.config);
  const config = StationConfig.parse({ ...fileConfig, ...options.overrides });
  const db = await openStationDatabase(paths.database);
  const clock = options.clock ?? systemClock;
  if (config.server === 'embedded') {
    const hasData = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n > 0;
    if (!hasData) {
      loadDatasetIntoCache(db, buildDemoDataset(clock.now()));
      log.info('demo data loaded into the station cache');
    }
  }
  const station = createStation({ db, config, dataDir: options.dataDir, version: options.version, clock, log, devices: options.devices });
  log.info({ stationId: station.context.stationId, dataDir: options.dataDir }, 'station ready');
  return station;
}
