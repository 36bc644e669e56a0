import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import type { EventName } from '../../../shared/events';
import { message as operatorMessage } from '../../../shared/messages';
import { ClientMessage, type Result, type ServerMessage } from '../../../shared/rpc';
import { type Logger, silentLogger } from '../kernel/log';

/** One window or tool as the host sees it: the station's connection, or a proxy of it in another process. */
export interface HostedConnection {
  call(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): void;
}

/** What the host serves: a station (or a supervised station in a child process) that hands out connections. */
export interface HostedCore {
  connect(): HostedConnection;
}

export interface HostOptions {
  station: HostedCore;
  /** Folder of the built renderer (index.html); without it the host only speaks WebSocket. */
  staticDir?: string;
  port?: number;
  /** Loopback only, always: the station is never reachable from the network. */
  host?: '127.0.0.1' | '::1';
  /** Where local tools read this launch's token (written mode 0600), usually `<data>/host.token`. */
  tokenFile?: string;
  log?: Logger;
}

export interface Host {
  url: string;
  /** The WebSocket address, without the token. */
  wsUrl: string;
  port: number;
  /** This launch's token: a local tool connects to `${wsUrl}?token=${token}`. */
  token: string;
  /** Closes every WebSocket with `code` (1012 when the core restarted): each window reconnects and reads its session again. */
  dropConnections(code: number, reason: string): void;
  close(): Promise<void>;
}

export const MAX_MESSAGE_BYTES = 1 << 20;
/** Calls one connection may have waiting or running; more are answered `busy` at once. */
export const MAX_QUEUED_CALLS = 32;
const MAX_URL_LENGTH = 2048;
/** Cookies are per host name, not per port: each host's cookie carries its port, so two stations do not overwrite each other's. */
export const tokenCookie = (port: number) => `warebench-host-${port}`;

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

const contentSecurityPolicy = (port: number) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;

/** The path of a request, or null when it cannot be decoded (`/%`, `/%E0%A4%A`, a NUL byte, ...). */
function requestPath(url: string | undefined): string | null {
  if (!url || url.length > MAX_URL_LENGTH) return null;
  try {
    const path = decodeURIComponent(new URL(url, 'http://host.invalid').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Runs the station core behind the contract on a loopback WebSocket (the browser shell, local tools, the e2e tests).
 * A socket is accepted only with this host's Host header and this launch's token: the page it served carries it as an
 * HttpOnly SameSite=Strict cookie (its own Origin), a local tool as `?token=` (no Origin). No input ends the process:
 * bad URLs answer 400, a socket's errors close that socket, and each connection's calls wait in a bounded queue.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const { station } = options;
  const log = options.log ?? silentLogger();
  const bind = options.host ?? '127.0.0.1';
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const serveStatic = (staticDir: string, req: IncomingMessage, res: ServerResponse, path: string): void => {
    const root = resolve(staticDir);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
      return;
    }
    const page = extname(file) === '.html';
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      // The page this host serves carries the token to its own WebSocket; no other site's page ever sends it.
      ...(page ? { 'set-cookie': `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/ws` } : {}),
    });
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      log.warn({ err: error, file }, 'static file could not be read');
      res.destroy();
    });
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
    } else stream.pipe(res);
  };

  const http: Server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    res.on('error', (error) => log.warn({ err: error }, 'http response failed'));
    try {
      const path = requestPath(req.url);
      if (path === null) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request.');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (options.staticDir) serveStatic(options.staticDir, req, res, path);
      else res.writeHead(404).end();
    } catch (error) {
      log.error({ err: error, url: req.url?.slice(0, 200) }, 'http request failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  http.on('connection', (socket: Socket) => {
    socket.on('error', (error) => log.debug({ err: error }, 'http socket error'));
  });
  http.on('clientError', (error, socket) => {
    log.debug({ err: error }, 'malformed http request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 0, bind, () => ok());
  });
  http.on('error', (error) => log.error({ err: error }, 'host server error'));
  port = (http.address() as AddressInfo).port;
  const hostName = bind === '::1' ? '[::1]' : bind;
  const origin = `http://${hostName}:${port}`;
  const allowedHosts = new Set([`${hostName}:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  if (options.tokenFile) {
    writeFileSync(options.tokenFile, `${token}\n`, { mode: 0o600 });
    chmodSync(options.tokenFile, 0o600);
  }

  /** Who may open a socket: this host's name, and this launch's token from its own page (cookie) or a local tool (query). */
  const refusal = (req: IncomingMessage): [number, string] | null => {
    if (!allowedHosts.has(req.headers.host ?? '')) return [403, 'Forbidden host'];
    const from = req.headers.origin;
    if (from !== undefined) {
      if (!allowedOrigins.has(from)) return [403, 'Forbidden origin'];
      return sameSecret(cookie(req, tokenCookie(port)), token) ? null : [401, 'Token required'];
    }
    let given: string | undefined;
    try {
      given = new URL(req.url ?? '/', 'http://host.invalid').searchParams.get('token') ?? undefined;
    } catch {
      return [400, 'Bad request'];
    }
    return sameSecret(given, token) ? null : [401, 'Token required'];
  };

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
  });
  wss.on('error', (error) => log.error({ err: error }, 'websocket server error'));
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => log.debug({ err: error }, 'upgrade socket error'));
    const path = requestPath(req.url);
    const refused = path !== '/ws' ? ([404, 'Not found'] as [number, string]) : refusal(req);
    if (refused) {
      const [status, message] = refused;
      log.warn({ status, host: req.headers.host, origin: req.headers.origin }, 'websocket refused');
      socket.end(`HTTP/1.1 ${status} ${message}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (socket: WebSocket) => {
    const connection = station.connect();
    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const answer = (id: number | null, result: Result<unknown>) => send({ type: 'result', id, result });
    const unsubscribe = connection.subscribe((event, payload) => send({ type: 'event', event, payload }));
    // Oversized frames (1009) and invalid UTF-8 (1007) end up here: ws closes this socket, the station goes on.
    socket.on('error', (error) => log.warn({ err: error }, 'websocket closed on a bad frame'));
    socket.on('close', () => {
      queue.length = 0;
      unsubscribe();
      connection.close();
    });

    /** This connection's calls, one at a time, in order; bounded so a flood is refused, not queued. */
    const queue: ClientMessage[] = [];
    let running = false;
    const runNext = () => {
      const next = queue[0];
      if (!next || running) return;
      running = true;
      void connection
        .call(next.command, next.input)
        .catch((error: unknown): Result<unknown> => {
          log.error({ err: error, command: next.command }, 'call failed in the host');
          return { ok: false, error: { code: 'internal', message: operatorMessage('errors.internal') } };
        })
        .then((result) => {
          answer(next.id, result);
          queue.shift();
          running = false;
          // Yield to other sockets' I/O before this connection's next call.
          if (queue.length > 0) setImmediate(runNext);
        });
    };

    socket.on('message', (raw, isBinary) => {
      if (isBinary) {
        answer(null, { ok: false, error: { code: 'bad_message', message: operatorMessage('errors.badMessage') } });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString());
      } catch {
        answer(null, { ok: false, error: { code: 'bad_message', message: operatorMessage('errors.badMessage') } });
        return;
      }
      const message = ClientMessage.safeParse(json);
      if (!message.success) {
        const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
        const valid = id !== null && Number.isSafeInteger(id) && id >= 0 ? id : null;
        answer(valid, {
          ok: false,
          error: { code: 'bad_message', message: operatorMessage('errors.badMessage') },
        });
        return;
      }
      if (queue.length >= MAX_QUEUED_CALLS) {
        answer(message.data.id, {
          ok: false,
          error: { code: 'busy', message: operatorMessage('errors.busy') },
        });
        return;
      }
      queue.push(message.data);
      runNext();
    });
  });

  return {
    url: `${origin}/`,
    wsUrl: `ws://${hostName}:${port}/ws`,
    port,
    token,
    dropConnections(code, reason) {
      for (const client of wss.clients) client.close(code, reason);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => http.close(() => done()));
        http.closeAllConnections();
      }),
  };
}
