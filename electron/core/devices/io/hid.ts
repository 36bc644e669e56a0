import {
  type ByteTransport,
  createEmitter,
  TransportError,
  type TransportEvents,
  type TransportState,
  toTransportError,
} from './transport';

export interface HidTransportOptions {
  vendorId: number;
  productId: number;
  /** Picks the interface when one device exposes several (e.g. 0x8C scanner, 0x8D scale, keyboard). */
  usagePage?: number;
  /** Tells identical devices apart. */
  serialNumber?: string;
  /** Opens this exact device node; skips the search by ids. */
  path?: string;
}

/** What node-hid's enumeration reports for one HID interface. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface: number;
}

/** The part of node-hid's HIDAsync this transport uses. */
interface HidHandle {
  close(): Promise<void>;
  write(values: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
}

export function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

export function hidLabel(options: HidTransportOptions): string {
  const page = options.usagePage === undefined ? '' : ` page 0x${options.usagePage.toString(16)}`;
  const serial = options.serialNumber ? ` #${options.serialNumber}` : '';
  return `hid ${hex4(options.vendorId)}:${hex4(options.productId)}${page}${serial}`;
}

/** Chooses the interface to open among the enumerated ones. */
export function pickHidDevice(devices: HidDeviceInfo[], options: HidTransportOptions): HidDeviceInfo | undefined {
  return devices.find(
    (device) =>
      device.vendorId === options.vendorId &&
      device.productId === options.productId &&
      (options.usagePage === undefined || device.usagePage === options.usagePage) &&
      (options.serialNumber === undefined || device.serialNumber === options.serialNumber) &&
      device.path !== undefined,
  );
}

/**
 * A HID device through node-hid's asynchronous API: enumeration, open and reads run off the
 * JavaScript thread, and each input report arrives as one `data` event.
 */
export function createHidTransport(options: HidTransportOptions): ByteTransport {
  const events = createEmitter<TransportEvents>();
  const label = hidLabel(options);
  let state: TransportState = 'closed';
  let handle: HidHandle | undefined;
  let opening: Promise<void> | undefined;

  const lose = (error: Error): void => {
    const current = handle;
    if (!current) return;
    handle = undefined;
    state = 'closed';
    current.removeAllListeners();
    current.on('error', () => undefined);
    current.close().catch(() => undefined);
    events.emit('close', { error });
  };

  const doOpen = async (): Promise<void> => {
    state = 'opening';
    try {
      const hid = await import('node-hid');
      let path = options.path;
      if (path === undefined) {
        const found = pickHidDevice(await hid.devicesAsync(options.vendorId, options.productId), options);
        if (!found?.path) throw new TransportError('absent', `${label} not found (unplugged?)`);
        path = found.path;
      }
      const next: HidHandle = await hid.HIDAsync.open(path);
      handle = next;
      state = 'open';
      next.on('error', (error) => {
        if (handle === next) lose(toTransportError(error, label));
      });
      next.on('data', (report) => events.emit('data', report));
    } catch (error) {
      state = 'closed';
      throw toTransportError(error, label);
    }
  };

  return {
    type: 'hid',
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
      const current = handle;
      if (!current) return;
      handle = undefined;
      state = 'closing';
      current.removeAllListeners();
      current.on('error', () => undefined);
      await current.close().catch(() => undefined);
      state = 'closed';
      events.emit('close', {});
    },
    async write(bytes) {
      const current = handle;
      if (!current || state !== 'open') throw new TransportError('closed', `${label} is not open`);
      try {
        await current.write(Buffer.from(bytes));
      } catch (error) {
        const failure = toTransportError(error, label);
        lose(failure);
        throw failure;
      }
    },
    on: events.on,
  };
}
