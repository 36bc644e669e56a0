import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/rpc';

/** What a socket saw: every message in arrival order, and how it closed. */
export interface HostClient {
  ws: WebSocket;
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  /** Sends an invoke and resolves with its result message. */
  call(command: string, input?: unknown): Promise<Extract<ServerMessage, { type: 'result' }>['result']>;
  events(name: string): unknown[];
  close(): void;
}

/** The address a local tool uses: the host's WebSocket with this launch's token. */
export const withToken = (wsUrl: string, token: string) => `${wsUrl}?token=${encodeURIComponent(token)}`;

/** Opens a socket to a station host (a local tool by default: `?token=`, no Origin); rejects with the HTTP status if refused. */
export function connectHost(
  url: string,
  options: { origin?: string; headers?: Record<string, string>; onMessage?: (m: ServerMessage) => void } = {},
): Promise<HostClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...(options.origin ? { origin: options.origin } : {}), headers: options.headers ?? {} });
    const messages: ServerMessage[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    let nextId = 1;
    const waiting = new Map<number, (result: Extract<ServerMessage, { type: 'result' }>['result']) => void>();
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as ServerMessage;
      messages.push(message);
      options.onMessage?.(message);
      if (message.type === 'result' && message.id !== null) {
        waiting.get(message.id)?.(message.result);
        waiting.delete(message.id);
      }
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      resolve({
        ws,
        messages,
        closed,
        call(command, input = {}) {
          const id = nextId++;
          return new Promise((done) => {
            waiting.set(id, done);
            ws.send(JSON.stringify({ type: 'invoke', id, command, input }));
          });
        },
        events: (name) => messages.flatMap((m) => (m.type === 'event' && m.event === name ? [m.payload] : [])),
        close: () => ws.close(),
      });
    });
  });
}
