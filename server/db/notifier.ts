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

/** Tells every server process that a station was revoked: each drops what it remembered of the station's credential. */
export const REVOKE_CHANNEL = 'warebench_revocations';

export type SiteListener = (siteId: string) => void;

/** A revoked station's id, or null when revocations may have gone unheard (the LISTEN connection was lost). */
export type RevocationListener = (stationId: string | null) => void;

export interface ChangeNotifier {
  subscribe(siteId: string, listener: SiteListener): () => void;
  /** Hears revocations from every process, this one included (at commit of the revoking transaction). */
  onRevocation(listener: RevocationListener): () => void;
  /** Whether revocations are heard right now: false while the LISTEN connection is down. */
  hearing(): boolean;
  /** Subscribers across all sites (for tests and health). */
  size(): number;
  close(): Promise<void>;
}

export async function notifySiteChanged(db: QueryExecutorProvider, siteId: string): Promise<void> {
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${siteId})`.execute(db);
}

function createRevocationFanout() {
  const listeners = new Set<RevocationListener>();
  return {
    add(listener: RevocationListener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(stationId: string | null) {
      for (const listener of [...listeners]) listener(stationId);
    },
  };
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
  const revocations = createRevocationFanout();
  const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => fanout.emit(payload));
  const unlistenRevocations = await pglite.listen(REVOKE_CHANNEL, (payload) => revocations.emit(payload));
  return {
    subscribe: (siteId, listener) => fanout.subscribe(siteId, listener),
    onRevocation: (listener) => revocations.add(listener),
    hearing: () => !pglite.closed,
    size: () => fanout.size(),
    async close() {
      if (!pglite.closed) {
        await unlisten();
        await unlistenRevocations();
      }
    },
  };
}

/** A dedicated connection that LISTENs; reconnects with backoff and then wakes every subscriber. */
export async function createPgNotifier(config: ClientConfig): Promise<ChangeNotifier> {
  const pg = await import('pg');
  const fanout = createFanout();
  const revocations = createRevocationFanout();
  let closed = false;
  let client: InstanceType<typeof pg.default.Client> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  async function connect(): Promise<void> {
    const next = new pg.default.Client(config);
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) fanout.emit(message.payload);
      if (message.channel === REVOKE_CHANNEL && message.payload) revocations.emit(message.payload);
    });
    next.on('error', () => reconnectSoon(next));
    next.on('end', () => reconnectSoon(next));
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}; LISTEN ${REVOKE_CHANNEL}`);
    client = next;
  }

  function reconnectSoon(lost: InstanceType<typeof pg.default.Client>): void {
    if (closed || client !== lost) return;
    client = null;
    revocations.emit(null);
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
          revocations.emit(null);
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
    onRevocation: (listener) => revocations.add(listener),
    hearing: () => client !== null,
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
