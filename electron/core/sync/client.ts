import type { Database } from 'better-sqlite3';
import { type BackoffPolicy, backoffDelay } from '../../../shared/backoff';
import { lowNumberMark, type RejectedOp, type SyncState } from '../../../shared/domain/sync-state';
import { LiveEvent } from '../../../shared/sync-protocol';
import { type Clock, systemClock } from '../kernel/clock';
import { type Logger, silentLogger } from '../kernel/log';
import { createMasterDataWriter } from '../storage/master-data';
import { createMeta } from '../storage/meta';
import { createNumberLeases } from '../storage/number-leases';
import { createOutbox } from '../storage/outbox';
import { createSyncExceptions } from './exceptions-repo';
import type { StationSync } from './port';
import { META_INITIAL_DONE, pullChanges } from './pull';
import { pushOutbox } from './push';
import { createServerApi, type FetchLike, SyncHttpError } from './server-api';
import { loadSnapshot, type SnapshotProgress } from './snapshot';
import { readSse } from './sse';

export const META_LAST_SYNC = 'sync.last_sync_at';

/** The number ranges the station takes from leases: SSCC serial references, license plate and manifest numbers. */
const LEASED_KINDS = ['sscc', 'lpn', 'manifest'] as const;

/** Silence on the live channel after which the server counts as gone. */
export const DEFAULT_LIVE_SILENCE_MS = 5000;
/** The live channel retries every few seconds at most: a server that is back is seen within seconds. */
const liveReconnect: BackoffPolicy = { initialMs: 250, maxMs: 3000, jitter: 0.5 };

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Full jitter up to a minute: many stations that lost the server come back spread out, and hours offline cost one try a minute. */
export const syncBackoff: BackoffPolicy = { initialMs: 500, maxMs: 60_000, jitter: 1 };

export interface SyncClientOptions {
  db: Database;
  serverUrl: string;
  credential: string;
  clock?: Clock;
  log?: Logger;
  fetch?: FetchLike;
  backoff?: Partial<BackoffPolicy>;
  pushBatchSize?: number;
  pullPageSize?: number;
  /** Sync this often when nothing else asks (the live channel normally makes this unnecessary). */
  pollIntervalMs?: number;
  /** Listen on the live channel and pull at once on a notification (default true). */
  live?: boolean;
  /** Silence on the live channel that means the server is gone (default 5 s). */
  liveSilenceMs?: number;
  requestTimeoutMs?: number;
  random?: () => number;
  onState?: (state: SyncState) => void;
  /** Start syncing right away (default true). */
  autoStart?: boolean;
}

export interface SyncClient extends StationSync {
  start(): void;
  /** Marks a refused op as dealt with, here and on the server. */
  resolveRejected(opId: string, note?: string, by?: string): boolean;
  /** Whether the live channel is connected now. */
  liveConnected(): boolean;
}

/**
 * The station's sync client: pushes the outbox in order (retry, exponential backoff with jitter, capped
 * so hours offline cost little), pulls changes by cursor into the master-data cache, listens on the live
 * channel and pulls at once when told. Refused ops go to the exceptions list and never block the queue.
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger();
  const policy: Partial<BackoffPolicy> = { ...syncBackoff, ...options.backoff };
  const random = options.random ?? Math.random;
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const outbox = createOutbox(db);
  const meta = createMeta(db);
  const writer = createMasterDataWriter(db);
  const exceptions = createSyncExceptions(db);
  const numbers = createNumberLeases(db);
  const api = createServerApi({
    serverUrl: options.serverUrl,
    credential: options.credential,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });

  const listeners = new Set<(state: SyncState) => void>();
  if (options.onState) listeners.add(options.onState);
  const stopController = new AbortController();
  let started = false;
  let stopped = false;
  let online = false;
  let lastError: string | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let live = false;
  let liveTask: Promise<void> | null = null;
  let progress: SnapshotProgress = { received: 0, total: null, secondsLeft: null };
  let lastEmitted = '';

  function state(): SyncState {
    return {
      mode: 'enrolled',
      online,
      serverUrl: options.serverUrl,
      queueDepth: outbox.depth(),
      rejected: exceptions.openCount(),
      lastSyncAt: meta.get(META_LAST_SYNC) ?? null,
      lastError,
      initialSync: { done: meta.get(META_INITIAL_DONE) === '1', ...progress },
      numbers: LEASED_KINDS.flatMap((kind) => {
        const stock = numbers.stock(kind);
        return stock ? [{ ...stock, low: stock.left <= lowNumberMark(stock.refillBelow) }] : [];
      }),
    };
  }

  function emit(): void {
    const current = state();
    const key = JSON.stringify(current);
    if (key === lastEmitted) return;
    lastEmitted = key;
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (error) {
        log.error({ err: error }, 'sync state listener failed');
      }
    }
  }

  async function cycle(): Promise<void> {
    const signal = stopController.signal;
    try {
      const pushed = await pushOutbox({ db, outbox, exceptions, api, clock, log, batchSize: options.pushBatchSize ?? 200 }, signal);
      if (pushed.applied + pushed.duplicate + pushed.rejected > 0) {
        // The server answered: the station is back online even before the pull that follows.
        online = true;
        lastError = null;
      }
      emit();
      for (let round = 0; ; round++) {
        if (meta.get(META_INITIAL_DONE) !== '1') {
          await loadSnapshot(
            {
              db,
              meta,
              writer,
              api,
              log,
              onProgress: (p) => {
                progress = p;
                online = true;
                emit();
              },
            },
            signal,
          );
        }
        const pulled = await pullChanges({ db, meta, writer, api, log, pageSize: options.pullPageSize ?? 1000 }, signal);
        if (pulled.resets === 0) break;
        if (round >= 3) throw new SyncHttpError(502, 'reset_loop', 'the server keeps answering reset; giving up until the next sync');
      }
      await refillNumbers(signal);
      online = true;
      lastError = null;
      failures = 0;
      meta.set(META_LAST_SYNC, clock.now().toISOString());
    } catch (error) {
      if (stopped) return;
      failures++;
      if (error instanceof SyncHttpError) {
        online = error.status !== 0 && error.status < 500;
        lastError = error.status === 401 ? `${error.message} (${error.code})` : error.message;
      } else {
        online = false;
        lastError = error instanceof Error ? error.message : String(error);
        log.error({ err: error }, 'sync cycle failed');
      }
      log.warn({ failures, error: lastError }, 'sync failed; will retry');
    } finally {
      emit();
    }
  }

  function clearTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function scheduleNext(): void {
    clearTimer();
    if (stopped) return;
    const delay = failures > 0 ? backoffDelay(failures - 1, policy, random) : pollIntervalMs;
    timer = setTimeout(runSoon, delay);
    timer.unref?.();
  }

  function runSoon(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimer();
    running = (async () => {
      do {
        again = false;
        await cycle();
      } while (again && !stopped && failures === 0);
    })().finally(() => {
      running = null;
      scheduleNext();
    });
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (stopController.signal.aborted) return resolve();
      const t = setTimeout(resolve, ms);
      stopController.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Online, numbers are leased again before they run low: the station always holds its offline reserve. */
  async function refillNumbers(signal: AbortSignal): Promise<void> {
    for (const kind of LEASED_KINDS) {
      const stock = numbers.stock(kind);
      if (stock && stock.left >= stock.refillBelow) continue;
      const lease = await api.leaseNumbers(kind, undefined, signal);
      db.transaction(() => numbers.add(lease))();
      log.info({ kind, first: lease.first, last: lease.last }, 'numbers leased');
    }
  }

  /** The server is gone (or the way to it): said at once, not at the next push. */
  function wentOffline(reason: string): void {
    if (!online && lastError === reason) return;
    online = false;
    lastError = reason;
    emit();
  }

  /**
   * The live channel, watched: the server sends a heartbeat every couple of seconds even when idle, so silence for
   * `liveSilenceMs` (default 5 s, or 2.5 heartbeats when the server names a slower one) means it is gone. The
   * connection is dropped, the station shows offline, and reconnects every few seconds; the next `hello` puts it
   * back online and syncs what was missed.
   */
  async function liveLoop(): Promise<void> {
    let attempt = 0;
    const configuredSilenceMs = options.liveSilenceMs ?? DEFAULT_LIVE_SILENCE_MS;
    while (!stopped) {
      const connection = new AbortController();
      let silenceMs = configuredSilenceMs;
      let watchdog: ReturnType<typeof setTimeout> | null = null;
      let silent = false;
      const watch = () => {
        if (watchdog) clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          silent = true;
          connection.abort(new Error('live channel silent'));
        }, silenceMs);
        watchdog.unref?.();
      };
      watch();
      try {
        const body = await api.openLive(AbortSignal.any([stopController.signal, connection.signal]));
        await readSse(body, (message) => {
          watch();
          if (message.event === 'hello') {
            const hello = LiveEvent.safeParse(safeJson(message.data));
            if (hello.success && hello.data.type === 'hello' && hello.data.heartbeatMs)
              silenceMs = Math.max(configuredSilenceMs, Math.ceil(2.5 * hello.data.heartbeatMs));
            live = true;
            attempt = 0;
            // Connected: the server is there, and changes may have been missed while away.
            online = true;
            lastError = null;
            failures = 0;
            emit();
            runSoon();
          } else if (message.event === 'pull') {
            runSoon();
          }
        });
        if (!stopped) wentOffline('server not reachable: the live channel closed');
      } catch (error) {
        if (stopped) break;
        log.debug({ err: error }, 'live channel lost');
        wentOffline(
          silent
            ? `server not reachable: nothing heard from it for ${Math.round(silenceMs / 1000)} s`
            : `server not reachable: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        if (watchdog) clearTimeout(watchdog);
      }
      live = false;
      if (stopped) break;
      await sleep(backoffDelay(attempt++, liveReconnect, random));
    }
  }

  const client: SyncClient = {
    start() {
      if (started || stopped) return;
      started = true;
      if (options.live !== false) liveTask = liveLoop();
      runSoon();
    },
    state,
    cacheComplete: () => meta.get(META_INITIAL_DONE) === '1',
    async syncNow() {
      if (stopped) return state();
      if (running) await running;
      failures = 0;
      runSoon();
      if (running) await running;
      return state();
    },
    rejected(): RejectedOp[] {
      return exceptions.open();
    },
    resolve(opId, note, by) {
      const resolved = exceptions.resolve(opId, by, note, clock.now().toISOString());
      if (resolved) {
        api.resolveException(opId, by, note, stopController.signal).catch((error: unknown) => {
          log.warn({ opId, err: error }, 'could not tell the server the exception was resolved');
        });
        emit();
      }
      return resolved;
    },
    resolveRejected(opId, note = '', by = 'station') {
      return client.resolve(opId, note, by);
    },
    kick() {
      if (!started || stopped) return emit();
      // While the server is away, new ops wait for the backoff timer instead of hammering it.
      if (failures === 0) runSoon();
      else emit();
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    liveConnected: () => live,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimer();
      stopController.abort();
      await running?.catch(() => undefined);
      await liveTask?.catch(() => undefined);
    },
  };
  if (options.autoStart !== false) client.start();
  return client;
}
