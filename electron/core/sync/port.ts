import type { RejectedOp, SyncState } from '../../../shared/domain/sync-state';
import type { Outbox } from '../storage/outbox';

/** What the station core needs of the sync client. */
export interface StationSync {
  state(): SyncState;
  /** Whether the cache holds the whole site (the initial sync, or the reload after a reset, is complete). */
  cacheComplete(): boolean;
  syncNow(): Promise<SyncState>;
  rejected(): RejectedOp[];
  resolve(opId: string, note: string, by: string): boolean;
  /** The outbox gained an op: push soon. */
  kick(): void;
  onState(listener: (state: SyncState) => void): () => void;
  stop(): Promise<void>;
}

/** No central server: ops wait in the outbox until the station is enrolled. */
export function standaloneSync(outbox: Outbox): StationSync {
  const listeners = new Set<(s: SyncState) => void>();
  const state = (): SyncState => ({
    mode: 'standalone',
    online: false,
    serverUrl: null,
    queueDepth: outbox.depth(),
    rejected: outbox.rejectedCount(),
    lastSyncAt: null,
    lastError: null,
    initialSync: { done: true, received: 0, total: null, secondsLeft: null },
    numbers: [],
  });
  return {
    state,
    syncNow: async () => state(),
    cacheComplete: () => true,
    rejected: () => [],
    resolve: () => false,
    kick: () => {
      const s = state();
      for (const l of listeners) l(s);
    },
    onState: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: async () => undefined,
  };
}
