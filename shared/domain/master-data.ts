import { z } from 'zod';
import { CountSettings, InspectionPlan } from './counts';
import { Language } from './language';

/**
 * Master data as the central server owns it and the station caches it.
 * These shapes travel in sync pulls and ERP imports; ids are the ERP's external ids.
 */

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:\-/]+$/, 'ids use letters, digits and . _ : - /');
const Text = (max: number) => z.string().max(max);

export const ItemClass = z.enum(['general', 'hazmat', 'cold', 'fast-mover', 'bulky', 'high-value']);
export type ItemClass = z.infer<typeof ItemClass>;

export const ItemBarcode = z.object({
  /** GTIN normalized to 14 digits, or the plain code for non-GS1 barcodes. */
  code: z.string().min(1).max(64),
  /** Units of the item one scan of this code stands for (a case GTIN counts its pack quantity). */
  packQty: z.number().int().positive().default(1),
});
export type ItemBarcode = z.infer<typeof ItemBarcode>;

export const Item = z.object({
  id: Id,
  sku: z.string().min(1).max(64),
  description: Text(200),
  barcodes: z.array(ItemBarcode).max(50).default([]),
  /** Weight of one unit in grams. */
  unitWeightG: z.number().nonnegative().max(10_000_000),
  lengthMm: z.number().nonnegative().max(100_000).default(0),
  widthMm: z.number().nonnegative().max(100_000).default(0),
  heightMm: z.number().nonnegative().max(100_000).default(0),
  lotTracked: z.boolean().default(false),
  serialTracked: z.boolean().default(false),
  expiryTracked: z.boolean().default(false),
  /** Days of shelf life an inbound lot must still have; 0 = no rule. */
  minShelfLifeDays: z.number().int().nonnegative().max(10_000).default(0),
  itemClass: ItemClass.default('general'),
  homeLocation: z.string().max(64).nullable().default(null),
  /** Over-receipt allowed for this item, percent of the ordered quantity; null = PO/site default. */
  overReceiptTolerancePct: z.number().min(0).max(1000).nullable().default(null),
  active: z.boolean().default(true),
});
export type Item = z.infer<typeof Item>;

export const LocationStatus = z.enum(['available', 'hold', 'blocked']);
export type LocationStatus = z.infer<typeof LocationStatus>;

export const Location = z.object({
  code: Id,
  zone: z.string().min(1).max(32),
  /** Which item classes this location takes; empty = general goods only. */
  itemClasses: z.array(ItemClass).max(10).default(['general']),
  status: LocationStatus.default('available'),
  /** Capacity in units of any item (a simple rule a bench can check); 0 = unlimited. */
  capacityUnits: z.number().int().nonnegative().default(0),
  pickSequence: z.number().int().nonnegative().default(0),
});
export type Location = z.infer<typeof Location>;

export const PoStatus = z.enum(['open', 'closed', 'cancelled']);

export const PurchaseOrderLine = z.object({
  lineNo: z.number().int().positive(),
  itemId: Id,
  qtyOrdered: z.number().int().positive(),
});
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;

export const PurchaseOrder = z.object({
  id: Id,
  number: z.string().min(1).max(64),
  supplier: Text(200),
  status: PoStatus.default('open'),
  expectedDate: z.string().date().nullable().default(null),
  /** Over-receipt tolerance for the whole PO, percent; items may carry their own. */
  overReceiptTolerancePct: z.number().min(0).max(1000).default(0),
  lines: z.array(PurchaseOrderLine).min(1).max(2000),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const AsnLine = z.object({
  lineNo: z.number().int().positive(),
  poLineNo: z.number().int().positive(),
  itemId: Id,
  qty: z.number().int().positive(),
  lot: z.string().max(20).nullable().default(null),
  expiry: z.string().date().nullable().default(null),
  /** SSCC of the pallet/case this line travels on, if the supplier labelled it. */
  sscc: z
    .string()
    .regex(/^\d{18}$/)
    .nullable()
    .default(null),
});
export type AsnLine = z.infer<typeof AsnLine>;

/** A pallet the supplier labelled with an SSCC, as the ASN announces it: its gross weight, pallet and packaging included. */
export const AsnPallet = z.object({
  sscc: z.string().regex(/^\d{18}$/),
  expectedGrossKg: z.number().positive().max(10_000),
});
export type AsnPallet = z.infer<typeof AsnPallet>;

export const Asn = z.object({
  id: Id,
  number: z.string().min(1).max(64),
  poId: Id,
  expectedWeightKg: z.number().nonnegative().nullable().default(null),
  lines: z.array(AsnLine).min(1).max(2000),
  /** Expected gross weight per supplier pallet: a pallet listed here can be received whole after weighing. */
  pallets: z.array(AsnPallet).max(500).default([]),
});
export type Asn = z.infer<typeof Asn>;

export const Address = z.object({
  name: Text(100),
  company: Text(100).default(''),
  street1: Text(100),
  street2: Text(100).default(''),
  city: Text(60),
  region: Text(60).default(''),
  postalCode: Text(20),
  country: z.string().length(2),
  phone: Text(30).default(''),
});
export type Address = z.infer<typeof Address>;

export const OrderStatus = z.enum(['open', 'packing', 'packed', 'shipped', 'cancelled', 'problem']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderLine = z.object({
  lineNo: z.number().int().positive(),
  itemId: Id,
  qty: z.number().int().positive(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  id: Id,
  number: z.string().min(1).max(64),
  /** Tote the order was picked into, if any: scanning it opens the order. */
  tote: z.string().max(64).nullable().default(null),
  shipTo: Address,
  carrier: z.string().min(1).max(40),
  service: z.string().min(1).max(40),
  notes: Text(500).default(''),
  gift: z.boolean().default(false),
  fragile: z.boolean().default(false),
  status: OrderStatus.default('open'),
  lines: z.array(OrderLine).min(1).max(2000),
});
export type Order = z.infer<typeof Order>;

export const CartonType = z.object({
  code: Id,
  description: Text(100),
  innerLengthMm: z.number().positive(),
  innerWidthMm: z.number().positive(),
  innerHeightMm: z.number().positive(),
  tareG: z.number().nonnegative(),
  maxWeightG: z.number().positive(),
  active: z.boolean().default(true),
});
export type CartonType = z.infer<typeof CartonType>;

export const HoldKind = z.enum(['item', 'lot', 'location']);
export type HoldKind = z.infer<typeof HoldKind>;

export const Hold = z.object({
  id: Id,
  kind: HoldKind,
  itemId: Id.nullable().default(null),
  lot: z.string().max(20).nullable().default(null),
  location: z.string().max(64).nullable().default(null),
  reason: Text(200),
  active: z.boolean().default(true),
  createdAt: z.string().datetime(),
  /** A recall: what it covers never goes back to stock (a returned unit is quarantined, scrapped or sent back to the vendor). */
  recall: z.boolean().optional(),
});
export type Hold = z.infer<typeof Hold>;

export const Role = z.enum(['receiver', 'packer', 'counter', 'supervisor', 'admin', 'returns']);
export type Role = z.infer<typeof Role>;

/** A supervisor's or admin's PIN, typed after the badge on the station's keypad when the site asks for it. */
export const OperatorPin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** An operator as the ERP sends them in: with the badge (and PIN) the station stores only as keyed hashes. */
export const OperatorRecord = z.object({
  id: Id,
  badge: z.string().min(1).max(64),
  pin: OperatorPin.optional(),
  name: Text(100),
  roles: z.array(Role).min(1),
  active: z.boolean().default(true),
  /** The operator's own language: the station switches to it at sign-in; null = the station's language. */
  locale: Language.nullable().optional(),
});
export type OperatorRecord = z.infer<typeof OperatorRecord>;

/** An operator as the station shows them: never with the badge or PIN, which are credentials. */
export const Operator = OperatorRecord.omit({ badge: true, pin: true });
export type Operator = z.infer<typeof Operator>;

/** What a reason is asked for: each has the site's own list of reasons, shown as chips (with "other" for typed text). */
export const ReasonKind = z.enum(['shortReceipt', 'overReceipt', 'damaged', 'overWeight', 'shortPack', 'reprintLabel', 'voidLabel']);
export type ReasonKind = z.infer<typeof ReasonKind>;
const ReasonList = z.array(Text(80).min(3)).max(20);
export const SiteReasons = z.object({
  shortReceipt: ReasonList.optional(),
  overReceipt: ReasonList.optional(),
  damaged: ReasonList.optional(),
  overWeight: ReasonList.optional(),
  shortPack: ReasonList.optional(),
  reprintLabel: ReasonList.optional(),
  voidLabel: ReasonList.optional(),
});
export type SiteReasons = z.infer<typeof SiteReasons>;

/** A supplier the site receives from; `audit`: its pallets are always sample-counted, never received whole on weight alone. */
export const Supplier = z.object({
  id: Id,
  name: Text(200).min(1),
  audit: z.boolean().default(false),
});
export type Supplier = z.infer<typeof Supplier>;

/** Receiving a supplier pallet in one scan: the weight tolerance against the ASN, and the sample counted when it is not met. */
export const PalletReceiptSettings = z.object({
  /** The weighed gross weight may differ from the ASN's by this percent or these kilograms, whichever is larger. */
  weightTolerancePct: z.number().min(0).max(50).default(2),
  weightToleranceKg: z.number().min(0).max(500).default(1),
  /** A counted sample: this many case scans, or this percent of the pallet's units. */
  sample: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('cases'), cases: z.number().int().min(1).max(1000) }),
      z.object({ kind: z.literal('percent'), pct: z.number().min(0.1).max(100) }),
    ])
    .default({ kind: 'cases', cases: 2 }),
});
export type PalletReceiptSettings = z.infer<typeof PalletReceiptSettings>;

/** Site settings the server hands every station of a site. */
export const SiteSettings = z.object({
  siteId: Id,
  siteName: Text(100),
  /** GS1 company prefix used to make SSCCs (7 to 11 digits). */
  gs1CompanyPrefix: z.string().regex(/^\d{7,11}$/),
  shipFrom: Address,
  /** Pack weight check: percent and absolute (grams) tolerance; the larger of the two applies. */
  weightTolerancePct: z.number().min(0).max(100).default(5),
  weightToleranceG: z.number().min(0).default(50),
  /** Tighter percent tolerance for light cartons (under smallCartonG). */
  smallCartonG: z.number().min(0).default(500),
  smallCartonTolerancePct: z.number().min(0).max(100).default(3),
  allowQuantityKeys: z.boolean().default(true),
  /**
   * Hands-free pack loop: the last unit of a carton weighs it as soon as the scale is stable, a weight in tolerance
   * prints its label, scanning that label closes the carton (and the shipment after the last one); absent = off.
   */
  handsFreePacking: z.boolean().optional(),
  defaultOverReceiptTolerancePct: z.number().min(0).max(1000).default(0),
  /** Offline reserve of leased numbers (SSCC, LPN, manifest): this many days of a station's own use; absent = 3. */
  numberReserveDays: z.number().min(0.5).max(60).optional(),
  /** Supervisors and admins type their PIN after the badge, to sign in and to approve; absent = no PIN. */
  supervisorPinRequired: z.boolean().optional(),
  /** What the site's wedge scanners send before the data (stripped), e.g. a STX or `#`; absent = nothing. */
  scannerPrefix: z.string().max(8).optional(),
  /** The key the site's wedge scanners send after the data; absent = Enter. */
  scannerSuffix: z.enum(['Enter', 'Tab']).optional(),
  /** The reasons operators pick from, per kind; absent = typed text only. */
  reasons: SiteReasons.optional(),
  /** Suppliers a receipt without PO (blind receipt) may be opened for, and which of them the site audits. */
  suppliers: z.array(Supplier).max(2000).optional(),
  /** One-scan pallet receipt against the ASN; absent = the defaults of `PalletReceiptSettings`. */
  palletReceipt: PalletReceiptSettings.optional(),
  /** How cycle counts are done at the site; absent = blind, every variance recounted. */
  counts: CountSettings.optional(),
  /** Items and suppliers inspected at receipt, and the checklist; absent = no inspection. */
  inspection: InspectionPlan.optional(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

const ID_PATTERN = /^[A-Za-z0-9._:\-/]+$/;
const ITEM_CLASSES: ReadonlySet<string> = new Set(ItemClass.options);
const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && v >= min && v <= max;
const optionalNumberIn = (v: unknown, min: number, max: number, fallback: number): number | undefined =>
  v === undefined ? fallback : isNumberIn(v, min, max) ? v : undefined;
const optionalBoolean = (v: unknown, fallback: boolean): boolean | undefined =>
  v === undefined ? fallback : typeof v === 'boolean' ? v : undefined;

/**
 * An item record checked field by field without zod, for the initial sync's million rows: the same rules and
 * defaults as `Item`, but only for the plain shape the server sends. Anything it does not recognise (extra rules,
 * odd types) returns undefined and the caller judges the record with `Item` itself, so this only ever takes the
 * records `Item` takes, as `Item` would give them.
 */
export function itemFromPlainRecord(record: unknown): Item | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  return itemFromFields((name) => r[name]);
}

/**
 * `itemFromPlainRecord` for any source of an item's fields (a record, a compact snapshot row), read by name;
 * undefined for a field the source does not have.
 */
export function itemFromFields(field: (name: keyof Item) => unknown): Item | undefined {
  const id = field('id');
  const sku = field('sku');
  const description = field('description');
  const unitWeightG = field('unitWeightG');
  const rawBarcodes = field('barcodes');
  if (typeof id !== 'string' || id.length < 1 || id.length > 64 || !ID_PATTERN.test(id)) return undefined;
  if (typeof sku !== 'string' || sku.length < 1 || sku.length > 64) return undefined;
  if (typeof description !== 'string' || description.length > 200) return undefined;
  if (!isNumberIn(unitWeightG, 0, 10_000_000)) return undefined;
  const barcodes: ItemBarcode[] = [];
  if (rawBarcodes !== undefined) {
    if (!Array.isArray(rawBarcodes) || rawBarcodes.length > 50) return undefined;
    for (const b of rawBarcodes as unknown[]) {
      if (typeof b !== 'object' || b === null) return undefined;
      const { code, packQty } = b as Record<string, unknown>;
      if (typeof code !== 'string' || code.length < 1 || code.length > 64) return undefined;
      const qty = packQty === undefined ? 1 : packQty;
      if (typeof qty !== 'number' || !Number.isSafeInteger(qty) || qty <= 0) return undefined;
      barcodes.push({ code, packQty: qty });
    }
  }
  const lengthMm = optionalNumberIn(field('lengthMm'), 0, 100_000, 0);
  const widthMm = optionalNumberIn(field('widthMm'), 0, 100_000, 0);
  const heightMm = optionalNumberIn(field('heightMm'), 0, 100_000, 0);
  const minShelfLifeDays = optionalNumberIn(field('minShelfLifeDays'), 0, 10_000, 0);
  const lotTracked = optionalBoolean(field('lotTracked'), false);
  const serialTracked = optionalBoolean(field('serialTracked'), false);
  const expiryTracked = optionalBoolean(field('expiryTracked'), false);
  const active = optionalBoolean(field('active'), true);
  const rawClass = field('itemClass');
  const itemClass = rawClass === undefined ? 'general' : rawClass;
  const rawHome = field('homeLocation');
  const homeLocation = rawHome === undefined ? null : rawHome;
  const rawTolerance = field('overReceiptTolerancePct');
  const tolerance = rawTolerance === undefined ? null : rawTolerance;
  if (
    lengthMm === undefined ||
    widthMm === undefined ||
    heightMm === undefined ||
    minShelfLifeDays === undefined ||
    !Number.isSafeInteger(minShelfLifeDays) ||
    lotTracked === undefined ||
    serialTracked === undefined ||
    expiryTracked === undefined ||
    active === undefined ||
    typeof itemClass !== 'string' ||
    !ITEM_CLASSES.has(itemClass) ||
    (homeLocation !== null && (typeof homeLocation !== 'string' || homeLocation.length > 64)) ||
    (tolerance !== null && !isNumberIn(tolerance, 0, 1000))
  )
    return undefined;
  return {
    id,
    sku,
    description,
    barcodes,
    unitWeightG,
    lengthMm,
    widthMm,
    heightMm,
    lotTracked,
    serialTracked,
    expiryTracked,
    minShelfLifeDays,
    itemClass: itemClass as ItemClass,
    homeLocation,
    overReceiptTolerancePct: tolerance,
    active,
  };
}
