import { z } from 'zod';
import { WeightUnit } from '../../../shared/domain/devices';

const usbId = z
  .union([
    z.number().int().min(0).max(0xffff),
    z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'expected a USB id like 0x0922 or 2338')
      .transform((text) => Number.parseInt(text.replace(/^0x/i, ''), 16)),
  ])
  .describe('USB vendor/product id: a number or a hex string like "0x0922"');

export const SerialTransportConfig = z.strictObject({
  type: z.literal('serial'),
  path: z.string().min(1, 'serial port path is required, e.g. /dev/ttyUSB0 or COM3'),
  /** Defaults per protocol: 9600 8N1 for MT-SICS, 9600 7E1 for NCI and Toledo. */
  baudRate: z.number().int().min(110).max(921_600).optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
  stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type SerialTransportConfig = z.infer<typeof SerialTransportConfig>;

export const HidTransportConfig = z.strictObject({
  type: z.literal('hid'),
  vendorId: usbId,
  productId: usbId,
  /** 0x8C scanner, 0x8D scale: picks the interface of a device that exposes several. */
  usagePage: usbId.optional(),
  serialNumber: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
});
export type HidTransportConfig = z.infer<typeof HidTransportConfig>;

export const SimTransportConfig = z.strictObject({ type: z.literal('sim') });
export const TcpTransportConfig = z.strictObject({
  type: z.literal('tcp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(9100),
});
export const CupsTransportConfig = z.strictObject({ type: z.literal('cups'), queue: z.string().min(1) });
export const WinPrintTransportConfig = z.strictObject({ type: z.literal('win-print'), printer: z.string().min(1) });

export const ScannerRole = z.enum(['receiving-scanner', 'pack-scanner', 'putaway-scanner']);
export const ScaleRole = z.enum(['receiving-scale', 'pack-scale']);
export const PrinterRole = z.enum(['label-printer', 'document-printer']);
export const DeviceRole = z.enum([...ScannerRole.options, ...ScaleRole.options, ...PrinterRole.options]);
export type DeviceRole = z.infer<typeof DeviceRole>;

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'device id: lower-case letters, digits and dashes, e.g. "pack-scale"'),
  label: z.string().min(1).max(80).optional(),
  /** A disabled device stays in the list (as disabled) and is never opened. */
  enabled: z.boolean().default(true),
};

export const ScannerDeviceConfig = z.strictObject({
  ...common,
  kind: z.literal('scanner'),
  role: ScannerRole,
  transport: z.discriminatedUnion('type', [SerialTransportConfig, HidTransportConfig, SimTransportConfig]),
  /** 'lines' for serial and simulated scanners, 'hid-pos' for HID POS; follows from the transport when absent. */
  protocol: z.enum(['lines', 'hid-pos']).optional(),
  framing: z
    .strictObject({
      prefix: z.string().max(16).optional(),
      suffix: z.string().max(16).optional(),
      encoding: z.enum(['utf-8', 'latin1']).optional(),
    })
    .optional(),
  /** Bytes that make this serial scanner beep, for "test device" (vendor specific; "\x07" style escapes allowed). */
  testCommand: z.string().min(1).max(64).optional(),
});
export type ScannerDeviceConfig = z.infer<typeof ScannerDeviceConfig>;

export const ScaleDeviceConfig = z.strictObject({
  ...common,
  kind: z.literal('scale'),
  role: ScaleRole,
  transport: z.discriminatedUnion('type', [SerialTransportConfig, HidTransportConfig, SimTransportConfig]),
  /** Required on a serial port; 'hid-pos' for HID scales; a simulated scale speaks MT-SICS. */
  protocol: z.enum(['mt-sics', 'nci', 'toledo', 'hid-pos']).optional(),
  pollIntervalMs: z.number().int().min(20).max(10_000).optional(),
  settle: z
    .strictObject({
      windowMs: z.number().int().min(0).max(10_000).optional(),
      toleranceDivisions: z.number().min(0).max(100).optional(),
    })
    .optional(),
  /** The scale's division when its frames do not tell (e.g. 0.005 kg). */
  division: z.number().positive().optional(),
  /** Unit for replies without one (MT-SICS "S +") and for the simulator. */
  unit: WeightUnit.optional(),
  /** Toledo continuous: a checksum character follows CR (default true). */
  checksum: z.boolean().optional(),
});
export type ScaleDeviceConfig = z.infer<typeof ScaleDeviceConfig>;

export const PrinterDeviceConfig = z.strictObject({
  ...common,
  kind: z.literal('printer'),
  role: PrinterRole,
  transport: z.discriminatedUnion('type', [TcpTransportConfig, CupsTransportConfig, WinPrintTransportConfig, SimTransportConfig]),
  protocol: z.enum(['zpl', 'pdf']).optional(),
  dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).optional(),
});
export type PrinterDeviceConfig = z.infer<typeof PrinterDeviceConfig>;

export const DeviceConfig = z
  .discriminatedUnion('kind', [ScannerDeviceConfig, ScaleDeviceConfig, PrinterDeviceConfig])
  .superRefine((device, ctx) => {
    const problem = protocolProblem(device);
    if (problem) ctx.addIssue({ code: 'custom', path: ['protocol'], message: problem });
  });
export type DeviceConfig = z.infer<typeof DeviceConfig>;
export type DeviceConfigInput = z.input<typeof DeviceConfig>;

export const DevicesConfig = z.array(DeviceConfig).superRefine((devices, ctx) => {
  const seen = new Set<string>();
  devices.forEach((device, index) => {
    if (seen.has(device.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `device id "${device.id}" is used twice` });
    seen.add(device.id);
  });
});
export type DevicesConfig = z.infer<typeof DevicesConfig>;

function protocolProblem(device: ScannerDeviceConfig | ScaleDeviceConfig | PrinterDeviceConfig): string | undefined {
  const transport = device.transport.type;
  if (device.kind === 'scanner') {
    if (device.protocol === 'hid-pos' && transport !== 'hid') return 'protocol hid-pos needs a hid transport';
    if (device.protocol === 'lines' && transport === 'hid') return 'a hid scanner speaks hid-pos, not lines';
  }
  if (device.kind === 'scale') {
    if (transport === 'serial' && (device.protocol === undefined || device.protocol === 'hid-pos')) {
      return 'a scale on a serial port needs protocol "mt-sics", "nci" or "toledo"';
    }
    if (transport === 'hid' && device.protocol !== undefined && device.protocol !== 'hid-pos') return 'a hid scale speaks hid-pos';
    if (transport === 'sim' && device.protocol !== undefined && device.protocol !== 'mt-sics') return 'the simulated scale speaks mt-sics';
  }
  return undefined;
}

/** The scanner protocol a device config resolves to. */
export function scannerProtocolOf(device: ScannerDeviceConfig): 'lines' | 'hid-pos' {
  return device.protocol ?? (device.transport.type === 'hid' ? 'hid-pos' : 'lines');
}

/** The scale protocol a device config resolves to. */
export function scaleProtocolOf(device: ScaleDeviceConfig): 'mt-sics' | 'nci' | 'toledo' | 'hid-pos' {
  if (device.protocol) return device.protocol;
  return device.transport.type === 'hid' ? 'hid-pos' : 'mt-sics';
}

export class DeviceConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`device configuration is invalid:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'DeviceConfigError';
    this.issues = issues;
  }
}

/**
 * Validates a device list (or `{ devices: [...] }`), throwing a DeviceConfigError whose issues name
 * the device and field: `device "pack-scale" (devices[1]) transport.baudRate: expected number`.
 */
export function parseDevicesConfig(input: unknown): DevicesConfig {
  const list =
    typeof input === 'object' && input !== null && !Array.isArray(input) && 'devices' in input
      ? (input as { devices: unknown }).devices
      : input;
  const parsed = DevicesConfig.safeParse(list);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number') return issue.message;
    const raw: unknown = Array.isArray(list) ? list[index] : undefined;
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? `device "${raw.id}" ` : '';
    const field = rest.map(String).join('.');
    return `${id}(devices[${index}])${field ? ` ${field}` : ''}: ${issue.message}`;
  });
  throw new DeviceConfigError(issues);
}
