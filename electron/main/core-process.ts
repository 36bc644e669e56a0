// Runs in an Electron utilityProcess: the station core with its device I/O, off the window's thread.
// No 'electron' import here: the parent port is `process.parentPort` in a utility process.

import { message as operatorMessage } from '../../shared/messages';
import { bootRestartableStation, type RestartableStation } from '../core/app/restartable-station';
import type { StationConfig } from '../core/kernel/config';
import { type CredentialStore, configFileCredentials, keychainCredentials } from '../core/setup/credentials';
import { type CoreInit, type FromCore, ToCore } from './core-protocol';

function runCoreProcess(port: Electron.ParentPort): void {
  const send = (message: FromCore) => port.postMessage(message);
  let station: RestartableStation | null = null;
  let nextCredentialId = 1;
  const credentialAcks = new Map<number, (outcome: { ok: boolean; message?: string }) => void>();

  /** Hands the credential to the main process, which encrypts it with safeStorage; resolves once it is stored. */
  const persistInKeychain = (credential: string | null): Promise<void> => {
    const id = nextCredentialId++;
    return new Promise((resolve, reject) => {
      credentialAcks.set(id, (outcome) =>
        outcome.ok ? resolve() : reject(new Error(outcome.message ?? 'the credential could not be stored')),
      );
      send({ type: 'credential', id, credential });
    });
  };

  const boot = (init: CoreInit): Promise<RestartableStation> => {
    const credentials: CredentialStore =
      init.credentialStore === 'keychain' ? keychainCredentials(init.credential, persistInKeychain) : configFileCredentials();
    return bootRestartableStation({
      dataDir: init.dataDir,
      version: init.version,
      credentials,
      launch: {
        dataDir: init.dataDir,
        logDir: init.logDir,
        firstRunSetup: init.firstRunSetup,
        overrides: init.overrides as Partial<StationConfig>,
      },
    });
  };

  // An error nothing caught is logged with what the core was doing; after an uncaught exception the core's state is
  // unknown, so it ends and the main process starts a fresh one (with backoff).
  process.on('uncaughtException', (error, origin) => {
    station?.context.log.fatal({ err: error, origin }, 'station core crashed');
    process.stderr.write(`warebench core: ${origin}: ${error.stack ?? String(error)}\n`);
    process.exit(70);
  });
  process.on('unhandledRejection', (reason) => {
    if (station) station.context.log.error({ err: reason }, 'unhandled rejection in the station core');
    else process.stderr.write(`warebench core: unhandled rejection: ${String(reason)}\n`);
  });

  port.on('message', async ({ data }) => {
    const parsed = ToCore.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'init') {
      if (station) return;
      try {
        station = await boot(message);
      } catch (error) {
        send({ type: 'failed', message: (error as Error).message });
        return;
      }
      station.subscribe((event, payload) => send({ type: 'event', event, payload }));
      send({ type: 'ready', stationId: station.context.stationId });
    } else if (message.type === 'credential.saved') {
      credentialAcks.get(message.id)?.({ ok: message.ok, message: message.message });
      credentialAcks.delete(message.id);
    } else if (message.type === 'shutdown') {
      await station?.close();
      process.exit(0);
    } else {
      const { id, command, input } = message;
      const result = station
        ? await station.call(command, input)
        : { ok: false as const, error: { code: 'offline' as const, message: operatorMessage('errors.coreStarting') } };
      send({ type: 'result', id, result });
    }
  });
}

runCoreProcess(process.parentPort);
