import type { PGlite } from '@electric-sql/pglite';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { ClientConfig } from 'pg';
import { type BackoffPolicy, backoffDelay } from '../../shared/backoff';

/**
 * Tells every server process that a site's data changed. Writers call `notifySiteChanged` inside
 * their transaction (PostgreSQL delivers NOTIFY at commit, folds repeats, drops it on rollback);
 * each process LISTENs once and fans out to its live-channel subscribers.
 */
export const CHANGE_CHANNEL = 'warebench_changes';

/** Reconnecting the LISTEN connection: from 250 ms, doubling, at most 30 s, jittered so N processes do not reconnect in step. */
const LISTEN_RECONNECT: Partial<BackoffPolicy> = { initialMs: 250, maxMs: 30_000 };

export type SiteListener = (siteId: string) => void;

export interface ChangeNotifier {
  subscribe(siteId: string, listener: SiteListener): () => void;
  /** Subscribers across all sites (for tests and health). */
  size(): number;
  close(): Promise<void>;
}

export async function notifySiteChanged(db: QueryExecutorProvider, siteId: string): Promise<void> {
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${siteId})`.execute(db);
}

function createFanout() {
  const bySite = new Map<string, Set<SiteListener>>();
  return {
    subscribe(siteId: string, listener: SiteListener) {
      const set = bySite.get(siteId) ?? new Set<SiteListener>();
      bySite.set(siteId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) bySite.delete(siteId);
      };
    },
    emit(siteId: string) {
      for (const listener of [...(bySite.get(siteId) ?? [])]) listener(siteId);
    },
    /** After a lost LISTEN connection every site may have missed something. */
    emitAll() {
      for (const siteId of [...bySite.keys()]) this.emit(siteId);
    },
    size() {
      let n = 0;
      for (const set of bySite.values()) n += set.size;
      return n;
    },
  };
}

export async function createPgliteNotifier(pglite: PGlite): Promise<ChangeNotifier> {
  const fanout = createFanout();
  const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => fanout.emit(payload));
  return {
    subscribe: (siteId, listener) => fanout.subscribe(siteId, listener),
    size: () => fanout.size(),
    async close() {
      if (!pglite.closed) await unlisten();
    },
  };
}

/** A dedicated connection that LISTENs; reconnects with backoff and then wakes every subscriber. */
export async function createPgNotifier(config: ClientConfig): Promise<ChangeNotifier> {
  const pg = await import('pg');
  const fanout = createFanout();
  let closed = false;
  let client: InstanceType<typeof pg.default.Client> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  async function connect(): Promise<void> {
    const next = new pg.default.Client(config);
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) fanout.emit(message.payload);
    });
    next.on('error', () => reconnectSoon(next));
    next.on('end', () => reconnectSoon(next));
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
  }

  function reconnectSoon(lost: InstanceType<typeof pg.default.Client>): void {
    if (closed || client !== lost) return;
    client = null;
    lost.end().catch(() => undefined);
    schedule();
  }

  function schedule(): void {
    const delay = backoffDelay(attempt++, LISTEN_RECONNECT);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          attempt = 0;
          fanout.emitAll();
        },
        () => {
          if (!closed) schedule();
        },
      );
    }, delay);
    retryTimer.unref?.();
  }

  await connect();
  return {
    subscribe: (siteId, listener) => fanout.subscribe(siteId, listener),
    size: () => fanout.size(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
