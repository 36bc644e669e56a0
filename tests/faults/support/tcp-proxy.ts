import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A real TCP proxy on loopback between a station and its server, able to fail the way networks do:
 * black-hole (connections accepted, nothing ever answered), and cut one connection after the server
 * answered a chosen request but before the answer reaches the client.
 */
export interface TcpProxy {
  port: number;
  url: string;
  /** From now on nothing gets through, on new and open connections alike; nothing is refused either. */
  blackhole(): void;
  /** Forward again (and forget an armed cut); connections caught in the black hole are reset, as a stalled TCP connection would be. */
  heal(): void;
  /**
   * The next answer to a request whose line (`METHOD /path`) matches is held back: `beforeCut` runs
   * (the server has done its work, the client has heard nothing), then both sides of that connection
   * are destroyed. Resolves with the request line once the cut is done.
   */
  cutNextAnswer(request: RegExp, beforeCut?: () => void | Promise<void>): Promise<string>;
  /** Requests seen per request line (`POST /sync/v1/push`), query strings left out. */
  requests(): Map<string, number>;
  close(): Promise<void>;
}

interface Connection {
  client: Socket;
  upstream: Socket | null;
  /** The request line of the request now on this connection (one at a time: no pipelining). */
  request: string | null;
  holed: boolean;
  cutting: boolean;
}

const REQUEST_LINE = /^([A-Z]+) ([^ ?\r\n]+)(?:\?[^ \r\n]*)? HTTP\/1\.[01]\r\n/;

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const host = target.host ?? '127.0.0.1';
  const open = new Set<Connection>();
  const seen = new Map<string, number>();
  let holing = false;
  let cut: {
    request: RegExp;
    beforeCut?: () => void | Promise<void>;
    done: (line: string) => void;
    failed: (error: unknown) => void;
  } | null = null;

  const drop = (conn: Connection) => {
    conn.client.destroy();
    conn.upstream?.destroy();
    open.delete(conn);
  };

  const server = createServer((client) => {
    const conn: Connection = { client, upstream: null, request: null, holed: holing, cutting: false };
    open.add(conn);
    client.on('error', () => drop(conn));
    client.on('close', () => drop(conn));
    if (conn.holed) {
      client.on('data', () => undefined);
      return;
    }
    const upstream = connect({ host, port: target.port });
    conn.upstream = upstream;
    upstream.on('error', () => drop(conn));
    upstream.on('close', () => drop(conn));
    client.on('data', (chunk: Buffer) => {
      if (conn.holed) return;
      const line = REQUEST_LINE.exec(chunk.toString('latin1', 0, Math.min(chunk.length, 512)));
      if (line) {
        conn.request = `${line[1]} ${line[2]}`;
        seen.set(conn.request, (seen.get(conn.request) ?? 0) + 1);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (conn.holed || conn.cutting) return;
      const pending = cut;
      if (pending && conn.request !== null && pending.request.test(conn.request)) {
        cut = null;
        conn.cutting = true;
        const line = conn.request;
        upstream.pause();
        void (async () => {
          try {
            await pending.beforeCut?.();
            drop(conn);
            pending.done(line);
          } catch (error) {
            drop(conn);
            pending.failed(error);
          }
        })();
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    blackhole() {
      holing = true;
      for (const conn of open) conn.holed = true;
    },
    heal() {
      holing = false;
      cut = null;
      for (const conn of [...open]) if (conn.holed) drop(conn);
    },
    cutNextAnswer(request, beforeCut) {
      if (cut) return Promise.reject(new Error('a cut is already armed'));
      return new Promise<string>((done, failed) => {
        cut = { request, ...(beforeCut ? { beforeCut } : {}), done, failed };
      });
    },
    requests: () => new Map(seen),
    async close() {
      cut?.failed(new Error('proxy closed'));
      cut = null;
      for (const conn of [...open]) drop(conn);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
