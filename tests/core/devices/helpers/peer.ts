import { createSerialTransport } from '../../../../electron/core/devices/transports/serial';
import type { ByteTransport } from '../../../../electron/core/devices/transport';

/** The test's side of a pty pair, opened with serialport like any other port. */
export interface Peer {
  transport: ByteTransport;
  send(data: string | Uint8Array): Promise<void>;
  /** Sends one byte at a time, each its own write, so the station receives frames split at every byte. */
  sendByteByByte(data: string | Uint8Array): Promise<void>;
  /** Answers each command line (ended by `terminator`) with what `reply` returns. */
  answer(reply: (command: string) => string | Uint8Array | undefined, terminator?: '\r' | '\n'): void;
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const toBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? encoder.encode(data) : data);

export async function openPeer(path: string, settings: { baudRate?: number; parity?: 'none' | 'even' | 'odd'; dataBits?: 7 | 8 } = {}): Promise<Peer> {
  const transport = createSerialTransport({ path, baudRate: settings.baudRate ?? 9600, parity: settings.parity ?? 'none', dataBits: settings.dataBits ?? 8, presenceIntervalMs: 100 });
  await transport.open();
  let line = '';
  let replier: ((command: string) => string | Uint8Array | undefined) | undefined;
  let end: '\r' | '\n' = '\n';
  transport.on('data', (bytes) => {
    if (!replier) return;
    for (const byte of bytes) {
      const ch = String.fromCharCode(byte);
      if (ch === end) {
        const command = line.replace(/[\r\n]/g, '').trim();
        line = '';
        const response = replier(command);
        if (response !== undefined) void transport.write(toBytes(response)).catch(() => undefined);
      } else line += ch;
    }
  });
  return {
    transport,
    send: (data) => transport.write(toBytes(data)),
    async sendByteByByte(data) {
      for (const byte of toBytes(data)) {
        await transport.write(Uint8Array.of(byte));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
    answer(reply, terminator = '\n') {
      replier = reply;
      end = terminator;
    },
    close: () => transport.close(),
  };
}

/** Resolves with the first value `take` returns from events until `timeoutMs`. */
export function waitForEvent<T, R>(subscribe: (listener: (value: T) => void) => () => void, take: (value: T) => R | undefined, timeoutMs = 5000): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`event not seen within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = subscribe((value) => {
      const result = take(value);
      if (result === undefined) return;
      clearTimeout(timer);
      off();
      resolve(result);
    });
  });
}
