import { type ByteTransport, createEmitter, type Listener, TransportError, type TransportEvents, type TransportState } from './transport';

/**
 * The far side of a simulated device (what a real device's firmware would be): it sends bytes to the
 * station, sees what the station writes, and can be unplugged and plugged back in.
 */
export interface SimPeer {
  /** Delivers bytes to the station side, asynchronously, as real I/O would. */
  send(bytes: Uint8Array | string): void;
  /** Bytes the station wrote to the device. Returns a function that stops listening. */
  onReceive(listener: Listener<Uint8Array>): () => void;
  /** Pulls the cable: an open transport closes with an error, and opening fails until `plug()`. */
  unplug(reason?: string): void;
  plug(): void;
  readonly plugged: boolean;
}

export interface SimDevice {
  transport: ByteTransport;
  peer: SimPeer;
}

const encoder = new TextEncoder();

export function createSimTransport(options: { label?: string } = {}): SimDevice {
  const label = options.label ?? 'simulator';
  const events = createEmitter<TransportEvents>();
  const received = createEmitter<{ bytes: Uint8Array }>();
  let state: TransportState = 'closed';
  let plugged = true;
  /** Bumped on every close so bytes sent to an earlier session are not delivered to a later one. */
  let session = 0;

  const transport: ByteTransport = {
    type: 'sim',
    label,
    get state() {
      return state;
    },
    async open() {
      if (state === 'open') return;
      if (!plugged) throw new TransportError('absent', `${label} is unplugged`);
      state = 'open';
    },
    async close() {
      if (state !== 'open') return;
      state = 'closed';
      session += 1;
      events.emit('close', {});
    },
    async write(bytes) {
      if (state !== 'open') throw new TransportError('closed', `${label} is not open`);
      const copy = Uint8Array.from(bytes);
      queueMicrotask(() => received.emit('bytes', copy));
    },
    on: events.on,
  };

  const peer: SimPeer = {
    send(bytes) {
      const data = typeof bytes === 'string' ? encoder.encode(bytes) : Uint8Array.from(bytes);
      const at = session;
      queueMicrotask(() => {
        if (state === 'open' && at === session) events.emit('data', data);
      });
    },
    onReceive(listener) {
      return received.on('bytes', listener);
    },
    unplug(reason = 'cable pulled') {
      plugged = false;
      if (state === 'open') {
        state = 'closed';
        session += 1;
        events.emit('close', { error: new TransportError('absent', `${label}: ${reason}`) });
      }
    },
    plug() {
      plugged = true;
    },
    get plugged() {
      return plugged;
    },
  };

  return { transport, peer };
}
