import { type BackoffPolicy, backoffDelay } from '../../../shared/backoff';
import { message as operatorMessage } from '../../../shared/messages';
import { type Result, ResultSchema, ServerMessage } from '../../../shared/rpc';
import type { Transport } from './transport';

/** The core host is on the same machine: reconnect quickly, and at least every 5 s. */
const reconnectBackoff: Partial<BackoffPolicy> = { initialMs: 250, maxMs: 5000 };

const RELOADED_AT = 'warebench.reloadedForToken';

/**
 * The host is up but refuses the socket: the page's token is from an earlier launch of the host (its cookie is set
 * when the page is served). Loading the page again fetches this launch's token; at most once a minute.
 */
async function refreshTokenIfRefused(failures: number): Promise<void> {
  if (failures < 2) return;
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  try {
    const health = await fetch('/healthz', { cache: 'no-store' });
    if (!health.ok) return;
  } catch {
    return;
  }
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  location.reload();
}

/** WebSocket to the core host, reconnecting with backoff; calls made while disconnected fail at once with `offline`. */
export function wsTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failedAttempts = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let connected = false;
  let opening: Promise<void> | null = null;

  const setConnected = (value: boolean) => {
    connected = value;
    for (const l of connectionListeners) l(value);
  };

  const open = (): Promise<void> => {
    if (opening) return opening;
    opening = new Promise<void>((resolve) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        failedAttempts = 0;
        setConnected(true);
        resolve();
      };
      ws.onmessage = (e) => {
        let json: unknown;
        try {
          json = JSON.parse(String(e.data));
        } catch {
          return;
        }
        const message = ServerMessage.safeParse(json);
        if (!message.success) return;
        if (message.data.type === 'event') {
          for (const l of listeners) l(message.data.event, message.data.payload);
        } else if (message.data.id !== null) {
          const done = pending.get(message.data.id);
          pending.delete(message.data.id);
          const result = ResultSchema.safeParse(message.data.result);
          done?.(
            result.success
              ? (result.data as Result<unknown>)
              : { ok: false, error: { code: 'bad_message', message: operatorMessage('errors.badAnswer') } },
          );
        }
      };
      let opened = false;
      ws.addEventListener('open', () => {
        opened = true;
      });
      ws.onclose = () => {
        opening = null;
        socket = null;
        if (connected) setConnected(false);
        if (!opened) void refreshTokenIfRefused(failedAttempts);
        for (const [, done] of pending) done({ ok: false, error: { code: 'offline', message: operatorMessage('errors.offline') } });
        pending.clear();
        resolve();
        setTimeout(() => void open(), backoffDelay(failedAttempts++, reconnectBackoff));
      };
    });
    return opening;
  };
  void open();

  return {
    async invoke(command, input) {
      if (!connected) await open();
      const ws = socket;
      if (!ws || ws.readyState !== WebSocket.OPEN)
        return { ok: false, error: { code: 'offline', message: operatorMessage('errors.offline') } };
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'invoke', id, command, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
  };
}
