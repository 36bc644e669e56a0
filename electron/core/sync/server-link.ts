import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { buildDemoDataset } from '../../../shared/demo/dataset';
import type { Clock } from '../kernel/clock';
import type { StationConfig } from '../kernel/config';
import type { Logger } from '../kernel/log';
import { createMeta } from '../storage/meta';
import { createSyncClient } from './client';
import { startEmbeddedServer } from './embedded-server';
import { enroll } from './enroll';
import type { StationSync } from './port';

export interface ServerConnection {
  /** Makes the sync client; absent = standalone (ops wait in the outbox). */
  sync?: (deps: { db: Database; clock: Clock; log: Logger }) => StationSync;
  close?: () => Promise<void>;
  /** The embedded server's master data must be in the cache before the first sign-in. */
  waitForFirstSync: boolean;
  embedded?: { url: string; adminKey: string; siteId: string };
}

const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/**
 * Links the station to its central server as the config says: the embedded demo server (started here,
 * the station enrolled with it once), a real server by URL and credential, or none.
 */
export async function connectServer(options: {
  config: StationConfig;
  db: Database;
  dataDir: string;
  clock: Clock;
  log: Logger;
}): Promise<ServerConnection> {
  const { config, db, log } = options;
  if (config.server === null) return { waitForFirstSync: false };
  if (config.server !== 'embedded') {
    const { url, credential } = config.server;
    if (!credential) {
      log.warn({ url }, 'server URL set but the station is not enrolled: run `warebench enroll` or the setup wizard');
      return { waitForFirstSync: false };
    }
    return { waitForFirstSync: false, sync: (deps) => createSyncClient({ ...deps, serverUrl: url, credential }) };
  }

  const server = await startEmbeddedServer({
    dataDir: options.dataDir,
    log,
    dataset: () => buildDemoDataset(options.clock.now()),
    port: process.env.WAREBENCH_EMBEDDED_SERVER_PORT ? Number(process.env.WAREBENCH_EMBEDDED_SERVER_PORT) : undefined,
  });
  try {
    const meta = createMeta(db);
    let credential = meta.get('embedded_credential');
    // A credential from another embedded server (its data folder was reset) is useless: enroll again.
    if (!credential || meta.get('embedded_server') !== fingerprint(server.adminKey)) {
      const enrolled = await enroll(server.url, await server.enrollmentCode(), config.stationName, config.stationRole);
      credential = enrolled.credential;
      meta.set('embedded_credential', credential);
      meta.set('embedded_server', fingerprint(server.adminKey));
      log.info({ stationId: enrolled.stationId }, 'enrolled with the embedded server');
    }
    const stationCredential = credential;
    return {
      waitForFirstSync: true,
      sync: (deps) => createSyncClient({ ...deps, serverUrl: server.url, credential: stationCredential }),
      close: () => server.close(),
      embedded: { url: server.url, adminKey: server.adminKey, siteId: server.siteId },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
