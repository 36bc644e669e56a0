import { readSse } from '../../../electron/core/sync/sse';
import { LiveEvent } from '../../../shared/sync-protocol';

export interface LiveClient {
  events: LiveEvent[];
  /** Resolves with the first event of this type after `since` events (default: any seen so far). */
  waitFor(type: LiveEvent['type'], options?: { since?: number; timeoutMs?: number }): Promise<LiveEvent>;
  close(): void;
}

/** Opens the live channel as a station does (fetch streaming) and records its events. */
export async function openLive(baseUrl: string, credential: string): Promise<LiveClient> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/sync/v1/live`, {
    headers: { authorization: `Bearer ${credential}` },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`live channel: HTTP ${response.status}`);
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  readSse(response.body, (message) => {
    events.push(LiveEvent.parse(JSON.parse(message.data)));
    for (const wake of [...waiters]) wake();
  }).catch(() => undefined);
  return {
    events,
    waitFor(type, options = {}) {
      const since = options.since ?? 0;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(since).find((e) => e.type === type);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" event within ${options.timeoutMs ?? 10_000} ms (got ${JSON.stringify(events)})`));
        }, options.timeoutMs ?? 10_000);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
