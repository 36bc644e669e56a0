import { AsyncLocalStorage } from 'node:async_hooks';

/** One window, tool or IPC link talking to the station: each has its own session and sees only its own events. */
export type ConnectionId = string;

const scope = new AsyncLocalStorage<ConnectionId>();

/** Runs `work` (and everything it awaits) on behalf of `connection`: events it emits belong to that connection. */
export function inConnection<T>(connection: ConnectionId, work: () => T): T {
  return scope.run(connection, work);
}

/** The connection the running work belongs to; null for work no connection asked for (device health, sync, timers). */
export function currentConnection(): ConnectionId | null {
  return scope.getStore() ?? null;
}
