// The browser shell's station core, in a child process of `warebench serve` (as Electron's utility process is for the
// desktop app): a crash here ends this process only; the shell keeps its host, restarts the core and tells the windows.

import { message as operatorMessage } from '../../shared/messages';
import { bootRestartableStation, type RestartableStation } from '../core/app/restartable-station';
import type { StationConnection } from '../core/app/station';
import type { StationConfig } from '../core/kernel/config';
import { createStationLogger } from '../core/kernel/log-file';
import { stationPaths } from '../core/kernel/paths';
import { type FromCoreChild, ToCoreChild } from './core-child-protocol';

function runCoreChild(): void {
  const send = (message: FromCoreChild) => {
    if (process.connected) process.send?.(message);
  };
  let station: RestartableStation | null = null;
  let booting = false;
  const connections = new Map<number, StationConnection>();
  /** Windows that connected while the core was booting: attached once it is ready. */
  const waiting = new Set<number>();
  let log: ReturnType<typeof createStationLogger> | null = null;
  const attach = (ready: RestartableStation, id: number) => {
    if (connections.has(id)) return;
    const connection = ready.connect();
    connection.subscribe((event, payload) => send({ type: 'event', connection: id, event, payload }));
    connections.set(id, connection);
  };

  // An error nothing caught: logged with what the core was doing; an uncaught exception leaves the core in an unknown
  // state, so it ends and the shell starts a fresh one.
  process.on('uncaughtException', (error, origin) => {
    log?.fatal({ err: error, origin, connections: connections.size }, 'station core crashed');
    process.stderr.write(`warebench core: ${origin}: ${error.stack ?? String(error)}\n`);
    process.exit(70);
  });
  process.on('unhandledRejection', (reason) => {
    log?.error({ err: reason, connections: connections.size }, 'unhandled rejection in the station core');
  });
  // Ctrl+C reaches the whole process group: the shell stops the core in order (shutdown), so the core waits for it.
  process.on('SIGINT', () => undefined);
  // The shell went away (killed, crashed): the core must not outlive it holding the data folder.
  process.on('disconnect', () => {
    void (station?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });

  process.on('message', async (raw: unknown) => {
    const parsed = ToCoreChild.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'init') {
      if (station || booting) return;
      booting = true;
      const logDir = message.logDir ?? stationPaths(message.dataDir).logs;
      log = createStationLogger({ dir: logDir });
      let embedded: { url: string; adminKey: string; siteId: string } | null = null;
      try {
        station = await bootRestartableStation({
          dataDir: message.dataDir,
          version: message.version,
          log,
          launch: {
            dataDir: message.dataDir,
            logDir,
            firstRunSetup: message.firstRunSetup,
            overrides: message.overrides as Partial<StationConfig>,
          },
          onEmbeddedServer: (server) => {
            embedded = server;
          },
        });
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      for (const id of waiting) attach(station, id);
      waiting.clear();
      send({ type: 'ready', embedded });
    } else if (message.type === 'connect') {
      if (station) attach(station, message.connection);
      else waiting.add(message.connection);
    } else if (message.type === 'disconnect') {
      waiting.delete(message.connection);
      connections.get(message.connection)?.close();
      connections.delete(message.connection);
    } else if (message.type === 'invoke') {
      const connection = connections.get(message.connection);
      const result = connection
        ? await connection.call(message.command, message.input)
        : {
            ok: false as const,
            error: { code: 'offline' as const, message: operatorMessage(station ? 'session.connectionClosed' : 'errors.coreStarting') },
          };
      send({ type: 'result', id: message.id, result });
    } else {
      for (const connection of connections.values()) connection.close();
      connections.clear();
      await station?.close();
      log?.file.close();
      process.exit(0);
    }
  });
}

runCoreChild();
