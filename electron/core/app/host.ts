import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { ClientMessage, type ServerMessage } from '../../../shared/rpc';
import type { Station } from './station';

export interface HostOptions {
  station: Station;
  /** Folder of the built renderer (index.html); without it the host only speaks WebSocket. */
  staticDir?: string;
  port?: number;
  /** Loopback only, always: the station is never reachable from the network. */
  host?: '127.0.0.1' | '::1';
}

export interface Host {
  url: string;
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1 << 20;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:*; media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse): void {
  const root = resolve(staticDir);
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(root, urlPath));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/**
 * Runs the station core behind the contract on a loopback WebSocket (the browser shell and the e2e tests).
 * Only pages served by this host may connect (Origin check), so another web page in the same browser cannot drive the station.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const { station } = options;
  const bind = options.host ?? '127.0.0.1';
  const http: Server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (options.staticDir) serveStatic(options.staticDir, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 0, bind, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  const origin = `http://${bind === '::1' ? '[::1]' : bind}:${port}`;
  const allowedOrigins = new Set([origin, `http://localhost:${port}`]);

  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ origin: o }: { origin?: string }) => o === undefined || o === '' || allowedOrigins.has(o),
  });

  wss.on('connection', (socket: WebSocket) => {
    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const unsubscribe = station.subscribe((event, payload) => send({ type: 'event', event, payload }));
    socket.on('close', unsubscribe);
    socket.on('message', async (raw, isBinary) => {
      if (isBinary) {
        send({ type: 'result', id: null, result: { ok: false, error: { code: 'bad_message', message: 'Messages are JSON text.' } } });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString());
      } catch {
        send({
          type: 'result',
          id: null,
          result: { ok: false, error: { code: 'bad_message', message: 'The message is not valid JSON.' } },
        });
        return;
      }
      const message = ClientMessage.safeParse(json);
      if (!message.success) {
        const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
        const valid = id !== null && Number.isSafeInteger(id) && id >= 0 ? id : null;
        send({
          type: 'result',
          id: valid,
          result: {
            ok: false,
            error: { code: 'bad_message', message: 'Expected {"type":"invoke","id":<number>,"command":<string>,"input":...}.' },
          },
        });
        return;
      }
      const result = await station.call(message.data.command, message.data.input);
      send({ type: 'result', id: message.data.id, result });
    });
  });

  return {
    url: `${origin}/`,
    wsUrl: `ws://${bind === '::1' ? '[::1]' : bind}:${port}/ws`,
    port,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => http.close(() => done()));
        http.closeAllConnections();
      }),
  };
}
