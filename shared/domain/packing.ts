import { z } from 'zod';
import { Message } from '../messages';
import { Address, OrderStatus } from './master-data';

/** What the pack bench shows: the order being packed, its lines, cartons, weight checks, labels, manifests, KPIs. */

export const PackLine = z.object({
  lineNo: z.number().int(),
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  qty: z.number().int(),
  packed: z.number().int(),
  remaining: z.number().int(),
  lotTracked: z.boolean(),
  serialTracked: z.boolean(),
  unitWeightG: z.number(),
});
export type PackLine = z.infer<typeof PackLine>;

export const PackUnit = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  itemId: z.string(),
  sku: z.string(),
  qty: z.number().int(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  expiry: z.string().nullable(),
});
export type PackUnit = z.infer<typeof PackUnit>;

export const WeightStatus = z.enum(['ok', 'out', 'overridden']);
export type WeightStatus = z.infer<typeof WeightStatus>;

export const WeightCheck = z.object({
  status: WeightStatus,
  actualG: z.number(),
  expectedG: z.number(),
  diffG: z.number(),
  toleranceG: z.number(),
  message: Message,
  overrideBy: z.string().nullable(),
  overrideReason: z.string().nullable(),
});
export type WeightCheck = z.infer<typeof WeightCheck>;

export const LabelState = z.enum(['printed', 'voided']);

export const PrintState = z.enum(['queued', 'sent', 'done', 'failed', 'uncertain']);

export const CartonLabel = z.object({
  tracking: z.string(),
  state: LabelState,
  /** Which carrier adapter issued the tracking number; `fallback` = the house label printed because the carrier could not be reached. */
  adapter: z.string(),
  fallback: z.boolean(),
  printState: PrintState,
  printError: z.string().nullable(),
  prints: z.number().int(),
  /** The print queue's job of the label, for its preview on the pack screen. */
  jobId: z.string().nullable(),
});
export type CartonLabel = z.infer<typeof CartonLabel>;

export const PackCarton = z.object({
  id: z.string(),
  seq: z.number().int(),
  sscc: z.string(),
  cartonType: z.string(),
  cartonDescription: z.string(),
  state: z.enum(['open', 'closed']),
  units: z.array(PackUnit),
  unitCount: z.number().int(),
  expectedG: z.number(),
  weight: WeightCheck.nullable(),
  label: CartonLabel.nullable(),
  closedAt: z.string().nullable(),
});
export type PackCarton = z.infer<typeof PackCarton>;

export const PackOrder = z.object({
  id: z.string(),
  number: z.string(),
  tote: z.string().nullable(),
  shipTo: Address,
  carrier: z.string(),
  service: z.string(),
  notes: z.string(),
  gift: z.boolean(),
  fragile: z.boolean(),
  status: OrderStatus,
});
export type PackOrder = z.infer<typeof PackOrder>;

export const CartonChoice = z.object({
  code: z.string(),
  description: z.string(),
  innerLengthMm: z.number(),
  innerWidthMm: z.number(),
  innerHeightMm: z.number(),
  tareG: z.number(),
  maxWeightG: z.number(),
});
export type CartonChoice = z.infer<typeof CartonChoice>;

export const CartonRecommendation = z.object({
  code: z.string().nullable(),
  fitsAll: z.boolean(),
  reason: z.string(),
});
export type CartonRecommendation = z.infer<typeof CartonRecommendation>;

/** The next thing the packer has to do, for the big prompt on screen. */
export const PackStep = z.enum([
  'scan-order',
  'scan-items',
  'scan-serial',
  'weigh',
  'resolve-weight',
  'print-label',
  'close-carton',
  'close-shipment',
  'stopped',
]);
export type PackStep = z.infer<typeof PackStep>;

export const PackState = z.object({
  order: PackOrder.nullable(),
  /** Set when the order may not be packed further (cancelled while packing): the screen shows it as a stop banner. */
  stop: z.object({ reason: z.string(), message: Message }).nullable(),
  step: PackStep,
  lines: z.array(PackLine),
  cartons: z.array(PackCarton),
  openCartonId: z.string().nullable(),
  /** Carton type the next carton opens with, when the packer chose one before scanning into it. */
  nextCartonType: z.string().nullable(),
  recommendation: CartonRecommendation.nullable(),
  cartonTypes: z.array(CartonChoice),
  awaitingSerial: z.object({ lineNo: z.number().int(), itemId: z.string(), description: z.string() }).nullable(),
  /** The line the last accepted scan counted on: quantity keys apply to it. */
  lastScannedLineNo: z.number().int().nullable(),
  allowQuantityKeys: z.boolean(),
  remainingUnits: z.number().int(),
  canCloseCarton: z.boolean(),
  canCloseShipment: z.boolean(),
  /** The hands-free loop runs at this bench: the carton weighs itself, its label prints, scanning the label closes it. */
  handsFree: z.boolean(),
  /** A destructive command barcode waiting for its second scan (or CONFIRM). */
  confirm: z.object({ command: z.enum(['put-down', 'cancel']) }).nullable(),
  /** What the command just done says to the packer (null for a plain read). */
  notice: Message.nullable(),
});
export type PackState = z.infer<typeof PackState>;

export const ManifestCarton = z.object({
  cartonId: z.string(),
  sscc: z.string(),
  orderNumber: z.string(),
  tracking: z.string(),
  weightG: z.number(),
  service: z.string(),
  /** Labelled with a house label because the carrier could not be reached: needs the carrier's label before the manifest closes. */
  needsRelabel: z.boolean(),
});

export const Manifest = z.object({
  id: z.string(),
  carrier: z.string(),
  date: z.string(),
  state: z.enum(['open', 'closed']),
  cartons: z.array(ManifestCarton),
  totalWeightG: z.number(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type Manifest = z.infer<typeof Manifest>;

export const KpiFigures = z.object({
  orders: z.number().int(),
  units: z.number().int(),
  ordersPerHour: z.number(),
  unitsPerHour: z.number(),
  scanErrors: z.number().int(),
  weightExceptions: z.number().int(),
});
export type KpiFigures = z.infer<typeof KpiFigures>;

export const PackKpis = z.object({
  shiftStart: z.string(),
  shiftEnd: z.string(),
  packer: KpiFigures.extend({ operatorId: z.string() }),
  shift: KpiFigures,
});
export type PackKpis = z.infer<typeof PackKpis>;

export const PrintJob = z.object({
  id: z.string(),
  state: PrintState,
  description: z.string(),
  error: z.string().optional(),
});
export type PrintJob = z.infer<typeof PrintJob>;
