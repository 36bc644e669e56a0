/**
 * Raw TCP printing (port 9100, "JetDirect"): connect, write the job, half-close, wait for the printer to close.
 * Optionally asks `~HS` on the same connection first and refuses to print when the printer reports a problem.
 */
import { createConnection, type Socket } from 'node:net';
import { createHostStatusReader, HOST_STATUS_QUERY } from '../hs-status';
import type { PrinterStatus } from '../status';
import { PrintError, type PrintErrorCode, type PrinterTransport } from './transport';

export interface TcpPrinterOptions {
  host: string;
  port?: number;
  /** Give up connecting after this long. */
  connectTimeoutMs?: number;
  /** Give up on a write, the close after it, or a status reply after this long. */
  ioTimeoutMs?: number;
  /** Ask `~HS` before each job and refuse (nothing printed) when the printer is not ready. */
  checkStatusBeforePrint?: boolean;
}

export const RAW_PRINT_PORT = 9100;

export interface TcpPrinterTransport extends PrinterTransport {
  /** Connects and disconnects: resolves when something accepts connections at the address. */
  reachable(): Promise<void>;
}

const NETWORK_CODES: Record<string, PrintErrorCode> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
};

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const advice: Record<PrintErrorCode, string> = {
  refused: 'nothing accepts connections there; check the printer is on and the address and port are right',
  timeout: 'no answer in time; check the printer is on and reachable',
  reset: 'the connection broke',
  unreachable: 'the address cannot be reached; check the network and the host name',
  'not-ready': 'the printer reports a problem',
  spooler: 'the spooler refused the job',
  unsupported: 'not available here',
};

export function createTcpPrinterTransport(options: TcpPrinterOptions): TcpPrinterTransport {
  const port = options.port ?? RAW_PRINT_PORT;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const ioTimeoutMs = options.ioTimeoutMs ?? 10_000;
  const target = `tcp://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const failure = (code: PrintErrorCode, mayHavePrinted: boolean, detail: string, cause?: unknown): PrintError =>
    new PrintError({ code, target, mayHavePrinted, message: `Printer ${target}: ${detail}` }, { cause });

  const networkFailure = (error: unknown, mayHavePrinted: boolean, stage: string): PrintError => {
    const errno = errnoOf(error);
    const code: PrintErrorCode = (errno === undefined ? undefined : NETWORK_CODES[errno]) ?? 'reset';
    const what = errno ? `${errno}` : error instanceof Error ? error.message : String(error);
    const printed = mayHavePrinted ? ' The label may or may not have printed.' : '';
    return failure(code, mayHavePrinted, `${stage} failed (${what}): ${advice[code]}.${printed}`, error);
  };

  function connect(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host: options.host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(failure('timeout', false, `no connection within ${connectTimeoutMs} ms: ${advice.timeout}.`));
      }, connectTimeoutMs);
      const onConnectError = (error: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(networkFailure(error, false, 'connecting'));
      };
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onConnectError);
        // Each stage adds its own error handler; this one keeps an error between stages from going unhandled.
        socket.on('error', () => undefined);
        resolve(socket);
      });
      socket.once('error', onConnectError);
    });
  }

  /** Writes `~HS` and reads until strings 1 and 2 arrived. Leaves the socket open. */
  function readStatus(socket: Socket): Promise<PrinterStatus> {
    return new Promise((resolve, reject) => {
      const reader = createHostStatusReader();
      const done = (): void => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('end', onEnd);
      };
      const onData = (chunk: Buffer): void => {
        const status = reader.push(chunk);
        if (status) {
          done();
          resolve(status);
        }
      };
      const onError = (error: Error): void => {
        done();
        reject(networkFailure(error, false, 'status query'));
      };
      const onEnd = (): void => {
        done();
        reject(failure('reset', false, 'closed the connection before answering ~HS.'));
      };
      const timer = setTimeout(() => {
        done();
        reject(
          failure(
            'timeout',
            false,
            `no ~HS answer within ${ioTimeoutMs} ms (some printers stay silent while out of media or ribbon or with the head open).`,
          ),
        );
      }, ioTimeoutMs);
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('end', onEnd);
      socket.write(HOST_STATUS_QUERY);
    });
  }

  /** Writes the job, half-closes, and waits for the printer to close its side. */
  function deliver(socket: Socket, bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      let flushed = false;
      let settled = false;
      const settle = (error?: PrintError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        // Everything handed to the network and the FIN sent: a printer that keeps its side open still got the job.
        if (flushed) settle();
        else settle(failure('timeout', true, `the job was not accepted within ${ioTimeoutMs} ms. The label may or may not have printed.`));
      }, ioTimeoutMs);
      socket.on('error', (error) => settle(networkFailure(error, true, 'sending the job')));
      socket.on('close', () =>
        settle(
          flushed
            ? undefined
            : failure('reset', true, 'closed the connection before taking the whole job. The label may or may not have printed.'),
        ),
      );
      socket.on('finish', () => {
        flushed = true;
      });
      socket.resume();
      socket.end(bytes);
    });
  }

  return {
    target,
    async send(bytes) {
      const socket = await connect();
      if (options.checkStatusBeforePrint) {
        let status: PrinterStatus;
        try {
          status = await readStatus(socket);
        } catch (error) {
          socket.destroy();
          throw error;
        }
        if (!status.ready) {
          socket.destroy();
          throw new PrintError({
            code: 'not-ready',
            target,
            mayHavePrinted: false,
            problems: status.problems,
            message: `Printer ${target} is not ready: ${status.problems.join(', ')}. Nothing was sent.`,
          });
        }
      }
      await deliver(socket, bytes);
      return { bytes: bytes.byteLength, target };
    },
    async status() {
      const socket = await connect();
      try {
        return await readStatus(socket);
      } finally {
        socket.destroy();
      }
    },
    async reachable() {
      (await connect()).destroy();
    },
  };
}
