import { join } from 'node:path';
import { buildDemoDataset, demo, type DemoDataset } from '../../shared/demo/dataset';
import type { Clock } from '../../electron/core/clock';
import { StationConfig } from '../../electron/core/config';
import { openStationDatabase } from '../../electron/core/db/open';
import { loadDatasetIntoCache } from '../../electron/core/demo/load-demo';
import { createStation, type Station } from '../../electron/core/station';
import type { StationDevices } from '../../electron/core/station-devices';
import { tempDir } from './temp-dir';

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-11-25T09:00:00.000Z')) {
  let now = start.getTime();
  const clock: Clock & { advance(ms: number): void; set(d: Date): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (d) => {
      now = d.getTime();
    },
  };
  return clock;
}

export interface TestStation {
  station: Station;
  dataset: DemoDataset;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  /** Calls a command and returns its value, failing the test with the error message otherwise. */
  call<T = unknown>(command: string, input?: unknown): Promise<T>;
  signIn(who: keyof typeof demo.badges): Promise<void>;
  close(): Promise<void>;
}

/** A real station on a real SQLite file in a temp folder, with the demo dataset in its cache. */
export async function createTestStation(options: { devices?: StationDevices; config?: Partial<StationConfig>; clock?: ReturnType<typeof manualClock> } = {}): Promise<TestStation> {
  const dir = tempDir();
  const clock = options.clock ?? manualClock();
  const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
  const dataset = buildDemoDataset(clock.now());
  loadDatasetIntoCache(db, dataset);
  const station = createStation({ db, clock, dataDir: dir.path, devices: options.devices, config: StationConfig.parse({ ...options.config }) });
  const call = async <T,>(command: string, input: unknown = {}): Promise<T> => {
    const result = await station.call(command, input);
    if (!result.ok) throw new Error(`${command} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return {
    station, dataset, clock, dir: dir.path, call,
    signIn: async (who) => {
      await call('session.signIn', { badge: demo.badges[who] });
    },
    close: async () => {
      await station.close();
      dir.remove();
    },
  };
}
