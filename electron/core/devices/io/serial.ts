import { stat } from 'node:fs/promises';
import { type Cancel, type Clock, systemClock } from '../../kernel/clock';
import {
  type ByteTransport,
  createEmitter,
  TransportError,
  type TransportEvents,
  type TransportState,
  toTransportError,
} from './transport';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  parity?: 'none' | 'even' | 'odd';
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  /**
   * How often to check that the device node still exists (Unix paths only). A pulled USB adapter or a
   * hung-up pty does not always fail the pending read, so the node's disappearance is what tells.
   */
  presenceIntervalMs?: number;
  clock?: Clock;
}

/** The part of serialport's SerialPort this transport uses. */
interface SerialPortLike {
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: Buffer, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  readonly isOpen: boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error | null) => void): unknown;
  removeAllListeners(): unknown;
}

export function serialLabel(options: SerialTransportOptions): string {
  const parity = (options.parity ?? 'none')[0]?.toUpperCase() ?? 'N';
  return `${options.path} ${options.baudRate} ${options.dataBits ?? 8}${parity}${options.stopBits ?? 1}`;
}

export function createSerialTransport(options: SerialTransportOptions): ByteTransport {
  const clock = options.clock ?? systemClock;
  const presenceIntervalMs = options.presenceIntervalMs ?? 500;
  const events = createEmitter<TransportEvents>();
  const label = serialLabel(options);
  let state: TransportState = 'closed';
  let port: SerialPortLike | undefined;
  let opening: Promise<void> | undefined;
  let stopPresence: Cancel | undefined;
  /** Set once the current session has reported its close, so it is reported once. */
  let closeReported = true;

  const finish = (error?: Error): void => {
    stopPresence?.();
    stopPresence = undefined;
    const current = port;
    port = undefined;
    state = 'closed';
    if (current) {
      current.removeAllListeners();
      current.on('error', () => undefined);
      if (current.isOpen) current.close(() => undefined);
    }
    if (!closeReported) {
      closeReported = true;
      events.emit('close', error ? { error } : {});
    }
  };

  const watchPresence = (): void => {
    if (process.platform === 'win32' || !options.path.startsWith('/')) return;
    const check = (): void => {
      stopPresence = clock.schedule(presenceIntervalMs, () => {
        if (state !== 'open') return;
        stat(options.path).then(
          () => {
            if (state === 'open') check();
          },
          (error: unknown) => {
            if (state === 'open') finish(toTransportError(error, `serial port ${options.path}`));
          },
        );
      });
    };
    check();
  };

  const doOpen = async (): Promise<void> => {
    state = 'opening';
    try {
      const { SerialPort } = await import('serialport');
      const next: SerialPortLike = new SerialPort({
        path: options.path,
        baudRate: options.baudRate,
        parity: options.parity ?? 'none',
        dataBits: options.dataBits ?? 8,
        stopBits: options.stopBits ?? 1,
        autoOpen: false,
      });
      await new Promise<void>((resolve, reject) => next.open((error) => (error ? reject(error) : resolve())));
      port = next;
      state = 'open';
      closeReported = false;
      next.on('data', (chunk) => events.emit('data', chunk));
      next.on('error', (error) => {
        if (port === next) finish(toTransportError(error ?? new Error('I/O error'), `serial port ${options.path}`));
      });
      next.on('close', (error) => {
        if (port === next) finish(new TransportError('absent', `serial port ${options.path} closed${error ? `: ${error.message}` : ''}`));
      });
      watchPresence();
    } catch (error) {
      state = 'closed';
      throw toTransportError(error, `serial port ${options.path}`);
    }
  };

  return {
    type: 'serial',
    label,
    get state() {
      return state;
    },
    open() {
      if (state === 'open') return Promise.resolve();
      opening ??= doOpen().finally(() => {
        opening = undefined;
      });
      return opening;
    },
    async close() {
      if (opening) await opening.catch(() => undefined);
      const current = port;
      if (!current) return;
      state = 'closing';
      stopPresence?.();
      current.removeAllListeners();
      current.on('error', () => undefined);
      await new Promise<void>((resolve) => {
        if (!current.isOpen) resolve();
        else current.close(() => resolve());
      });
      port = undefined;
      finish();
    },
    write(bytes) {
      const current = port;
      if (!current || state !== 'open') {
        return Promise.reject(new TransportError('closed', `serial port ${options.path} is not open`));
      }
      return new Promise<void>((resolve, reject) => {
        current.write(Buffer.from(bytes), (error) => {
          if (error) reject(toTransportError(error, `serial port ${options.path}`));
        });
        current.drain((error) => (error ? reject(toTransportError(error, `serial port ${options.path}`)) : resolve()));
      });
    },
    on: events.on,
  };
}
