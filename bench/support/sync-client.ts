import type { Database } from 'better-sqlite3';
import { createSyncClient } from '../../electron/core/sync/client';

/** The bench station's sync client: started by hand, no live channel, no poll of its own during the figures. */
export function benchSyncClient(db: Database, serverUrl: string, credential: string) {
  return createSyncClient({ db, serverUrl, credential, autoStart: false, live: false, pullPageSize: 5000, pollIntervalMs: 3_600_000 });
}
