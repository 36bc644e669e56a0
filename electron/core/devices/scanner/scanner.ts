import type { ScanEvent, ScanSource } from '../../../../shared/domain/devices';
import { type Clock, isoAt } from '../../kernel/clock';
import { createEmitter, type Listener } from '../emitter';
import type { ByteTransport } from '../io/transport';
import { createHidScanAssembler } from './hid-pos-scanner';
import { createLineFramer, type LineFramingOptions } from './line-framer';
import { toScanEvent } from './scan-event';

export const SCANNER_PROTOCOLS = ['lines', 'hid-pos'] as const;
export type ScannerProtocol = (typeof SCANNER_PROTOCOLS)[number];

export interface ScannerEvents {
  scan: ScanEvent;
  /** Input that did not make a scan (empty, too long, only an AIM id). */
  invalid: { reason: string };
}

export interface ScannerOptions {
  transport: ByteTransport;
  /** 'lines' for serial (and simulated) scanners, 'hid-pos' for USB HID POS scanners. */
  protocol: ScannerProtocol;
  clock: Clock;
  deviceId?: string;
  framing?: LineFramingOptions;
}

export interface Scanner {
  readonly protocol: ScannerProtocol;
  on<K extends keyof ScannerEvents>(event: K, listener: Listener<ScannerEvents[K]>): () => void;
  /** Forgets a half-received scan (after a reconnect). */
  reset(): void;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function sourceOf(transport: ByteTransport): ScanSource {
  return transport.type;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { transport, clock } = options;
  const events = createEmitter<ScannerEvents>();
  const lines = createLineFramer(options.framing);
  const reports = createHidScanAssembler();
  const context = () => ({ source: sourceOf(transport), at: isoAt(clock), ...(options.deviceId ? { deviceId: options.deviceId } : {}) });

  const deliver = (raw: string): void => {
    const result = toScanEvent(raw, context());
    if (result.ok) events.emit('scan', result.event);
    else events.emit('invalid', { reason: result.reason });
  };

  transport.on('data', (bytes) => {
    if (options.protocol === 'lines') {
      const { scans, dropped } = lines.push(bytes);
      for (const reason of dropped) events.emit('invalid', { reason });
      for (const scan of scans) deliver(scan);
      return;
    }
    const scan = reports.push(bytes);
    if (!scan) return;
    let text: string;
    try {
      text = utf8.decode(scan.data);
    } catch {
      text = latin1.decode(scan.data);
    }
    deliver((scan.aimId ?? '') + text);
  });

  return {
    protocol: options.protocol,
    on: events.on,
    reset() {
      lines.reset();
      reports.reset();
    },
  };
}
