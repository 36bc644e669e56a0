import { z } from 'zod';
import { CountLine, CountScope, CountTask } from './domain/counts';
import { Asn, CartonType, Hold, Item, ItemClass, Location, OperatorRecord, Order, PurchaseOrder, SiteSettings } from './domain/master-data';
import { ReturnCondition, ReturnDisposition, Rma } from './domain/returns';

/**
 * The station <-> server sync protocol: ops a station pushes, changes it pulls, the live channel's
 * notifications, enrollment. Shared by the station core, the server and the renderer (no Node types).
 */

const Ref = z.string().min(1).max(64);
const Lot = z.string().min(1).max(20);
const Serial = z.string().min(1).max(40);
const Qty = z.number().int().positive().max(10_000_000);
const Sscc = z.string().regex(/^\d{18}$/, 'an SSCC is 18 digits');
const IsoTime = z.string().datetime({ offset: true });

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_LIMIT = 5000;

import { StationRole } from './domain/roles';
import { InspectionPhoto } from './rules/inspection';

export { StationRole };

export const ReceiptCondition = z.enum(['good', 'damaged', 'quarantine']);
export type ReceiptCondition = z.infer<typeof ReceiptCondition>;

export const ReceiptLinePayload = z.object({
  receiptId: Ref,
  poId: Ref,
  asnId: Ref.nullable(),
  /** null = an item the PO does not list (unexpected item). */
  poLineNo: z.number().int().positive().nullable(),
  itemId: Ref,
  qty: Qty,
  lot: Lot.nullable(),
  expiry: z.string().date().nullable(),
  serial: Serial.nullable(),
  condition: ReceiptCondition,
  reason: z.string().max(200).nullable(),
  lpn: Ref.nullable(),
  onHold: z.boolean(),
});
export type ReceiptLinePayload = z.infer<typeof ReceiptLinePayload>;

export const ReceiptUndoPayload = z.object({
  receiptId: Ref,
  undoesOpId: z.uuid(),
});
export type ReceiptUndoPayload = z.infer<typeof ReceiptUndoPayload>;

export const ReceiptCloseLine = z.object({
  poLineNo: z.number().int().positive().nullable(),
  itemId: Ref,
  ordered: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  damaged: z.number().int().nonnegative(),
  kind: z.enum(['ok', 'over', 'short', 'unexpected']),
});
export type ReceiptCloseLine = z.infer<typeof ReceiptCloseLine>;

export const ReceiptClosePayload = z.object({
  receiptId: Ref,
  poId: Ref,
  lines: z.array(ReceiptCloseLine).max(2000),
  approvedBy: Ref.nullable(),
});
export type ReceiptClosePayload = z.infer<typeof ReceiptClosePayload>;

/** One line of a receipt without PO, with the id the server lists it by. */
export const BlindReceiptLine = ReceiptLinePayload.pick({
  itemId: true,
  qty: true,
  lot: true,
  expiry: true,
  serial: true,
  condition: true,
  reason: true,
  lpn: true,
  onHold: true,
}).extend({ lineId: z.uuid() });
export type BlindReceiptLine = z.infer<typeof BlindReceiptLine>;

/** A receipt without PO or ASN (blind receipt), sent once when a supervisor closed it: the ERP sees it as unplanned. */
export const ReceiptBlindPayload = z.object({
  receiptId: Ref,
  supplierId: Ref,
  supplierName: z.string().min(1).max(200),
  openedAt: IsoTime,
  approvedBy: Ref,
  lines: z
    .array(BlindReceiptLine)
    .min(1)
    .max(2000)
    .refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'each line has its own id'),
});
export type ReceiptBlindPayload = z.infer<typeof ReceiptBlindPayload>;

export const StockLine = z.object({
  itemId: Ref,
  lot: Lot.nullable(),
  serial: Serial.nullable(),
  qty: Qty,
});
export type StockLine = z.infer<typeof StockLine>;

export const LpnPutawayPayload = z.object({
  lpn: Ref,
  location: Ref,
  items: z.array(StockLine).min(1).max(500),
});
export type LpnPutawayPayload = z.infer<typeof LpnPutawayPayload>;

/** A putaway taken back: the plate's units leave `location` for the receiving dock again. */
export const LpnPutawayUndoPayload = z.object({
  lpn: Ref,
  location: Ref,
  items: z.array(StockLine).min(1).max(500),
});
export type LpnPutawayUndoPayload = z.infer<typeof LpnPutawayUndoPayload>;

/** Units moved off a license plate onto a new one before putaway (a held unit split off a mixed pallet). */
export const LpnSplitPayload = z.object({
  fromLpn: Ref,
  toLpn: Ref,
  items: z.array(StockLine).min(1).max(500),
});
export type LpnSplitPayload = z.infer<typeof LpnSplitPayload>;

export const PackedLine = StockLine.extend({ lineNo: z.number().int().positive() });
export type PackedLine = z.infer<typeof PackedLine>;

export const PackCartonClosePayload = z.object({
  orderId: Ref,
  cartonId: Ref,
  sscc: Sscc,
  cartonType: Ref,
  items: z.array(PackedLine).min(1).max(500),
  weightG: z.number().nonnegative(),
  expectedG: z.number().nonnegative(),
  overrideBy: Ref.nullable(),
  overrideReason: z.string().max(200).nullable(),
  carrier: z.string().min(1).max(40),
  service: z.string().min(1).max(40),
  tracking: z.string().max(64),
});
export type PackCartonClosePayload = z.infer<typeof PackCartonClosePayload>;

export const ShipmentClosePayload = z.object({
  orderId: Ref,
  cartonIds: z.array(Ref).min(1).max(500),
});
export type ShipmentClosePayload = z.infer<typeof ShipmentClosePayload>;

export const OrderProblemPayload = z.object({
  orderId: Ref,
  reason: z.string().min(1).max(200),
});
export type OrderProblemPayload = z.infer<typeof OrderProblemPayload>;

export const ManifestClosePayload = z.object({
  manifestId: Ref,
  carrier: z.string().min(1).max(40),
  date: z.string().date(),
  cartonIds: z.array(Ref).min(1).max(5000),
});
export type ManifestClosePayload = z.infer<typeof ManifestClosePayload>;

export const ItemBarcodeLinkPayload = z.object({
  itemId: Ref,
  code: z.string().min(1).max(64),
  packQty: z.number().int().positive().max(100_000),
  linkedBy: Ref,
});
export type ItemBarcodeLinkPayload = z.infer<typeof ItemBarcodeLinkPayload>;

export const ReturnedUnit = z.object({
  unitId: Ref,
  itemId: Ref,
  lot: Lot.nullable(),
  expiry: z.string().date().nullable(),
  serial: Serial.nullable(),
  qty: Qty,
  condition: ReturnCondition,
  disposition: ReturnDisposition,
  location: Ref,
  held: z.boolean(),
  /** false = an item the RMA does not list, received with a supervisor's approval. */
  onRma: z.boolean(),
  approvedBy: Ref.nullable(),
});
export type ReturnedUnit = z.infer<typeof ReturnedUnit>;

/** A return received and closed at the station: every unit with its condition and where it went. */
export const ReturnClosePayload = z.object({
  returnId: Ref,
  rmaId: Ref,
  orderId: Ref,
  units: z.array(ReturnedUnit).min(1).max(2000),
});
export type ReturnClosePayload = z.infer<typeof ReturnClosePayload>;
/** A finished cycle count: what was found, judged again by the server against the ledger as it stood at `startedAt`. */
export const CountClosePayload = z.object({
  countId: Ref,
  /** The ERP's count task, or null for a count started at the station by scanning a location. */
  taskId: Ref.nullable(),
  scope: CountScope,
  location: Ref,
  itemId: Ref.nullable(),
  lpn: Ref.nullable(),
  startedAt: IsoTime,
  lines: z.array(CountLine).max(2000),
  countedBy: Ref,
  /** Another operator who counted again after a variance beyond the site's tolerance. */
  recountedBy: Ref.nullable(),
  /** The supervisor whose badge approved a variance beyond the tolerance. */
  approvedBy: Ref.nullable(),
});
export type CountClosePayload = z.infer<typeof CountClosePayload>;

export const InspectionUnitResult = z.object({
  unitNo: z.number().int().positive().max(100_000),
  passed: z.boolean(),
  /** The failed questions, by id; empty for a passed unit. */
  failed: z.array(z.string().min(1).max(64)).max(30),
  reason: z.string().max(200).nullable(),
});
export type InspectionUnitResult = z.infer<typeof InspectionUnitResult>;

/** The inspection of one item of a receipt, unit by unit, with the photo the station's camera took (or none). */
export const InspectionRecordPayload = z.object({
  inspectionId: Ref,
  receiptId: Ref,
  poId: Ref,
  itemId: Ref,
  units: z.array(InspectionUnitResult).min(1).max(500),
  answers: z.array(z.unknown()).max(500),
  photo: InspectionPhoto.nullable(),
});
export type InspectionRecordPayload = z.infer<typeof InspectionRecordPayload>;

/** A photo of goods received damaged or to quarantine, taken with the station's camera, kept with the receipt. */
export const ReceiptPhotoPayload = z.object({
  photoId: Ref,
  receiptId: Ref,
  poId: Ref,
  condition: z.enum(['damaged', 'quarantine']),
  reason: z.string().max(200).nullable(),
  photo: InspectionPhoto,
});
export type ReceiptPhotoPayload = z.infer<typeof ReceiptPhotoPayload>;

/** Payload schema of each op kind. */
export const opPayloads = {
  'receipt.line': ReceiptLinePayload,
  'receipt.undo': ReceiptUndoPayload,
  'receipt.close': ReceiptClosePayload,
  'receipt.blind': ReceiptBlindPayload,
  'lpn.putaway': LpnPutawayPayload,
  'lpn.split': LpnSplitPayload,
  'lpn.putaway.undo': LpnPutawayUndoPayload,
  'pack.carton.close': PackCartonClosePayload,
  'shipment.close': ShipmentClosePayload,
  'order.problem': OrderProblemPayload,
  'manifest.close': ManifestClosePayload,
  'item.barcode.link': ItemBarcodeLinkPayload,
  'return.close': ReturnClosePayload,
  'count.close': CountClosePayload,
  'inspection.record': InspectionRecordPayload,
  'receipt.photo': ReceiptPhotoPayload,
} as const;

export type OpKind = keyof typeof opPayloads;
export const OpKind = z.enum(Object.keys(opPayloads) as [OpKind, ...OpKind[]]);

const envelope = {
  /** UUIDv7 made by the station: the op's identity for dedupe. */
  opId: z.uuid(),
  /** Monotonic per station; the server applies a batch in this order. */
  stationSeq: z.number().int().nonnegative(),
  at: IsoTime,
  operatorId: Ref,
};

export const Op = z.discriminatedUnion('kind', [
  z.object({ ...envelope, kind: z.literal('receipt.line'), payload: ReceiptLinePayload }),
  z.object({ ...envelope, kind: z.literal('receipt.undo'), payload: ReceiptUndoPayload }),
  z.object({ ...envelope, kind: z.literal('receipt.close'), payload: ReceiptClosePayload }),
  z.object({ ...envelope, kind: z.literal('receipt.blind'), payload: ReceiptBlindPayload }),
  z.object({ ...envelope, kind: z.literal('lpn.putaway'), payload: LpnPutawayPayload }),
  z.object({ ...envelope, kind: z.literal('lpn.split'), payload: LpnSplitPayload }),
  z.object({ ...envelope, kind: z.literal('lpn.putaway.undo'), payload: LpnPutawayUndoPayload }),
  z.object({ ...envelope, kind: z.literal('pack.carton.close'), payload: PackCartonClosePayload }),
  z.object({ ...envelope, kind: z.literal('shipment.close'), payload: ShipmentClosePayload }),
  z.object({ ...envelope, kind: z.literal('order.problem'), payload: OrderProblemPayload }),
  z.object({ ...envelope, kind: z.literal('manifest.close'), payload: ManifestClosePayload }),
  z.object({ ...envelope, kind: z.literal('item.barcode.link'), payload: ItemBarcodeLinkPayload }),
  z.object({ ...envelope, kind: z.literal('return.close'), payload: ReturnClosePayload }),
  z.object({ ...envelope, kind: z.literal('count.close'), payload: CountClosePayload }),
  z.object({ ...envelope, kind: z.literal('inspection.record'), payload: InspectionRecordPayload }),
  z.object({ ...envelope, kind: z.literal('receipt.photo'), payload: ReceiptPhotoPayload }),
]);
export type Op = z.infer<typeof Op>;
export type OpOf<K extends OpKind> = Extract<Op, { kind: K }>;

export const RejectionCode = z.enum([
  'over_receipt',
  'po_closed',
  'item_on_hold',
  'unknown_item',
  'unknown_order',
  'unknown_po',
  'unknown_op',
  'order_cancelled',
  'duplicate_serial',
  'invalid_op',
  'unknown_rma',
  'serial_not_shipped',
  'disposition_refused',
  'count_needs_approval',
  'approver_not_supervisor',
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const PushRequest = z.object({
  ops: z.array(Op).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const OpStatus = z.enum(['applied', 'duplicate', 'rejected']);
export type OpStatus = z.infer<typeof OpStatus>;

export const OpResult = z.object({
  opId: z.uuid(),
  status: OpStatus,
  code: RejectionCode.optional(),
  reason: z.string().optional(),
});
export type OpResult = z.infer<typeof OpResult>;

export const PushResponse = z.object({ results: z.array(OpResult) });
export type PushResponse = z.infer<typeof PushResponse>;

export const SyncEntity = z.enum([
  'item',
  'location',
  'purchaseOrder',
  'asn',
  'order',
  'cartonType',
  'hold',
  'operator',
  'siteSettings',
  'rma',
  'countTask',
]);
export type SyncEntity = z.infer<typeof SyncEntity>;

/** Record schema of each entity a station pulls. */
export const entityRecords = {
  item: Item,
  location: Location,
  purchaseOrder: PurchaseOrder,
  asn: Asn,
  order: Order,
  cartonType: CartonType,
  hold: Hold,
  operator: OperatorRecord,
  siteSettings: SiteSettings,
  rma: Rma,
  countTask: CountTask,
} as const;

export const Change = z.object({
  seq: z.number().int().positive(),
  entity: SyncEntity,
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1),
  /** Present for upserts: the whole record; check it with `parseChangeRecord`. */
  record: z.unknown().optional(),
});
export type Change = z.infer<typeof Change>;

const SYNC_ENTITIES: ReadonlySet<string> = new Set(SyncEntity.options);

/**
 * A change checked without zod (the snapshot's million rows): the same rules as `Change` for its plain shape;
 * undefined when anything differs, and the caller judges it with `Change` itself.
 */
export function changeFromPlain(value: unknown): Change | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { seq, entity, op, id, record } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return undefined;
  if (typeof entity !== 'string' || !SYNC_ENTITIES.has(entity)) return undefined;
  if ((op !== 'upsert' && op !== 'delete') || typeof id !== 'string' || id.length === 0) return undefined;
  return record === undefined ? { seq, entity: entity as SyncEntity, op, id } : { seq, entity: entity as SyncEntity, op, id, record };
}

export type EntityRecord<E extends SyncEntity> = z.infer<(typeof entityRecords)[E]>;

/** A pulled change with its record checked against its entity's schema. */
export type TypedChange = {
  [E in SyncEntity]:
    | { seq: number; entity: E; op: 'upsert'; id: string; record: EntityRecord<E> }
    | { seq: number; entity: E; op: 'delete'; id: string };
}[SyncEntity];

export function parseChange(change: Change): TypedChange {
  if (change.op === 'delete') return { seq: change.seq, entity: change.entity, op: 'delete', id: change.id } as TypedChange;
  const record = entityRecords[change.entity].parse(change.record);
  return { seq: change.seq, entity: change.entity, op: 'upsert', id: change.id, record } as TypedChange;
}

export const PullQuery = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(MAX_PULL_LIMIT).default(1000),
  /** The server epoch the station last saw; a different one means the server was rebuilt. */
  epoch: z.string().max(64).optional(),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const PullPage = z.object({
  reset: z.literal(false).default(false),
  epoch: z.string(),
  changes: z.array(Change),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Changes after the cursor in all, sent with the first page of a pull from 0 (progress of an initial sync). */
  total: z.number().int().nonnegative().optional(),
});
export const PullReset = z.object({
  reset: z.literal(true),
  epoch: z.string(),
  reason: z.string(),
});
export const PullResponse = z.union([PullReset, PullPage]);
export type PullResponse = z.infer<typeof PullResponse>;

export const EnrollRequest = z.object({
  code: z.string().min(4).max(64),
  stationName: z.string().min(1).max(100),
  role: StationRole,
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  stationId: z.uuid(),
  siteId: z.string(),
  credential: z.string().min(32),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/**
 * What the live channel (SSE) sends: `hello` on connect (with the heartbeat interval), `pull` when the site changed,
 * `heartbeat` every `heartbeatMs` even when nothing happens: a station that hears nothing for a few intervals knows
 * the server (or the way to it) is gone.
 */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), epoch: z.string(), stationId: z.string(), heartbeatMs: z.number().int().positive().optional() }),
  z.object({ type: z.literal('pull'), siteId: z.string() }),
  z.object({ type: z.literal('heartbeat'), at: IsoTime }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const StationException = z.object({
  opId: z.uuid(),
  stationId: z.string(),
  kind: OpKind,
  code: RejectionCode,
  reason: z.string(),
  op: z.unknown(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type StationException = z.infer<typeof StationException>;

export const ResolveExceptionRequest = z.object({
  resolvedBy: Ref,
  note: z.string().max(500).default(''),
});

export const CarrierLabelRequest = z.object({
  orderId: Ref,
  cartonId: Ref,
  carrier: z.string().min(1).max(40),
  service: z.string().min(1).max(40),
  weightG: z.number().positive().max(1_000_000),
  shipTo: Order.shape.shipTo,
});
export type CarrierLabelRequest = z.infer<typeof CarrierLabelRequest>;

export const CarrierLabelResponse = z.object({
  tracking: z.string(),
  zpl: z.string().optional(),
});
export type CarrierLabelResponse = z.infer<typeof CarrierLabelResponse>;

/** The error body every 4xx/5xx of the server carries. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Initial sync and reset: `GET /sync/v1/snapshot` streams the site's change log as newline-delimited JSON frames
 * (gzip when the station accepts it). The first frame says how many rows come and up to which change the snapshot
 * reaches (`upTo`); `rows` frames carry the changes in seq order with the cursor to resume from after a cut
 * (`?after=<cursor>&upTo=<upTo>`); `end` closes it. After `end` the station pulls from `upTo` as usual: a change
 * made while the snapshot streamed has a seq above `upTo` and arrives by that pull.
 */
export const SnapshotQuery = z.object({
  /** Resume after this seq (the last `rows` frame's cursor); 0 = from the start. */
  after: z.coerce.number().int().nonnegative().default(0),
  /** The `upTo` of the snapshot being resumed; absent = the site's latest change now. */
  upTo: z.coerce.number().int().nonnegative().optional(),
  epoch: z.string().max(64).optional(),
  /**
   * `compact`: item upserts come in `items` frames, one array per item in SNAPSHOT_ITEM_COLUMNS order. `packed`: in
   * `packed` frames (see PACKED_ITEM_TEXTS), and as `items` frames where the server has no packed form of an item.
   */
  format: z.enum(['changes', 'compact', 'packed']).default('changes'),
});
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

/**
 * The fields of an item row in a compact snapshot, in order. Nearly all of a site's snapshot is items: as arrays they
 * are a third of the bytes and of the parsing. A null stands for a field the record does not have.
 */
export const SNAPSHOT_ITEM_COLUMNS = [
  'id',
  'sku',
  'description',
  'barcodes',
  'unitWeightG',
  'lengthMm',
  'widthMm',
  'heightMm',
  'lotTracked',
  'serialTracked',
  'expiryTracked',
  'minShelfLifeDays',
  'itemClass',
  'homeLocation',
  'overReceiptTolerancePct',
  'active',
] as const satisfies readonly (keyof Item)[];

// Every field of an item has its place in a compact row: a field added to `Item` and not here does not compile.
type ItemFieldsWithoutColumn = Exclude<keyof Item, (typeof SNAPSHOT_ITEM_COLUMNS)[number]>;
const everyItemFieldHasAColumn: [ItemFieldsWithoutColumn] extends [never] ? true : never = true;
void everyItemFieldHasAColumn;

const ITEM_COLUMN_INDEX = Object.fromEntries(SNAPSHOT_ITEM_COLUMNS.map((column, index) => [column, index])) as Record<keyof Item, number>;

/** A compact row's field by name, undefined where the row has null (as a record without the field). */
export function itemRowField(row: readonly unknown[], name: keyof Item): unknown {
  const value = row[ITEM_COLUMN_INDEX[name]];
  return value === null ? undefined : value;
}

/** The item record a source of fields stands for: absent where the source has none (defaults apply). */
export function itemRecordFromFields(field: (name: keyof Item) => unknown): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of SNAPSHOT_ITEM_COLUMNS) {
    const value = field(column);
    if (value !== undefined) record[column] = value;
  }
  return record;
}

/** The item record a compact row stands for: the fields by name, absent where the row has null (defaults apply). */
export function itemRecordFromRow(row: readonly unknown[]): Record<string, unknown> {
  return itemRecordFromFields((name) => itemRowField(row, name));
}

/**
 * The packed layout of items (`packed` snapshot frames, and the station's hand-over to its writer thread): their texts
 * end to end in one string, and per item in one list of numbers the length of each of PACKED_ITEM_TEXTS (-1 for
 * none), the PACKED_ITEM_NUMBERS (1/0 for yes/no, -1 for none), the number of barcodes, then per barcode the length
 * of its code (the codes follow the item's texts) and its pack quantity. A frame then parses as one string and one
 * list of numbers instead of an array and sixteen values per item.
 */
export const PACKED_ITEM_TEXTS = ['id', 'sku', 'description', 'itemClass', 'homeLocation'] as const satisfies readonly (keyof Item)[];
type PackedNumberField = Exclude<(typeof SNAPSHOT_ITEM_COLUMNS)[number], (typeof PACKED_ITEM_TEXTS)[number] | 'barcodes'>;
/** The item's other fields, in the order of a compact row: its numbers and yes/no flags. */
export const PACKED_ITEM_NUMBERS: readonly PackedNumberField[] = SNAPSHOT_ITEM_COLUMNS.filter(
  (column): column is PackedNumberField => column !== 'barcodes' && !(PACKED_ITEM_TEXTS as readonly string[]).includes(column),
);

/** Appends `item` in the packed layout to `texts` (joined later) and `numbers`; spelled out, as it runs a million times. */
export function packItem(item: Item, texts: string[], numbers: number[]): void {
  const home = item.homeLocation;
  texts.push(item.id, item.sku, item.description, item.itemClass);
  if (home !== null) texts.push(home);
  numbers.push(
    item.id.length,
    item.sku.length,
    item.description.length,
    item.itemClass.length,
    home === null ? -1 : home.length,
    item.unitWeightG,
    item.lengthMm,
    item.widthMm,
    item.heightMm,
    item.lotTracked ? 1 : 0,
    item.serialTracked ? 1 : 0,
    item.expiryTracked ? 1 : 0,
    item.minShelfLifeDays,
    item.overReceiptTolerancePct ?? -1,
    item.active ? 1 : 0,
    item.barcodes.length,
  );
  for (const barcode of item.barcodes) {
    numbers.push(barcode.code.length, barcode.packQty);
    texts.push(barcode.code);
  }
}

const MAX_PACKED_BARCODES = 50;
/** Numbers of one item before its barcodes: a length per text, its other fields, the number of barcodes. */
const PACKED_NUMBERS_PER_ITEM = PACKED_ITEM_TEXTS.length + PACKED_ITEM_NUMBERS.length + 1;
const PACKED_YES_NO: ReadonlySet<keyof Item> = new Set(['lotTracked', 'serialTracked', 'expiryTracked', 'active']);

/** Items in the packed layout, as a `packed` frame carries them. */
export interface PackedItems {
  count: number;
  text: string;
  numbers: readonly number[];
}

const ITEM_CLASS_NAMES: readonly string[] = ItemClass.options;

/** Whether text[from, to) is an item id as `Item` takes it: the characters of [A-Za-z0-9._:\-/]. */
function isIdAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 58) || // 0-9 :
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 46 || // .
      c === 95 || // _
      c === 45 || // -
      c === 47; // /
    if (!ok) return false;
  }
  return true;
}

const isIn = (v: number, min: number, max: number) => v >= min && v <= max;
const isCount = (v: number, min: number, max: number) => Number.isSafeInteger(v) && v >= min && v <= max;
const isYesNo = (v: number) => v === 0 || v === 1;

/**
 * Whether every item of a packed frame is an `Item` exactly as it stands, by the rules of `itemFromFields`, checked in
 * place without building an object: the million-row path. False when any item is not (or the frame does not add up):
 * `readPackedItems` then judges the items one by one.
 */
export function packedItemsValid(frame: PackedItems): boolean {
  const { count, text, numbers } = frame;
  let at = 0;
  let n = 0;
  for (let k = 0; k < count; k++) {
    if (n + PACKED_NUMBERS_PER_ITEM > numbers.length) return false;
    const id = numbers[n] as number;
    const sku = numbers[n + 1] as number;
    const description = numbers[n + 2] as number;
    const itemClass = numbers[n + 3] as number;
    const home = numbers[n + 4] as number;
    if (!isCount(id, 1, 64) || !isCount(sku, 1, 64) || !isCount(description, 0, 200)) return false;
    if (!isCount(itemClass, 1, 64) || !(home === -1 || isCount(home, 0, 64))) return false;
    if (at + id + sku + description + itemClass + Math.max(home, 0) > text.length || !isIdAt(text, at, at + id)) return false;
    at += id + sku + description;
    let knownClass = false;
    for (const name of ITEM_CLASS_NAMES) if (name.length === itemClass && text.startsWith(name, at)) knownClass = true;
    if (!knownClass) return false;
    at += itemClass + Math.max(home, 0);
    if (!isIn(numbers[n + 5] as number, 0, 10_000_000)) return false;
    if (
      !isIn(numbers[n + 6] as number, 0, 100_000) ||
      !isIn(numbers[n + 7] as number, 0, 100_000) ||
      !isIn(numbers[n + 8] as number, 0, 100_000)
    )
      return false;
    if (!isYesNo(numbers[n + 9] as number) || !isYesNo(numbers[n + 10] as number) || !isYesNo(numbers[n + 11] as number)) return false;
    if (!isCount(numbers[n + 12] as number, 0, 10_000)) return false;
    const tolerance = numbers[n + 13] as number;
    if (!(tolerance === -1 || isIn(tolerance, 0, 1000)) || !isYesNo(numbers[n + 14] as number)) return false;
    const barcodes = numbers[n + 15] as number;
    n += PACKED_NUMBERS_PER_ITEM;
    if (!isCount(barcodes, 0, MAX_PACKED_BARCODES) || n + 2 * barcodes > numbers.length) return false;
    for (let b = 0; b < barcodes; b++) {
      const length = numbers[n++] as number;
      if (!isCount(length, 1, 64) || !isCount(numbers[n++] as number, 1, Number.MAX_SAFE_INTEGER) || at + length > text.length)
        return false;
      at += length;
    }
  }
  return at === text.length && n === numbers.length;
}

/**
 * Reads the items of a packed frame one by one: `visit` gets each as its fields by name (undefined for none, as a
 * record without the field), to be checked as an `Item`. False when the lengths and numbers do not add up to
 * `count` items that use all of `text` and `numbers`: the frame is then not a packed frame at all.
 */
export function readPackedItems(frame: PackedItems, visit: (field: (name: keyof Item) => unknown) => void): boolean {
  const { count, text, numbers } = frame;
  let at = 0;
  let n = 0;
  const values = new Map<keyof Item, unknown>();
  const field = (name: keyof Item) => values.get(name);
  for (let k = 0; k < count; k++) {
    values.clear();
    if (n + PACKED_NUMBERS_PER_ITEM > numbers.length) return false;
    for (const name of PACKED_ITEM_TEXTS) {
      const length = numbers[n++] as number;
      if (length === -1) continue;
      if (!Number.isSafeInteger(length) || length < 0 || at + length > text.length) return false;
      values.set(name, text.slice(at, at + length));
      at += length;
    }
    for (const name of PACKED_ITEM_NUMBERS) {
      const value = numbers[n++] as number;
      if (value === -1 && name === 'overReceiptTolerancePct') continue;
      values.set(name, PACKED_YES_NO.has(name) && (value === 1 || value === 0) ? value === 1 : value);
    }
    const barcodeCount = numbers[n++] as number;
    if (!Number.isSafeInteger(barcodeCount) || barcodeCount < 0 || barcodeCount > MAX_PACKED_BARCODES) return false;
    if (n + 2 * barcodeCount > numbers.length) return false;
    const barcodes: { code: string; packQty: number }[] = [];
    for (let b = 0; b < barcodeCount; b++) {
      const length = numbers[n++] as number;
      if (!Number.isSafeInteger(length) || length < 0 || at + length > text.length) return false;
      barcodes.push({ code: text.slice(at, at + length), packQty: numbers[n++] as number });
      at += length;
    }
    values.set('barcodes', barcodes);
    visit(field);
  }
  return at === text.length && n === numbers.length;
}

export const SnapshotBegin = z.object({
  type: z.literal('begin'),
  epoch: z.string(),
  after: z.number().int().nonnegative(),
  upTo: z.number().int().nonnegative(),
  /** Rows this answer will carry (after `after`, up to `upTo`); with `after` = 0, the size of the whole snapshot. */
  rows: z.number().int().nonnegative(),
  /** The same rows by entity, so a station can say what it is loading. */
  byEntity: z.partialRecord(SyncEntity, z.number().int().nonnegative()),
});
export const SnapshotRows = z.object({ type: z.literal('rows'), changes: z.array(Change), cursor: z.number().int().nonnegative() });
/** Item upserts of a compact snapshot, in seq order up to `cursor`; each row is checked as an `Item` record. */
export const SnapshotItems = z.object({
  type: z.literal('items'),
  rows: z.array(z.array(z.unknown()).max(SNAPSHOT_ITEM_COLUMNS.length)),
  cursor: z.number().int().nonnegative(),
});
/**
 * Item upserts of a packed snapshot, `count` items in seq order up to `cursor`, laid out as PACKED_ITEM_TEXTS says;
 * each item is checked as an `Item` record.
 */
export const SnapshotPacked = z.object({
  type: z.literal('packed'),
  count: z.number().int().nonnegative(),
  text: z.string(),
  numbers: z.array(z.number()),
  cursor: z.number().int().nonnegative(),
});
export type SnapshotPacked = z.infer<typeof SnapshotPacked>;
export const SnapshotEnd = z.object({
  type: z.literal('end'),
  cursor: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});
export const SnapshotReset = PullReset.extend({ type: z.literal('reset') });
export const SnapshotFrame = z.discriminatedUnion('type', [
  SnapshotBegin,
  SnapshotRows,
  SnapshotItems,
  SnapshotPacked,
  SnapshotEnd,
  SnapshotReset,
]);
export type SnapshotFrame = z.infer<typeof SnapshotFrame>;

/** An items frame checked without zod (a million rows); undefined when anything differs, and zod judges it. */
function itemsFrameFromPlain(value: unknown): z.infer<typeof SnapshotItems> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, rows, cursor, ...rest } = value as Record<string, unknown>;
  if (type !== 'items' || !Array.isArray(rows) || typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0)
    return undefined;
  if (Object.keys(rest).length > 0) return undefined;
  for (const row of rows) if (!Array.isArray(row) || row.length > SNAPSHOT_ITEM_COLUMNS.length) return undefined;
  return { type, rows: rows as unknown[][], cursor };
}

/** A packed frame checked without zod (its lists are long); undefined when anything differs, and zod judges it. */
function packedFrameFromPlain(value: unknown): SnapshotPacked | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, count, text, numbers, cursor, ...rest } = value as Record<string, unknown>;
  if (type !== 'packed' || typeof text !== 'string' || !Array.isArray(numbers) || Object.keys(rest).length > 0) return undefined;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0) return undefined;
  for (const n of numbers) if (typeof n !== 'number') return undefined;
  return { type, count, text, numbers: numbers as number[], cursor };
}

/** A rows frame's envelope: its changes are then checked one by one with `changeFromPlain`. */
const SnapshotRowsEnvelope = z.object({ type: z.literal('rows'), changes: z.array(z.unknown()), cursor: z.number().int().nonnegative() });

/**
 * A decoded snapshot frame checked against the protocol: a rows frame by its envelope (zod) and its changes field by
 * field, everything else (and any rows frame that fails the quick check) by `SnapshotFrame` itself.
 */
export function parseSnapshotFrame(value: unknown): ReturnType<typeof SnapshotFrame.safeParse> {
  const items = itemsFrameFromPlain(value);
  if (items) return { success: true, data: items };
  const packed = packedFrameFromPlain(value);
  if (packed) return { success: true, data: packed };
  const envelope = SnapshotRowsEnvelope.safeParse(value);
  if (envelope.success) {
    const changes: Change[] = [];
    for (const raw of envelope.data.changes) {
      const change = changeFromPlain(raw);
      if (!change) return SnapshotFrame.safeParse(value);
      changes.push(change);
    }
    return { success: true, data: { type: 'rows', changes, cursor: envelope.data.cursor } };
  }
  return SnapshotFrame.safeParse(value);
}

/**
 * Number ranges: SSCC serial references, LPN numbers and manifest numbers are leased to a station in blocks by
 * the server, which never leases a number twice (one row-locked counter per site and kind).
 */
export const NumberKind = z.enum(['sscc', 'lpn', 'manifest']);
export type NumberKind = z.infer<typeof NumberKind>;

export const NumberLeaseRequest = z.object({
  kind: NumberKind,
  /** Numbers wanted; absent = the block the site's offline reserve calls for. Capped by the server. */
  count: z.number().int().positive().max(1_000_000).optional(),
});
export type NumberLeaseRequest = z.infer<typeof NumberLeaseRequest>;

export const NumberLease = z.object({
  kind: NumberKind,
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  /**
   * The offline reserve: the station asks for the next block (online) once fewer numbers than this are left, so
   * it always holds about `numberReserveDays` of its own use for a time without the server.
   */
  refillBelow: z.number().int().positive(),
  leasedAt: IsoTime,
});
export type NumberLease = z.infer<typeof NumberLease>;
