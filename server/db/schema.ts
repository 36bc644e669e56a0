import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely's view of the server database (see migrations.ts). Numbers come back as numbers (int8 parsed). */

/** jsonb: read as T, written as a JSON string (pg would turn a JS array into a Postgres array). */
type Json<T extends object | null = object> = JSONColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ServerMetaTable {
  key: string;
  value: string;
}

export interface SitesTable {
  id: string;
  settings: Json;
  change_seq: ColumnType<number, number | undefined, number>;
  created_at: DefaultedTimestamp;
}

export interface EnrollmentCodesTable {
  code_hash: string;
  site_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  station_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface StationsTable {
  id: string;
  site_id: string;
  name: string;
  role: string;
  credential_hash: string;
  created_at: DefaultedTimestamp;
  revoked_at: Timestamp | null;
  last_seen_at: Timestamp | null;
}

export interface OperatorsTable {
  site_id: string;
  id: string;
  badge: string;
  active: boolean;
  doc: Json;
}

export interface ItemsTable {
  site_id: string;
  id: string;
  sku: string;
  home_location: string | null;
  over_receipt_tolerance_pct: number | null;
  active: boolean;
  doc: Json;
}

export interface ItemBarcodesTable {
  site_id: string;
  item_id: string;
  code: string;
  pack_qty: number;
}
export interface LocationsTable {
  site_id: string;
  code: string;
  status: string;
  doc: Json;
}

export interface PurchaseOrdersTable {
  site_id: string;
  id: string;
  status: string;
  over_receipt_tolerance_pct: number;
  doc: Json;
}

export interface PoLinesTable {
  site_id: string;
  po_id: string;
  line_no: number;
  item_id: string;
  qty_ordered: number;
  qty_received: ColumnType<number, number | undefined, number>;
}

export interface AsnsTable {
  site_id: string;
  id: string;
  po_id: string;
  doc: Json;
}

export interface AsnLinesTable {
  site_id: string;
  asn_id: string;
  line_no: number;
  po_line_no: number;
  item_id: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  sscc: string | null;
}

export interface OrdersTable {
  site_id: string;
  id: string;
  status: string;
  doc: Json;
}
export interface OrderLinesTable {
  site_id: string;
  order_id: string;
  line_no: number;
  item_id: string;
  qty: number;
}
export interface CartonTypesTable {
  site_id: string;
  code: string;
  doc: Json;
}

export interface HoldsTable {
  site_id: string;
  id: string;
  kind: string;
  item_id: string | null;
  lot: string | null;
  location: string | null;
  active: boolean;
  released_at: Timestamp | null;
  doc: Json;
}

export interface ChangeLogTable {
  site_id: string;
  entity: string;
  entity_id: string;
  seq: number;
  op: string;
  record: Json | null;
  /** An item upsert's row of a compact snapshot (JSON array); null for every other change. */
  snapshot_row: string | null;
  /** An item upsert's texts in a packed snapshot (the content of a JSON string); null for every other change. */
  packed_text: string | null;
  /** An item upsert's numbers in a packed snapshot (the content of a JSON list); null for every other change. */
  packed_numbers: string | null;
}

export interface AppliedOpsTable {
  op_id: string;
  site_id: string;
  station_id: string;
  station_seq: number;
  kind: string;
  status: string;
  code: string | null;
  reason: string | null;
  at: Timestamp;
  operator_id: string;
  payload: Json;
  received_at: DefaultedTimestamp;
}

export interface StationExceptionsTable {
  op_id: string;
  site_id: string;
  station_id: string;
  kind: string;
  code: string;
  reason: string;
  created_at: DefaultedTimestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  note: string | null;
}

export interface ReceiptLinesTable {
  op_id: string;
  site_id: string;
  receipt_id: string;
  /** null: a line of a receipt without PO (unplanned). */
  po_id: string | null;
  asn_id: string | null;
  po_line_no: number | null;
  item_id: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  condition: string;
  reason: string | null;
  lpn: string | null;
  held: boolean;
  station_id: string;
  operator_id: string;
  at: Timestamp;
  undone_by: string | null;
  unplanned: Generated<boolean>;
  supplier_id: string | null;
}

export interface ReceiptsTable {
  site_id: string;
  id: string;
  po_id: string | null;
  closed_at: Timestamp;
  closed_by: string;
  approved_by: string | null;
  summary: Json;
  op_id: string;
  unplanned: Generated<boolean>;
  supplier_id: string | null;
  supplier_name: string | null;
}

export interface ReceivedSerialsTable {
  site_id: string;
  item_id: string;
  serial: string;
  op_id: string;
}

export interface CartonsTable {
  site_id: string;
  id: string;
  order_id: string;
  sscc: string;
  carton_type: string;
  weight_g: number;
  expected_g: number;
  override_by: string | null;
  override_reason: string | null;
  carrier: string;
  service: string;
  tracking: string;
  items: Json;
  station_id: string;
  operator_id: string;
  packed_at: Timestamp;
  shipped_at: Timestamp | null;
  ship_op_id: string | null;
  manifest_id: string | null;
  op_id: string;
  needs_relabel: ColumnType<boolean, boolean | undefined, boolean>;
  relabelled_at: Timestamp | null;
  /** The house tracking number the carton first left the bench with, kept once a carrier label replaces it. */
  house_tracking: string | null;
}

export interface NumberCountersTable {
  site_id: string;
  kind: string;
  next_value: number;
}

export interface NumberLeasesTable {
  site_id: string;
  kind: string;
  first_value: number;
  last_value: number;
  station_id: string;
  leased_at: DefaultedTimestamp;
}

export interface ManifestsTable {
  site_id: string;
  id: string;
  carrier: string;
  date: string;
  carton_ids: Json;
  op_id: string;
}

export type LedgerKind = 'receipt' | 'putaway' | 'pack' | 'ship' | 'adjust' | 'hold' | 'release' | 'return';

export interface InventoryLedgerTable {
  id: Generated<number>;
  site_id: string;
  kind: LedgerKind;
  item_id: string;
  lot: string | null;
  serial: string | null;
  location: string;
  lpn: string | null;
  qty: number;
  held: ColumnType<boolean, boolean | undefined, never>;
  operator_id: string | null;
  station_id: string | null;
  op_id: string | null;
  ref: string | null;
  at: Timestamp;
  recorded_at: DefaultedTimestamp;
}

export interface RmasTable {
  site_id: string;
  id: string;
  number: string;
  order_id: string;
  status: string;
  doc: Json;
}

export interface ReturnsTable {
  site_id: string;
  id: string;
  rma_id: string;
  order_id: string;
  station_id: string;
  operator_id: string;
  closed_at: Timestamp;
  op_id: string;
  recorded_at: DefaultedTimestamp;
}

export interface ReturnUnitsTable {
  site_id: string;
  return_id: string;
  unit_id: string;
  item_id: string;
  lot: string | null;
  serial: string | null;
  qty: number;
  condition: string;
  disposition: string;
  location: string;
  held: boolean;
  on_rma: boolean;
  approved_by: string | null;
}

export interface CountTasksTable {
  site_id: string;
  id: string;
  status: string;
  doc: Json;
  created_at: DefaultedTimestamp;
}

export interface CountsTable {
  site_id: string;
  id: string;
  task_id: string | null;
  location: string;
  started_at: Timestamp;
  lines: Json<object[]>;
  variances: Json<object[]>;
  counted_by: string;
  recounted_by: string | null;
  approved_by: string | null;
  station_id: string;
  op_id: string;
  posted_at: DefaultedTimestamp;
}

export interface InspectionsTable {
  site_id: string;
  id: string;
  receipt_id: string;
  po_id: string;
  item_id: string;
  units: Json<object[]>;
  answers: Json<unknown[]>;
  passed: number;
  failed: number;
  photo: Buffer | null;
  photo_mime: string | null;
  station_id: string;
  operator_id: string;
  op_id: string;
  at: Timestamp;
}

export interface ReceiptPhotosTable {
  site_id: string;
  id: string;
  receipt_id: string;
  po_id: string;
  condition: string;
  reason: string | null;
  photo: Buffer;
  photo_mime: string;
  station_id: string;
  operator_id: string;
  op_id: string;
  at: Timestamp;
}

export interface ServerDatabase {
  rmas: RmasTable;
  returns: ReturnsTable;
  return_units: ReturnUnitsTable;
  server_meta: ServerMetaTable;
  sites: SitesTable;
  enrollment_codes: EnrollmentCodesTable;
  stations: StationsTable;
  operators: OperatorsTable;
  items: ItemsTable;
  item_barcodes: ItemBarcodesTable;
  locations: LocationsTable;
  purchase_orders: PurchaseOrdersTable;
  po_lines: PoLinesTable;
  asns: AsnsTable;
  asn_lines: AsnLinesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  carton_types: CartonTypesTable;
  holds: HoldsTable;
  change_log: ChangeLogTable;
  applied_ops: AppliedOpsTable;
  station_exceptions: StationExceptionsTable;
  receipt_lines: ReceiptLinesTable;
  receipts: ReceiptsTable;
  received_serials: ReceivedSerialsTable;
  cartons: CartonsTable;
  manifests: ManifestsTable;
  inventory_ledger: InventoryLedgerTable;
  number_counters: NumberCountersTable;
  number_leases: NumberLeasesTable;
  count_tasks: CountTasksTable;
  counts: CountsTable;
  inspections: InspectionsTable;
  receipt_photos: ReceiptPhotosTable;
}
