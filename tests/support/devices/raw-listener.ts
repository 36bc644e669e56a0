/** A real TCP listener on 127.0.0.1 standing in for a raw port-9100 printer: records jobs, answers ~HS, can drop. */
import { createServer, type Server, type Socket } from 'node:net';

export type ListenerMode =
  /** take the job, close after the client's FIN */
  | { kind: 'accept' }
  /** reset the connection once this many bytes arrived */
  | { kind: 'drop'; afterBytes: number }
  /** accept the connection, then never read or close */
  | { kind: 'stall' };

export interface RawListener {
  port: number;
  url: string;
  /** Complete jobs (connections the client closed normally), bytes without ~HS queries. */
  jobs: Buffer[];
  /** Connections accepted so far. */
  connections: number;
  /** ~HS queries answered. */
  statusQueries: number;
  mode: ListenerMode;
  /** The reply to `~HS`; no reply when undefined. */
  hsReply: string | undefined;
  /** Resolves with the next complete job (bounded by `timeoutMs`). */
  nextJob(timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}

const STX = '\u0002';
const ETX = '\u0003';

/** A `~HS` reply with the given flags set. */
export function hsReply(
  flags: { paperOut?: boolean; paused?: boolean; headOpen?: boolean; ribbonOut?: boolean; labelWaiting?: boolean } = {},
): string {
  const bit = (on: boolean | undefined): string => (on ? '1' : '0');
  const one = `030,${bit(flags.paperOut)},${bit(flags.paused)},1218,000,0,0,0,000,0,0,0`;
  const two = `001,0,${bit(flags.headOpen)},${bit(flags.ribbonOut)},0,2,4,${bit(flags.labelWaiting)},00000000,1,000`;
  return `${STX}${one}${ETX}\r\n${STX}${two}${ETX}\r\n${STX}1234,0${ETX}\r\n`;
}

/** Listens on 127.0.0.1, on `port` or any free port. */
export async function startRawListener(initial: ListenerMode = { kind: 'accept' }, port = 0): Promise<RawListener> {
  const sockets = new Set<Socket>();
  const waiters: Array<(job: Buffer) => void> = [];
  const state: RawListener = {
    port: 0,
    url: '',
    jobs: [],
    connections: 0,
    statusQueries: 0,
    mode: initial,
    hsReply: undefined,
    nextJob(timeoutMs = 10_000) {
      const already = state.jobs[jobsTaken];
      if (already) {
        jobsTaken++;
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no job arrived within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((job) => {
          clearTimeout(timer);
          jobsTaken++;
          resolve(job);
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  let jobsTaken = 0;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    state.connections++;
    const mode = state.mode;
    const chunks: Buffer[] = [];
    let received = 0;
    let pending = '';
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode.kind === 'stall') {
      socket.pause();
      return;
    }
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (mode.kind === 'drop' && received >= mode.afterBytes) {
        socket.resetAndDestroy();
        return;
      }
      // ~HS is a host query, not label data: answer it and keep it out of the job.
      pending += chunk.toString('latin1');
      let at = pending.indexOf('~HS');
      while (at >= 0) {
        state.statusQueries++;
        if (state.hsReply !== undefined) socket.write(state.hsReply);
        chunks.push(Buffer.from(pending.slice(0, at), 'latin1'));
        pending = pending.slice(at + 3);
        at = pending.indexOf('~HS');
      }
      const keep = pending.endsWith('~H') ? 2 : pending.endsWith('~') ? 1 : 0;
      chunks.push(Buffer.from(pending.slice(0, pending.length - keep), 'latin1'));
      pending = pending.slice(pending.length - keep);
    });
    socket.on('end', () => {
      chunks.push(Buffer.from(pending, 'latin1'));
      const job = Buffer.concat(chunks);
      socket.end();
      if (job.length === 0) return;
      state.jobs.push(job);
      const waiter = waiters.shift();
      if (waiter) waiter(job);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('listener has no port');
  state.port = address.port;
  state.url = `tcp://127.0.0.1:${address.port}`;
  return state;
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
