import type { EventName } from '../../../shared/events';
import { message } from '../../../shared/messages';
import type { Result } from '../../../shared/rpc';
import { createStationLogger } from '../kernel/log-file';
import { stationPaths } from '../kernel/paths';
import type { CredentialStore, Enroller, LaunchOptions } from '../setup';
import { lockDataFolder } from '../storage/data-lock';
import { type BootOptions, bootStation } from './boot';
import type { Station, StationConnection, StationEventListener } from './station';

export interface RestartableOptions extends Omit<BootOptions, 'setup' | 'overrides' | 'logDir' | 'dataDir' | 'devices'> {
  dataDir: string;
  launch: LaunchOptions;
  credentials?: CredentialStore;
  enroll?: Enroller;
}

export interface RestartableStation extends Station {
  /** Closes the running station and boots it again from station.json; calls wait meanwhile. */
  restart(): Promise<void>;
}

/**
 * A station that boots again with its new config after the setup wizard saved it, without the host
 * (Electron utility process, browser-shell server) noticing: calls and event subscribers carry over.
 */
export async function bootRestartableStation(options: RestartableOptions): Promise<RestartableStation> {
  // The data folder is claimed before anything in it is opened (the log included), and held across restarts.
  const lock = await lockDataFolder(options.dataDir);
  const logDir = options.launch.logDir ?? stationPaths(options.dataDir).logs;
  const log = options.log ?? createStationLogger({ dir: logDir });
  const closeOwnLog = () => {
    const file = (log as { file?: { close(): void } }).file;
    if (!options.log) file?.close();
  };
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  /** Connections outlive a reboot: each is attached again to the new station, with a fresh (signed-out) session. */
  interface Outer {
    inner: StationConnection | null;
    listeners: Set<StationEventListener>;
  }
  const outers = new Set<Outer>();
  const attach = (station: Station, outer: Outer) => {
    const inner = station.connect();
    inner.subscribe((event, payload) => {
      for (const listener of outer.listeners) listener(event, payload);
    });
    outer.inner = inner;
  };
  let restartWanted = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const boot = async () => {
    const station = await bootStation({
      ...options,
      lock,
      log,
      logDir,
      overrides: options.launch.overrides,
      setup: {
        firstRun: options.launch.firstRunSetup ?? false,
        overridden: Object.keys(options.launch.overrides),
        credentials: options.credentials,
        enroll: options.enroll,
        onSaved: () => {
          restartWanted = true;
        },
      },
    });
    const unsubscribe = station.subscribe((event, payload) => {
      for (const listener of listeners) listener(event, payload);
    });
    for (const outer of outers) attach(station, outer);
    return { station, unsubscribe };
  };

  let current: Awaited<ReturnType<typeof boot>>;
  try {
    current = await boot();
  } catch (error) {
    closeOwnLog();
    lock.release();
    throw error;
  }
  let restarting: Promise<void> | null = null;
  let failure: string | null = null;

  const restart = (): Promise<void> => {
    restarting ??= (async () => {
      if (inFlight > 0) await new Promise<void>((done) => (drained = done));
      log.info('station restarting with its new config');
      current.unsubscribe();
      for (const outer of outers) {
        outer.inner?.close();
        outer.inner = null;
      }
      await current.station.close();
      try {
        current = await boot();
        failure = null;
        // Every connection starts over signed out on the new station: its window shows the sign-in screen.
        for (const listener of listeners) listener('session.changed', { operator: null });
        for (const outer of outers) for (const listener of outer.listeners) listener('session.changed', { operator: null });
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        log.error({ err: error }, 'the station could not restart');
        throw error;
      }
    })().finally(() => {
      restarting = null;
    });
    return restarting;
  };

  const ready = async () => {
    if (restarting) await restarting.catch(() => undefined);
    if (failure) throw new Error(failure);
  };

  const callVia = async (call: (station: Station) => Promise<Result<unknown>> | null): Promise<Result<unknown>> => {
    try {
      await ready();
    } catch {
      return { ok: false, error: { code: 'internal', message: message('errors.internal') } };
    }
    inFlight += 1;
    try {
      return (await call(current.station)) ?? { ok: false, error: { code: 'offline', message: message('session.connectionClosed') } };
    } finally {
      inFlight -= 1;
      if (inFlight === 0 && drained) {
        const done = drained;
        drained = null;
        done();
      }
      if (restartWanted) {
        restartWanted = false;
        // After the answer is on its way: the caller learns the config was saved, then the station reboots.
        setTimeout(() => void restart().catch(() => undefined), 0);
      }
    }
  };

  return {
    call: (command, input) => callVia((station) => station.call(command, input)),
    connect() {
      const outer: Outer = { inner: null, listeners: new Set() };
      outers.add(outer);
      attach(current.station, outer);
      return {
        get id() {
          return outer.inner?.id ?? 'closed';
        },
        call: (command, input) => callVia(() => outer.inner?.call(command, input) ?? null),
        subscribe(listener) {
          outer.listeners.add(listener);
          return () => outer.listeners.delete(listener);
        },
        close() {
          outers.delete(outer);
          outer.listeners.clear();
          outer.inner?.close();
          outer.inner = null;
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async scan(event) {
      await ready();
      return current.station.scan(event);
    },
    get context() {
      return current.station.context;
    },
    restart,
    async close() {
      if (restarting) await restarting.catch(() => undefined);
      current.unsubscribe();
      await current.station.close();
      closeOwnLog();
      lock.release();
    },
  };
}
