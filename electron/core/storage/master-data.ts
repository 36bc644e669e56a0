import { timingSafeEqual } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { CountTask } from '../../../shared/domain/counts';
import { Language } from '../../../shared/domain/language';
import type {
  Address,
  Asn,
  CartonType,
  Hold,
  Item,
  Location,
  Operator,
  OperatorRecord,
  Order,
  PurchaseOrder,
  Role,
  SiteSettings,
} from '../../../shared/domain/master-data';
import type { Rma } from '../../../shared/domain/returns';

const bool = (b: boolean): number => (b ? 1 : 0);

/**
 * Rows per statement when a snapshot loads new items: one call into SQLite for many rows costs about half of one call
 * per row (the binding's per-call work dominates a plain insert), and 64 × 15 parameters stays far below SQLite's limit.
 */
const NEW_ROWS_PER_STATEMENT = 64;
const rowsOf = (columns: number, rows: number) =>
  Array(rows)
    .fill(`(${Array(columns).fill('?').join(', ')})`)
    .join(', ');
const NEW_ITEM_INSERT = `INSERT INTO items (id, sku, description, unit_weight_g, length_mm, width_mm, height_mm, lot_tracked, serial_tracked,
  expiry_tracked, min_shelf_life_days, item_class, home_location, over_receipt_tolerance_pct, active)`;
const NEW_BARCODE_INSERT = 'INSERT INTO item_barcodes (code, item_id, pack_qty)';
const NEW_BARCODE_CONFLICT = 'ON CONFLICT(code) DO UPDATE SET item_id = excluded.item_id, pack_qty = excluded.pack_qty';
/**
 * New items as the parameters of NEW_ITEM_STATEMENTS: the items' columns, then each barcode's (code, item, pack
 * quantity), one flat list each, in order.
 */
export function newItemRows(items: Item[]): { items: (string | number | null)[]; barcodes: (string | number)[] } {
  const rows: (string | number | null)[] = [];
  const barcodes: (string | number)[] = [];
  for (const item of items) {
    rows.push(
      item.id,
      item.sku,
      item.description,
      item.unitWeightG,
      item.lengthMm,
      item.widthMm,
      item.heightMm,
      bool(item.lotTracked),
      bool(item.serialTracked),
      bool(item.expiryTracked),
      item.minShelfLifeDays,
      item.itemClass,
      item.homeLocation,
      item.overReceiptTolerancePct,
      bool(item.active),
    );
    for (const b of item.barcodes) barcodes.push(b.code, item.id, b.packQty);
  }
  return { items: rows, barcodes };
}

/** Runs `params` (rows of `columns` values) through `block`, NEW_ROWS_PER_STATEMENT rows a time, the rest through `single`. */
function runInBlocks(block: Statement, single: Statement, columns: number, params: (string | number | null)[]): void {
  const perBlock = columns * NEW_ROWS_PER_STATEMENT;
  let at = 0;
  for (; at + perBlock <= params.length; at += perBlock) block.run(params.slice(at, at + perBlock));
  for (; at < params.length; at += columns) single.run(params.slice(at, at + columns));
}

/** The statements a snapshot load writes new items with, for a writer on another connection (item-bulk-writer.ts). */
export const NEW_ITEM_STATEMENTS = {
  rowsPerStatement: NEW_ROWS_PER_STATEMENT,
  statements: {
    item: `${NEW_ITEM_INSERT} VALUES ${rowsOf(15, 1)}`,
    itemBlock: `${NEW_ITEM_INSERT} VALUES ${rowsOf(15, NEW_ROWS_PER_STATEMENT)}`,
    barcode: `${NEW_BARCODE_INSERT} VALUES (?, ?, ?) ${NEW_BARCODE_CONFLICT}`,
    barcodeBlock: `${NEW_BARCODE_INSERT} VALUES ${rowsOf(3, NEW_ROWS_PER_STATEMENT)} ${NEW_BARCODE_CONFLICT}`,
    meta: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  },
};

/** Writes master data into the station cache. Used by the sync pull and the demo loader; callers own the transaction. */
export function createMasterDataWriter(db: Database) {
  const stmts = {
    item: db.prepare(`INSERT INTO items (id, sku, description, unit_weight_g, length_mm, width_mm, height_mm, lot_tracked, serial_tracked,
        expiry_tracked, min_shelf_life_days, item_class, home_location, over_receipt_tolerance_pct, active)
      VALUES (@id, @sku, @description, @unitWeightG, @lengthMm, @widthMm, @heightMm, @lotTracked, @serialTracked, @expiryTracked,
        @minShelfLifeDays, @itemClass, @homeLocation, @overReceiptTolerancePct, @active)
      ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, description = excluded.description, unit_weight_g = excluded.unit_weight_g,
        length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm, lot_tracked = excluded.lot_tracked,
        serial_tracked = excluded.serial_tracked, expiry_tracked = excluded.expiry_tracked, min_shelf_life_days = excluded.min_shelf_life_days,
        item_class = excluded.item_class, home_location = excluded.home_location,
        over_receipt_tolerance_pct = excluded.over_receipt_tolerance_pct, active = excluded.active`),
    clearBarcodes: db.prepare('DELETE FROM item_barcodes WHERE item_id = ?'),
    barcode: db.prepare(`INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES (?, ?, ?)
      ON CONFLICT(code) DO UPDATE SET item_id = excluded.item_id, pack_qty = excluded.pack_qty`),
    location: db.prepare(`INSERT INTO locations (code, zone, item_classes, status, capacity_units, pick_sequence)
      VALUES (@code, @zone, @itemClasses, @status, @capacityUnits, @pickSequence)
      ON CONFLICT(code) DO UPDATE SET zone = excluded.zone, item_classes = excluded.item_classes, status = excluded.status,
        capacity_units = excluded.capacity_units, pick_sequence = excluded.pick_sequence`),
    po: db.prepare(`INSERT INTO purchase_orders (id, number, supplier, status, expected_date, over_receipt_tolerance_pct)
      VALUES (@id, @number, @supplier, @status, @expectedDate, @overReceiptTolerancePct)
      ON CONFLICT(id) DO UPDATE SET number = excluded.number, supplier = excluded.supplier, status = excluded.status,
        expected_date = excluded.expected_date, over_receipt_tolerance_pct = excluded.over_receipt_tolerance_pct`),
    clearPoLines: db.prepare('DELETE FROM po_lines WHERE po_id = ?'),
    poLine: db.prepare('INSERT INTO po_lines (po_id, line_no, item_id, qty_ordered) VALUES (?, ?, ?, ?)'),
    asn: db.prepare(`INSERT INTO asns (id, number, po_id, expected_weight_kg) VALUES (@id, @number, @poId, @expectedWeightKg)
      ON CONFLICT(id) DO UPDATE SET number = excluded.number, po_id = excluded.po_id, expected_weight_kg = excluded.expected_weight_kg`),
    clearAsnLines: db.prepare('DELETE FROM asn_lines WHERE asn_id = ?'),
    asnLine: db.prepare(`INSERT INTO asn_lines (asn_id, line_no, po_line_no, item_id, qty, lot, expiry, sscc)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    clearAsnPallets: db.prepare('DELETE FROM asn_pallets WHERE asn_id = ?'),
    asnPallet: db.prepare('INSERT OR REPLACE INTO asn_pallets (asn_id, sscc, expected_gross_kg) VALUES (?, ?, ?)'),
    order: db.prepare(`INSERT INTO orders (id, number, tote, ship_to, carrier, service, notes, gift, fragile, status)
      VALUES (@id, @number, @tote, @shipTo, @carrier, @service, @notes, @gift, @fragile, @status)
      ON CONFLICT(id) DO UPDATE SET number = excluded.number, tote = excluded.tote, ship_to = excluded.ship_to, carrier = excluded.carrier,
        service = excluded.service, notes = excluded.notes, gift = excluded.gift, fragile = excluded.fragile, status = excluded.status`),
    clearOrderLines: db.prepare('DELETE FROM order_lines WHERE order_id = ?'),
    orderLine: db.prepare('INSERT INTO order_lines (order_id, line_no, item_id, qty) VALUES (?, ?, ?, ?)'),
    cartonType:
      db.prepare(`INSERT INTO carton_types (code, description, inner_length_mm, inner_width_mm, inner_height_mm, tare_g, max_weight_g, active)
      VALUES (@code, @description, @innerLengthMm, @innerWidthMm, @innerHeightMm, @tareG, @maxWeightG, @active)
      ON CONFLICT(code) DO UPDATE SET description = excluded.description, inner_length_mm = excluded.inner_length_mm,
        inner_width_mm = excluded.inner_width_mm, inner_height_mm = excluded.inner_height_mm, tare_g = excluded.tare_g,
        max_weight_g = excluded.max_weight_g, active = excluded.active`),
    hold: db.prepare(`INSERT INTO holds (id, kind, item_id, lot, location, reason, active, created_at, recall)
      VALUES (@id, @kind, @itemId, @lot, @location, @reason, @active, @createdAt, @recall)
      ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, item_id = excluded.item_id, lot = excluded.lot, location = excluded.location,
        reason = excluded.reason, active = excluded.active, recall = excluded.recall`),
    // Badges and PINs are stored only as keyed hashes (station_secret_hash, see station-secret.ts).
    operator: db.prepare(`INSERT INTO operators (id, badge_hash, pin_hash, name, roles, active, locale)
      VALUES (@id, station_secret_hash('badge', @badge),
        CASE WHEN @pin IS NULL THEN NULL ELSE station_secret_hash('pin', @id || ':' || @pin) END, @name, @roles, @active, @locale)
      ON CONFLICT(id) DO UPDATE SET badge_hash = excluded.badge_hash, pin_hash = excluded.pin_hash, name = excluded.name,
        roles = excluded.roles, active = excluded.active, locale = excluded.locale`),
    rma: db.prepare(`INSERT INTO rmas (id, number, order_id, customer, status, doc) VALUES (@id, @number, @orderId, @customer, @status, @doc)
      ON CONFLICT(id) DO UPDATE SET number = excluded.number, order_id = excluded.order_id, customer = excluded.customer,
        status = excluded.status, doc = excluded.doc`),
    clearRmaCodes: db.prepare('DELETE FROM rma_codes WHERE rma_id = ?'),
    rmaCode: db.prepare('INSERT OR IGNORE INTO rma_codes (code, rma_id) VALUES (?, ?)'),
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    countTask: db.prepare(`INSERT INTO count_tasks (id, scope, location, item_id, lpn, blind, expected, status, created_at)
      VALUES (@id, @scope, @location, @item_id, @lpn, @blind, @expected, @status, @created_at)
      ON CONFLICT(id) DO UPDATE SET scope = excluded.scope, location = excluded.location, item_id = excluded.item_id, lpn = excluded.lpn,
        blind = excluded.blind, expected = excluded.expected, status = excluded.status, created_at = excluded.created_at`),
    newItem: db.prepare(NEW_ITEM_STATEMENTS.statements.item),
    newItemBlock: db.prepare(NEW_ITEM_STATEMENTS.statements.itemBlock),
    newBarcode: db.prepare(NEW_ITEM_STATEMENTS.statements.barcode),
    newBarcodeBlock: db.prepare(NEW_ITEM_STATEMENTS.statements.barcodeBlock),
  };

  return {
    item(item: Item): void {
      stmts.item.run({
        ...item,
        lotTracked: bool(item.lotTracked),
        serialTracked: bool(item.serialTracked),
        expiryTracked: bool(item.expiryTracked),
        active: bool(item.active),
      });
      stmts.clearBarcodes.run(item.id);
      for (const b of item.barcodes) stmts.barcode.run(b.code, item.id, b.packQty);
    },
    /**
     * Items the cache does not hold yet (a snapshot load: every entity comes once): plain inserts with positional
     * parameters, no look-up of barcodes to replace.
     */
    newItems(items: Item[]): void {
      const rows = newItemRows(items);
      runInBlocks(stmts.newItemBlock, stmts.newItem, 15, rows.items);
      runInBlocks(stmts.newBarcodeBlock, stmts.newBarcode, 3, rows.barcodes);
    },
    location(loc: Location): void {
      stmts.location.run({ ...loc, itemClasses: JSON.stringify(loc.itemClasses) });
    },
    purchaseOrder(po: PurchaseOrder): void {
      stmts.po.run({
        id: po.id,
        number: po.number,
        supplier: po.supplier,
        status: po.status,
        expectedDate: po.expectedDate,
        overReceiptTolerancePct: po.overReceiptTolerancePct,
      });
      stmts.clearPoLines.run(po.id);
      for (const l of po.lines) stmts.poLine.run(po.id, l.lineNo, l.itemId, l.qtyOrdered);
    },
    asn(asn: Asn): void {
      stmts.asn.run({ id: asn.id, number: asn.number, poId: asn.poId, expectedWeightKg: asn.expectedWeightKg });
      stmts.clearAsnLines.run(asn.id);
      for (const l of asn.lines) stmts.asnLine.run(asn.id, l.lineNo, l.poLineNo, l.itemId, l.qty, l.lot, l.expiry, l.sscc);
      stmts.clearAsnPallets.run(asn.id);
      for (const p of asn.pallets ?? []) stmts.asnPallet.run(asn.id, p.sscc, p.expectedGrossKg);
    },
    order(order: Order): void {
      stmts.order.run({
        id: order.id,
        number: order.number,
        tote: order.tote,
        shipTo: JSON.stringify(order.shipTo),
        carrier: order.carrier,
        service: order.service,
        notes: order.notes,
        gift: bool(order.gift),
        fragile: bool(order.fragile),
        status: order.status,
      });
      stmts.clearOrderLines.run(order.id);
      for (const l of order.lines) stmts.orderLine.run(order.id, l.lineNo, l.itemId, l.qty);
    },
    cartonType(ct: CartonType): void {
      stmts.cartonType.run({ ...ct, active: bool(ct.active) });
    },
    hold(hold: Hold): void {
      stmts.hold.run({ ...hold, active: bool(hold.active), recall: bool(hold.recall ?? false) });
    },
    operator(op: OperatorRecord): void {
      stmts.operator.run({
        id: op.id,
        badge: op.badge,
        pin: op.pin ?? null,
        name: op.name,
        roles: JSON.stringify(op.roles),
        active: bool(op.active),
        locale: op.locale ?? null,
      });
    },
    /** An RMA and the codes that open it (its number, its order, the outbound shipment's tracking numbers and SSCCs). */
    rma(rma: Rma): void {
      stmts.rma.run({
        id: rma.id,
        number: rma.number,
        orderId: rma.orderId,
        customer: rma.customer,
        status: rma.status,
        doc: JSON.stringify(rma),
      });
      stmts.clearRmaCodes.run(rma.id);
      for (const code of new Set([rma.number, rma.orderId, ...rma.shipmentRefs])) stmts.rmaCode.run(code, rma.id);
    },
    countTask(task: CountTask): void {
      stmts.countTask.run({
        id: task.id,
        scope: task.scope,
        location: task.location,
        item_id: task.itemId,
        lpn: task.lpn,
        blind: task.blind === null ? null : bool(task.blind),
        expected: JSON.stringify(task.expected),
        status: task.status,
        created_at: task.createdAt,
      });
    },
    siteSettings(settings: SiteSettings): void {
      stmts.meta.run('site_settings', JSON.stringify(settings));
    },
    /** Removes one cached record (a pull's `delete`). */
    remove(entity: MasterEntity, id: string): void {
      const table = entityTables[entity];
      if (entity === 'siteSettings') return;
      db.prepare(`DELETE FROM ${table.name} WHERE ${table.key} = ?`).run(id);
    },
    /** Empties every master-data table (a pull's `reset`); the journal and outbox stay. */
    clearAll(): void {
      for (const t of Object.values(entityTables)) if (t.name !== 'meta') db.prepare(`DELETE FROM ${t.name}`).run();
    },
    /**
     * A snapshot load into an emptied cache: the SKU index and the barcodes' item index are built once after the load
     * (one sort each) instead of row by row. `restoreLoadIndexes` puts them back (and throws if the loaded SKUs are not
     * unique); until then the cache is incomplete and nothing is judged on it.
     */
    dropLoadIndexes(): void {
      db.exec('DROP INDEX IF EXISTS items_sku; DROP INDEX IF EXISTS item_barcodes_item');
    },
    restoreLoadIndexes(): void {
      db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS items_sku ON items(sku);
        CREATE INDEX IF NOT EXISTS item_barcodes_item ON item_barcodes(item_id)`);
    },
  };
}

export type MasterDataWriter = ReturnType<typeof createMasterDataWriter>;

export type MasterEntity =
  | 'item'
  | 'location'
  | 'purchaseOrder'
  | 'asn'
  | 'order'
  | 'cartonType'
  | 'hold'
  | 'operator'
  | 'siteSettings'
  | 'rma'
  | 'countTask';

const entityTables: Record<MasterEntity, { name: string; key: string }> = {
  item: { name: 'items', key: 'id' },
  location: { name: 'locations', key: 'code' },
  purchaseOrder: { name: 'purchase_orders', key: 'id' },
  asn: { name: 'asns', key: 'id' },
  order: { name: 'orders', key: 'id' },
  cartonType: { name: 'carton_types', key: 'code' },
  hold: { name: 'holds', key: 'id' },
  operator: { name: 'operators', key: 'id' },
  rma: { name: 'rmas', key: 'id' },
  siteSettings: { name: 'meta', key: 'key' },
  countTask: { name: 'count_tasks', key: 'id' },
};

interface OperatorRow {
  id: string;
  badge_hash: Buffer;
  pin_hash: Buffer | null;
  name: string;
  roles: string;
  active: number;
  locale: string | null;
}

export function rowToOperator(row: OperatorRow): Operator {
  const locale = Language.safeParse(row.locale);
  return {
    id: row.id,
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    active: row.active === 1,
    locale: locale.success ? locale.data : null,
  };
}

export function parseAddress(json: string): Address {
  return JSON.parse(json) as Address;
}

/** What sign-in and approvals ask of the cached operators: the badge and PIN are compared as keyed hashes, in constant time. */
export interface OperatorCredentials {
  /** The active holder of `badge`, or null. */
  byBadge(badge: string): Operator | null;
  /** Whether the operator has a PIN in the master data. */
  hasPin(operatorId: string): boolean;
  pinMatches(operatorId: string, pin: string): boolean;
}

export function createOperatorCredentials(db: Database): OperatorCredentials {
  const hash = db.prepare('SELECT station_secret_hash(?, ?) AS h').pluck();
  const byHash = db.prepare('SELECT * FROM operators WHERE badge_hash = ? AND active = 1');
  const pinOf = db.prepare('SELECT pin_hash FROM operators WHERE id = ? AND active = 1').pluck();
  const sameHash = (stored: Buffer, given: Buffer) => stored.length === given.length && timingSafeEqual(stored, given);
  return {
    byBadge(badge) {
      const given = hash.get('badge', badge.trim()) as Buffer;
      const row = byHash.get(given) as OperatorRow | undefined;
      return row && sameHash(row.badge_hash, given) ? rowToOperator(row) : null;
    },
    hasPin: (operatorId) => pinOf.get(operatorId) instanceof Buffer,
    pinMatches(operatorId, pin) {
      const stored = pinOf.get(operatorId);
      const given = hash.get('pin', `${operatorId}:${pin}`) as Buffer;
      return stored instanceof Buffer && sameHash(stored, given);
    },
  };
}
