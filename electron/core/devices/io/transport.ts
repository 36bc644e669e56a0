import type { Listener } from '../emitter';

export { createEmitter, type Emitter, type Listener } from '../emitter';

export type TransportState = 'closed' | 'opening' | 'open' | 'closing';

export interface TransportEvents {
  /** Bytes as they arrived: any size, a byte or many; for HID, one input report per event. */
  data: Uint8Array;
  /** The transport closed. `error` is set when it closed on its own: device gone, cable pulled, I/O error. */
  close: { error?: Error };
  /** A non-fatal problem (a failed write is reported through its promise instead). */
  error: Error;
}

/**
 * A byte pipe to one device, whatever carries it (serial, HID, in-memory simulator).
 * Every device driver talks to a ByteTransport only; a transport can be opened again after it closed.
 */
export interface ByteTransport {
  readonly type: 'serial' | 'hid' | 'sim';
  /** What it is connected to, for status lines: "/dev/ttyUSB0 9600 8N1", "hid 0922:8009". */
  readonly label: string;
  readonly state: TransportState;
  /** Rejects with a `TransportError` when the device cannot be opened. */
  open(): Promise<void>;
  /** Closes; resolves once closed. Closing a closed transport does nothing. Emits `close` without error. */
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  on<K extends keyof TransportEvents>(event: K, listener: Listener<TransportEvents[K]>): () => void;
}

/** Why a transport failed: `absent` when the device is not there (unplugged, ENOENT), so retrying makes sense. */
export type TransportFailure = 'absent' | 'permission' | 'busy' | 'io' | 'closed';

export class TransportError extends Error {
  readonly failure: TransportFailure;
  constructor(failure: TransportFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.failure = failure;
  }
}

/** Maps an OS error to a TransportError with a message that says what to do. */
export function toTransportError(error: unknown, what: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || /ENOENT|No such file|cannot open device|could not find/i.test(message)) {
    return new TransportError('absent', `${what} not found (unplugged?)`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || /EACCES|Permission denied/i.test(message)) {
    return new TransportError('permission', `${what}: permission denied (run \`warebench doctor\`)`, { cause: error });
  }
  if (code === 'EBUSY' || /EBUSY|Resource busy|Cannot lock port/i.test(message)) {
    return new TransportError('busy', `${what} is in use by another program`, { cause: error });
  }
  return new TransportError('io', `${what}: ${message}`, { cause: error });
}
