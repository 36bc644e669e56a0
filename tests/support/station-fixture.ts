import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createStation, type Station } from '../../electron/core/app/station';
import type { StationDevices } from '../../electron/core/devices/port';
import { StationConfig } from '../../electron/core/kernel/config';
import { loadDatasetIntoCache } from '../../electron/core/storage/load-demo';
import { openStationDatabase } from '../../electron/core/storage/open';
import { buildDemoDataset, type DemoDataset, demo } from '../../shared/demo/dataset';
import { createManualClock } from './devices/manual-clock';
import { tempDir } from './temp-dir';

/** A clock the test moves by hand; `set` jumps to a moment (forward or back). */
export function manualClock(start = new Date('2026-11-25T09:00:00.000Z')) {
  const clock = createManualClock(start.getTime());
  return Object.assign(clock, {
    set: (d: Date) => clock.advance(d.getTime() - clock.now().getTime()),
  });
}

export interface TestStation {
  station: Station;
  /** The connection the station writes through: tests look at its tables directly. */
  db: Database;
  dataset: DemoDataset;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  /** Calls a command and returns its value, failing the test with the error message otherwise. */
  call<T = unknown>(command: string, input?: unknown): Promise<T>;
  signIn(who: keyof typeof demo.badges): Promise<void>;
  close(): Promise<void>;
}

/** A real station on a real SQLite file in a temp folder, with the demo dataset in its cache. */
export async function createTestStation(
  options: { devices?: StationDevices; config?: Partial<StationConfig>; clock?: ReturnType<typeof manualClock> } = {},
): Promise<TestStation> {
  const dir = tempDir();
  const clock = options.clock ?? manualClock();
  const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
  const dataset = buildDemoDataset(clock.now());
  loadDatasetIntoCache(db, dataset);
  const station = createStation({
    db,
    clock,
    dataDir: dir.path,
    devices: options.devices,
    config: StationConfig.parse({ ...options.config }),
  });
  const call = async <T>(command: string, input: unknown = {}): Promise<T> => {
    const result = await station.call(command, input);
    if (!result.ok) throw new Error(`${command} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return {
    station,
    db,
    dataset,
    clock,
    dir: dir.path,
    call,
    signIn: async (who) => {
      await call('session.signIn', { badge: demo.badges[who] });
    },
    close: async () => {
      await station.close();
      dir.remove();
    },
  };
}
