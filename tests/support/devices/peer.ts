import { createSerialTransport } from '../../../electron/core/devices/io/serial';
import type { ByteTransport } from '../../../electron/core/devices/io/transport';

/** The test's side of a pty pair, opened with serialport like any other port. */
export interface Peer {
  transport: ByteTransport;
  send(data: string | Uint8Array): Promise<void>;
  /** Sends one byte at a time, each its own write, so the station receives frames split at every byte. */
  sendByteByByte(data: string | Uint8Array): Promise<void>;
  /**
   * Answers each command line (ended by `terminator`) with what `reply` returns; with `split` the
   * answer goes out a byte at a time.
   */
  answer(reply: (command: string) => string | Uint8Array | undefined, options?: { terminator?: '\r' | '\n'; split?: () => boolean }): void;
  /** Commands received so far. */
  readonly commands: string[];
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const toBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? encoder.encode(data) : data);

export async function openPeer(
  path: string,
  settings: { baudRate?: number; parity?: 'none' | 'even' | 'odd'; dataBits?: 7 | 8 } = {},
): Promise<Peer> {
  const transport = createSerialTransport({
    path,
    baudRate: settings.baudRate ?? 9600,
    parity: settings.parity ?? 'none',
    dataBits: settings.dataBits ?? 8,
    presenceIntervalMs: 100,
  });
  await transport.open();
  let line = '';
  let replier: ((command: string) => string | Uint8Array | undefined) | undefined;
  let end: '\r' | '\n' = '\n';
  let split: () => boolean = () => false;
  const commands: string[] = [];
  let replies: Promise<void> = Promise.resolve();
  const sendByteByByte = async (data: string | Uint8Array): Promise<void> => {
    for (const byte of toBytes(data)) {
      await transport.write(Uint8Array.of(byte));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  transport.on('data', (bytes) => {
    if (!replier) return;
    for (const byte of bytes) {
      const ch = String.fromCharCode(byte);
      if (ch === end) {
        const command = line.replace(/[\r\n]/g, '').trim();
        line = '';
        commands.push(command);
        const response = replier(command);
        if (response === undefined) continue;
        // One reply at a time, as a device answers: a reply sent byte by byte is not interleaved with the next.
        const byteByByte = split();
        replies = replies.then(() => (byteByByte ? sendByteByByte(response) : transport.write(toBytes(response)))).catch(() => undefined);
      } else line += ch;
    }
  });
  return {
    transport,
    send: (data) => transport.write(toBytes(data)),
    sendByteByByte,
    answer(reply, options = {}) {
      replier = reply;
      end = options.terminator ?? '\n';
      split = options.split ?? (() => false);
    },
    commands,
    close: () => transport.close(),
  };
}

/** Resolves with the first value `take` returns from events until `timeoutMs`. */
export function waitForEvent<T, R>(
  subscribe: (listener: (value: T) => void) => () => void,
  take: (value: T) => R | undefined,
  timeoutMs = 5000,
): Promise<R> {
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
