import { z } from 'zod';

/** Where a scan came from. `wedge` is a keyboard-wedge scanner typing into the window. */
export const ScanSource = z.enum(['serial', 'hid', 'wedge', 'sim']);
export type ScanSource = z.infer<typeof ScanSource>;

/** Symbologies the station tells apart (from the AIM id where the scanner sends one). */
export const Symbology = z.enum([
  'gs1-128',
  'gs1-datamatrix',
  'gs1-qr',
  'gs1-databar',
  'gs1-dotcode',
  'ean-13',
  'ean-8',
  'upc-a',
  'upc-e',
  'itf-14',
  'code-128',
  'code-39',
  'datamatrix',
  'qr',
  'unknown',
]);
export type Symbology = z.infer<typeof Symbology>;

/** One scan, whatever the scanner: the single shape every scan takes on its way into a workflow. */
export const ScanEvent = z.object({
  data: z.string().min(1).max(4096),
  symbology: Symbology,
  /** AIM symbology identifier as received, e.g. "]C1"; absent when the scanner sent none. */
  aimId: z
    .string()
    .regex(/^\][A-Za-z][0-9A-Za-z]$/)
    .optional(),
  source: ScanSource,
  /** Device id from the station's device config, e.g. "pack-scanner". */
  deviceId: z.string().max(128).optional(),
  at: z.string().datetime(),
});
export type ScanEvent = z.infer<typeof ScanEvent>;

export const WeightUnit = z.enum(['kg', 'g', 'lb', 'oz']);
export type WeightUnit = z.infer<typeof WeightUnit>;

export const WeightStatus = z.enum(['ok', 'motion', 'overload', 'underload', 'fault']);
export type WeightStatus = z.infer<typeof WeightStatus>;

/** A scale reading turned into a domain value. `division` is the scale's resolution in `unit`. */
export const WeightReading = z.object({
  value: z.number().finite(),
  unit: WeightUnit,
  stable: z.boolean(),
  status: WeightStatus,
  division: z.number().positive().optional(),
  deviceId: z.string().max(128).optional(),
  at: z.string().datetime().optional(),
});
export type WeightReading = z.infer<typeof WeightReading>;

export const DeviceKind = z.enum(['scanner', 'scale', 'printer']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Visible state of one device, as the status bar and Devices screen show it. */
export const DeviceConnection = z.enum(['connected', 'connecting', 'disconnected', 'error', 'disabled']);
export type DeviceConnection = z.infer<typeof DeviceConnection>;

export const DeviceStatus = z.object({
  id: z.string(),
  role: z.string(),
  kind: DeviceKind,
  transport: z.string(),
  label: z.string(),
  connection: DeviceConnection,
  /** Human-readable detail: "paper out", "port /dev/ttyUSB0 gone, retrying in 4 s", ... */
  detail: z.string().optional(),
  since: z.string().datetime(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** Outcome of "test device": an echoed scan or beep for scanners, a reading for scales, a status for printers. */
export const DeviceTestResult = z.object({
  ok: z.boolean(),
  detail: z.string(),
  reading: WeightReading.optional(),
  scan: ScanEvent.optional(),
});
export type DeviceTestResult = z.infer<typeof DeviceTestResult>;

/** A weight put on a simulated scale (training mode). `motion`: swing before settling (true or ms). */
export const SimWeight = z.object({
  value: z.number().finite().min(-1_000_000).max(1_000_000),
  unit: WeightUnit.optional(),
  motion: z.union([z.boolean(), z.number().int().min(0).max(60_000)]).optional(),
  status: z.enum(['ok', 'overload', 'underload']).optional(),
});
export type SimWeight = z.infer<typeof SimWeight>;
