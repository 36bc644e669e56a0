import type { WeightReading } from '../../../../shared/domain/devices';
import { type Cancel, type Clock, isoAt, msAt, sleep } from '../../kernel/clock';
import { createEmitter, type Listener } from '../emitter';
import type { ByteTransport } from '../io/transport';
import type { ScaleMessage } from './message';
import type { ScaleProtocol } from './protocols';
import { createSettleRule, type SettleOptions } from './settle';

export interface ScaleEvents {
  /** Every reading, newest last; `stable` is the scale's flag combined with the settle rule. */
  reading: WeightReading;
  /** A frame that could not be read (bad checksum, garbage); the scale keeps going. */
  invalid: { reason: string };
  /** Whether the scale answers: false after a poll goes unanswered or a stream falls silent. */
  responsive: boolean;
}

export class ScaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaleError';
  }
}

export interface ScaleOptions {
  transport: ByteTransport;
  protocol: ScaleProtocol;
  clock: Clock;
  deviceId?: string;
  /** Pause between polls of a polled scale (default 150 ms). */
  pollIntervalMs?: number;
  /** How long to wait for a reply to a poll (default 1000 ms) and to zero/tare (default 5000 ms). */
  replyTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Silence after which a continuously streaming scale counts as not responding (default 2000 ms). */
  silenceMs?: number;
  settle?: Omit<SettleOptions, 'clock'>;
}

/** One scale: keeps only its newest reading and answers `current()` / `readStable()` from it. */
export interface Scale {
  readonly protocol: ScaleProtocol['name'];
  readonly canZero: boolean;
  readonly canTare: boolean;
  /** The newest reading, or undefined before the first one. */
  current(): WeightReading | undefined;
  /** Resolves with the next settled reading (or the newest one if it is settled and fresh). */
  readStable(timeoutMs: number): Promise<WeightReading>;
  /** Resolves with the next reading, stable or not. */
  readNext(timeoutMs: number): Promise<WeightReading>;
  zero(): Promise<void>;
  tare(): Promise<void>;
  /** Begins polling / watching; call after the transport opened. */
  start(): void;
  /** Stops polling; pending commands fail. Call when the transport closed. */
  stop(): void;
  on<K extends keyof ScaleEvents>(event: K, listener: Listener<ScaleEvents[K]>): () => void;
}

interface Exchange {
  accepts(message: ScaleMessage): boolean;
  resolve(message: ScaleMessage): void;
}

const isReply = (message: ScaleMessage): boolean => message.type === 'reading' || message.type === 'refused' || message.type === 'invalid';
const isCommandReply = (message: ScaleMessage): boolean => message.type === 'ack' || message.type === 'refused';

export function createScale(options: ScaleOptions): Scale {
  const { transport, protocol, clock } = options;
  // Over 5 readings a second with the reply time on top: the live weight on the task screens follows the platter.
  const pollIntervalMs = options.pollIntervalMs ?? 150;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 5000;
  const silenceMs = options.silenceMs ?? 2000;
  const events = createEmitter<ScaleEvents>();
  const settle = createSettleRule({ ...options.settle, clock });
  const framer = protocol.createFramer();
  const freshMs = Math.max(2 * pollIntervalMs, 500);

  let latest: WeightReading | undefined;
  let latestAt = 0;
  let running = false;
  let generation = 0;
  let responsive: boolean | undefined;
  let lastHeard = 0;
  let stopWatch: Cancel | undefined;
  let pending: Exchange | undefined;
  /** Serialises commands: one outstanding exchange at a time. */
  let queue: Promise<unknown> = Promise.resolve();

  const setResponsive = (value: boolean): void => {
    if (responsive === value) return;
    responsive = value;
    events.emit('responsive', value);
  };

  const onReading = (raw: WeightReading): void => {
    const candidate: WeightReading = { ...raw, ...(options.deviceId ? { deviceId: options.deviceId } : {}), at: isoAt(clock) };
    const settled = settle.push(candidate);
    latest = { ...candidate, stable: settled };
    latestAt = msAt(clock);
    events.emit('reading', latest);
  };

  const onMessage = (message: ScaleMessage): void => {
    lastHeard = msAt(clock);
    setResponsive(true);
    if (message.type === 'reading') onReading(message.reading);
    else if (message.type === 'invalid') events.emit('invalid', { reason: message.reason });
    if (pending?.accepts(message)) {
      const exchange = pending;
      pending = undefined;
      exchange.resolve(message);
    }
  };

  transport.on('data', (bytes) => {
    for (const message of framer.push(bytes)) onMessage(message);
  });

  /** Sends a command and waits for the reply it expects; undefined on timeout or when stopped. */
  const exchange = (
    command: Uint8Array,
    accepts: (message: ScaleMessage) => boolean,
    timeoutMs: number,
  ): Promise<ScaleMessage | undefined> => {
    const run = async (): Promise<ScaleMessage | undefined> => {
      if (!running) return undefined;
      const reply = new Promise<ScaleMessage | undefined>((resolve) => {
        const cancel = clock.schedule(timeoutMs, () => {
          if (pending === entry) pending = undefined;
          resolve(undefined);
        });
        const entry: Exchange = {
          accepts,
          resolve: (message) => {
            cancel();
            resolve(message);
          },
        };
        pending = entry;
      });
      try {
        await transport.write(command);
      } catch {
        pending = undefined;
        return undefined;
      }
      return reply;
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const pollLoop = async (mine: number): Promise<void> => {
    const poll = protocol.poll;
    if (!poll) return;
    while (running && generation === mine) {
      const reply = await exchange(poll, isReply, replyTimeoutMs);
      if (generation !== mine) return;
      if (!reply) {
        framer.reset();
        setResponsive(false);
      }
      await sleep(clock, pollIntervalMs);
    }
  };

  const watchSilence = (mine: number): void => {
    stopWatch = clock.schedule(silenceMs, () => {
      if (!running || generation !== mine) return;
      if (msAt(clock) - lastHeard >= silenceMs) setResponsive(false);
      watchSilence(mine);
    });
  };

  const waitFor = (timeoutMs: number, wanted: (reading: WeightReading) => boolean, describeWait: () => string): Promise<WeightReading> =>
    new Promise((resolve, reject) => {
      const off = events.on('reading', (reading) => {
        if (!wanted(reading)) return;
        off();
        cancel();
        resolve(reading);
      });
      const cancel = clock.schedule(timeoutMs, () => {
        off();
        reject(new ScaleError(describeWait()));
      });
    });

  const lastSeen = (): string => {
    if (!running) return 'scale not connected';
    if (responsive === false || !latest) return 'scale not responding';
    if (latest.status === 'motion') return `scale in motion at ${latest.value} ${latest.unit}`;
    if (latest.status !== 'ok') return `scale reports ${latest.status}`;
    return `weight not settled at ${latest.value} ${latest.unit}`;
  };

  const command = async (name: 'zero' | 'tare'): Promise<void> => {
    const bytes = protocol[name];
    if (!bytes) throw new ScaleError(`${protocol.name} scales cannot ${name} from the station; use the scale's ${name} key`);
    if (!running) throw new ScaleError('scale not connected');
    const reply = await exchange(bytes, isCommandReply, commandTimeoutMs);
    if (!reply) throw new ScaleError(`no reply to ${name} within ${commandTimeoutMs} ms`);
    if (reply.type === 'refused') throw new ScaleError(`scale refused ${name}: ${reply.reason}`);
    if (reply.type !== 'ack') throw new ScaleError(`${name} failed: ${reply.type === 'invalid' ? reply.reason : 'unexpected reply'}`);
  };

  return {
    protocol: protocol.name,
    canZero: protocol.zero !== undefined,
    canTare: protocol.tare !== undefined,
    current: () => latest,
    readStable(timeoutMs) {
      if (!running) return Promise.reject(new ScaleError('scale not connected'));
      if (latest?.stable && msAt(clock) - latestAt <= freshMs) return Promise.resolve(latest);
      return waitFor(
        timeoutMs,
        (reading) => reading.stable,
        () => `no stable weight within ${timeoutMs} ms: ${lastSeen()}`,
      );
    },
    readNext(timeoutMs) {
      return waitFor(
        timeoutMs,
        () => true,
        () => `no reading within ${timeoutMs} ms: ${lastSeen()}`,
      );
    },
    zero: () => command('zero'),
    tare: () => command('tare'),
    start() {
      if (running) return;
      running = true;
      generation += 1;
      responsive = undefined;
      lastHeard = msAt(clock);
      framer.reset();
      settle.reset();
      if (protocol.poll) void pollLoop(generation);
      else if (protocol.continuous) watchSilence(generation);
    },
    stop() {
      if (!running) return;
      running = false;
      generation += 1;
      stopWatch?.();
      const exchangeInFlight = pending;
      pending = undefined;
      exchangeInFlight?.resolve({ type: 'invalid', reason: 'scale disconnected' });
    },
    on: events.on,
  };
}
