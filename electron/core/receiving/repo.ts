import type { Database } from 'better-sqlite3';
import type { Hold, Item, ItemClass, LocationStatus } from '../../../shared/domain/master-data';
import type { Condition } from '../../../shared/rules/receiving';
import { nextSscc, nextStationNumber, type StationNumber } from '../storage/sscc-counter';

/** Reads and writes of the receiving bench: the master-data cache it receives against, receipts, lines and LPNs. */

export interface PoRow {
  id: string;
  number: string;
  supplier: string;
  status: string;
  expectedDate: string | null;
  tolerancePct: number;
}

export interface PoLineRow {
  lineNo: number;
  itemId: string;
  ordered: number;
}

export interface AsnRow {
  id: string;
  number: string;
  poId: string;
  expectedWeightKg: number | null;
}

export interface AsnLineRow {
  lineNo: number;
  poLineNo: number;
  itemId: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  sscc: string | null;
}

export interface ReceiptRow {
  id: string;
  /** 'blind': received without PO or ASN, for a supplier of the site's list. */
  kind: 'po' | 'blind';
  poId: string | null;
  asnId: string | null;
  supplierId: string | null;
  supplierName: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  currentLpn: string | null;
}

export interface LineRow {
  id: number;
  receiptId: string;
  scanId: string;
  opId: string | null;
  poLineNo: number | null;
  beyondTolerance: boolean;
  itemId: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  condition: Condition;
  reason: string | null;
  lpn: string | null;
  onHold: boolean;
  source: 'scan' | 'typed' | 'weight';
  barcode: string | null;
  approvedBy: string | null;
  at: string;
  operatorId: string;
  /** Made by a split: the row its units came from (it carries no op of its own). */
  splitOf: number | null;
  /** Units of this row left the plate they were received onto (moved or split off). */
  movedFrom: string | null;
}

export type NewLine = Omit<LineRow, 'id' | 'opId' | 'splitOf' | 'movedFrom'>;

export interface LpnRow {
  lpn: string;
  receiptId: string;
  kind: 'sscc' | 'internal' | 'supplier';
  container: 'pallet' | 'tote';
  sscc: string | null;
  createdAt: string;
  weightKg: number | null;
  location: string | null;
  labelsPrinted: number;
}

export interface LocationRow {
  code: string;
  zone: string;
  itemClasses: ItemClass[];
  status: LocationStatus;
  capacityUnits: number;
  pickSequence: number;
}

interface ItemDbRow {
  id: string;
  sku: string;
  description: string;
  unit_weight_g: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  lot_tracked: number;
  serial_tracked: number;
  expiry_tracked: number;
  min_shelf_life_days: number;
  item_class: ItemClass;
  home_location: string | null;
  over_receipt_tolerance_pct: number | null;
  active: number;
}

const toItem = (r: ItemDbRow): Item => ({
  id: r.id,
  sku: r.sku,
  description: r.description,
  barcodes: [],
  unitWeightG: r.unit_weight_g,
  lengthMm: r.length_mm,
  widthMm: r.width_mm,
  heightMm: r.height_mm,
  lotTracked: r.lot_tracked === 1,
  serialTracked: r.serial_tracked === 1,
  expiryTracked: r.expiry_tracked === 1,
  minShelfLifeDays: r.min_shelf_life_days,
  itemClass: r.item_class,
  homeLocation: r.home_location,
  overReceiptTolerancePct: r.over_receipt_tolerance_pct,
  active: r.active === 1,
});

interface LineDbRow {
  id: number;
  receipt_id: string;
  scan_id: string;
  op_id: string | null;
  po_line_no: number | null;
  beyond_tolerance: number;
  item_id: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  condition: Condition;
  reason: string | null;
  lpn: string | null;
  on_hold: number;
  source: LineRow['source'];
  barcode: string | null;
  approved_by: string | null;
  at: string;
  operator_id: string;
  split_of: number | null;
  moved_from: string | null;
}

const toLine = (r: LineDbRow): LineRow => ({
  id: r.id,
  receiptId: r.receipt_id,
  scanId: r.scan_id,
  opId: r.op_id,
  poLineNo: r.po_line_no,
  beyondTolerance: r.beyond_tolerance === 1,
  itemId: r.item_id,
  qty: r.qty,
  lot: r.lot,
  expiry: r.expiry,
  serial: r.serial,
  condition: r.condition,
  reason: r.reason,
  lpn: r.lpn,
  onHold: r.on_hold === 1,
  source: r.source,
  barcode: r.barcode,
  approvedBy: r.approved_by,
  at: r.at,
  operatorId: r.operator_id,
  splitOf: r.split_of,
  movedFrom: r.moved_from,
});

interface LpnDbRow {
  lpn: string;
  receipt_id: string;
  kind: LpnRow['kind'];
  container: LpnRow['container'];
  sscc: string | null;
  created_at: string;
  weight_kg: number | null;
  location: string | null;
  labels_printed: number;
}

const toLpn = (r: LpnDbRow): LpnRow => ({
  lpn: r.lpn,
  receiptId: r.receipt_id,
  kind: r.kind,
  container: r.container,
  sscc: r.sscc,
  createdAt: r.created_at,
  weightKg: r.weight_kg,
  location: r.location,
  labelsPrinted: r.labels_printed,
});

interface ReceiptDbRow {
  id: string;
  kind: 'po' | 'blind';
  po_id: string | null;
  asn_id: string | null;
  supplier_id: string | null;
  supplier_name: string | null;
  status: 'open' | 'closed';
  opened_at: string;
  opened_by: string;
  current_lpn: string | null;
}

const toReceipt = (r: ReceiptDbRow): ReceiptRow => ({
  id: r.id,
  kind: r.kind,
  poId: r.po_id,
  asnId: r.asn_id,
  supplierId: r.supplier_id,
  supplierName: r.supplier_name,
  status: r.status,
  openedAt: r.opened_at,
  openedBy: r.opened_by,
  currentLpn: r.current_lpn,
});

export function createReceivingRepo(db: Database) {
  const s = {
    poById: db.prepare('SELECT * FROM purchase_orders WHERE id = ? OR number = ? LIMIT 1'),
    openPos: db.prepare("SELECT * FROM purchase_orders WHERE status = 'open' ORDER BY expected_date, number"),
    poLineCount: db.prepare('SELECT count(*) AS n FROM po_lines WHERE po_id = ?'),
    poLines: db.prepare('SELECT line_no, item_id, qty_ordered FROM po_lines WHERE po_id = ? ORDER BY line_no'),
    asnById: db.prepare('SELECT * FROM asns WHERE id = ? OR number = ? LIMIT 1'),
    asnsOfPo: db.prepare('SELECT * FROM asns WHERE po_id = ? ORDER BY number'),
    asnLines: db.prepare('SELECT * FROM asn_lines WHERE asn_id = ? ORDER BY line_no'),
    asnBySscc: db.prepare('SELECT asn_id FROM asn_lines WHERE sscc = ? LIMIT 1'),
    asnPallet: db.prepare('SELECT expected_gross_kg FROM asn_pallets WHERE asn_id = ? AND sscc = ?'),
    item: db.prepare('SELECT * FROM items WHERE id = ?'),
    itemBySku: db.prepare('SELECT * FROM items WHERE sku = ?'),
    barcode: db.prepare('SELECT item_id, pack_qty FROM item_barcodes WHERE code = ?'),
    unitGtin: db.prepare(
      "SELECT code FROM item_barcodes WHERE item_id = ? AND length(code) = 14 AND code NOT GLOB '*[^0-9]*' ORDER BY pack_qty, code LIMIT 1",
    ),
    insertBarcode: db.prepare('INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES (?, ?, ?)'),
    holdsOfItem: db.prepare("SELECT * FROM holds WHERE active = 1 AND kind IN ('item','lot') AND (item_id = ? OR item_id IS NULL)"),
    locationHolds: db.prepare("SELECT location FROM holds WHERE active = 1 AND kind = 'location' AND location IS NOT NULL"),
    locations: db.prepare('SELECT * FROM locations ORDER BY pick_sequence, code'),
    location: db.prepare('SELECT * FROM locations WHERE code = ?'),
    stockByLocation: db.prepare(`SELECT p.location AS location, l.item_id AS item_id, l.lot AS lot, sum(l.qty) AS qty
      FROM receipt_lines l JOIN receiving_lpns p ON p.lpn = l.lpn
      WHERE p.location IS NOT NULL AND l.undone_at IS NULL GROUP BY p.location, l.item_id, l.lot`),
    closePo: db.prepare("UPDATE purchase_orders SET status = 'closed' WHERE id = ?"),

    insertReceipt: db.prepare('INSERT INTO receipts (id, po_id, asn_id, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)'),
    insertBlindReceipt: db.prepare(
      "INSERT INTO receipts (id, kind, supplier_id, supplier_name, opened_at, opened_by) VALUES (?, 'blind', ?, ?, ?, ?)",
    ),
    openBlindReceipt: db.prepare(
      "SELECT * FROM receipts WHERE kind = 'blind' AND status = 'open' AND supplier_id = ? ORDER BY opened_at DESC LIMIT 1",
    ),
    receipt: db.prepare('SELECT * FROM receipts WHERE id = ?'),
    openReceiptOfPo: db.prepare("SELECT * FROM receipts WHERE po_id = ? AND status = 'open'"),
    setAsn: db.prepare('UPDATE receipts SET asn_id = ? WHERE id = ?'),
    setCurrentLpn: db.prepare('UPDATE receipts SET current_lpn = ? WHERE id = ?'),
    closeReceipt: db.prepare(
      "UPDATE receipts SET status = 'closed', closed_at = ?, closed_by = ?, approved_by = ?, summary = ? WHERE id = ? AND status = 'open'",
    ),

    insertLine:
      db.prepare(`INSERT INTO receipt_lines (receipt_id, scan_id, po_line_no, beyond_tolerance, item_id, qty, lot, expiry, serial, condition, reason,
        lpn, on_hold, source, barcode, approved_by, at, operator_id)
      VALUES (@receiptId, @scanId, @poLineNo, @beyondTolerance, @itemId, @qty, @lot, @expiry, @serial, @condition, @reason, @lpn,
        @onHold, @source, @barcode, @approvedBy, @at, @operatorId)`),
    setLineOp: db.prepare('UPDATE receipt_lines SET op_id = ? WHERE id = ?'),
    lines: db.prepare('SELECT * FROM receipt_lines WHERE receipt_id = ? AND undone_at IS NULL ORDER BY id'),
    receivedOnLine: db.prepare(
      'SELECT coalesce(sum(qty), 0) AS n FROM receipt_lines WHERE receipt_id = ? AND po_line_no = ? AND undone_at IS NULL',
    ),
    lastScanId: db.prepare(
      'SELECT scan_id FROM receipt_lines WHERE receipt_id = ? AND undone_at IS NULL AND split_of IS NULL ORDER BY id DESC LIMIT 1',
    ),
    moveLine: db.prepare('UPDATE receipt_lines SET lpn = ?, moved_from = coalesce(moved_from, ?) WHERE id = ? AND undone_at IS NULL'),
    reduceLine: db.prepare('UPDATE receipt_lines SET qty = ?, moved_from = coalesce(moved_from, ?) WHERE id = ? AND undone_at IS NULL'),
    splitLine:
      db.prepare(`INSERT INTO receipt_lines (receipt_id, scan_id, po_line_no, beyond_tolerance, item_id, qty, lot, expiry, serial, condition,
        reason, photo_path, lpn, on_hold, source, barcode, approved_by, at, operator_id, split_of, moved_from)
      SELECT receipt_id, scan_id, po_line_no, beyond_tolerance, item_id, ?, lot, expiry, serial, condition, reason, photo_path, ?, on_hold,
        source, barcode, approved_by, at, operator_id, id, lpn FROM receipt_lines WHERE id = ?`),
    linesOfScan: db.prepare('SELECT * FROM receipt_lines WHERE scan_id = ? AND undone_at IS NULL ORDER BY id'),
    undoLine: db.prepare('UPDATE receipt_lines SET undone_at = ?, undone_by = ?, undo_op_id = ? WHERE id = ? AND undone_at IS NULL'),
    serialSeen: db.prepare(`SELECT l.receipt_id AS receipt_id, r.po_id AS po_id FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
      WHERE l.item_id = ? AND l.serial = ? AND l.undone_at IS NULL`),
    linesOfLpn: db.prepare('SELECT * FROM receipt_lines WHERE lpn = ? AND undone_at IS NULL ORDER BY id'),

    insertLpn: db.prepare(
      'INSERT INTO receiving_lpns (lpn, receipt_id, kind, container, sscc, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    lpn: db.prepare('SELECT * FROM receiving_lpns WHERE lpn = ?'),
    lpnsOfReceipt: db.prepare('SELECT * FROM receiving_lpns WHERE receipt_id = ? ORDER BY created_at, lpn'),
    weighLpn: db.prepare('UPDATE receiving_lpns SET weight_kg = ?, weighed_at = ? WHERE lpn = ?'),
    putAway: db.prepare('UPDATE receiving_lpns SET location = ?, put_away_at = ?, put_away_by = ? WHERE lpn = ? AND location IS NULL'),
    unputAway: db.prepare(
      'UPDATE receiving_lpns SET location = NULL, put_away_at = NULL, put_away_by = NULL WHERE lpn = ? AND location IS NOT NULL',
    ),
    printed: db.prepare('UPDATE receiving_lpns SET labels_printed = labels_printed + 1 WHERE lpn = ?'),
    counter: db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value",
    ),
  };

  return {
    /** The next SSCC of the station's serial reference counter, in the caller's transaction. */
    nextSscc: (companyPrefix: string, extensionDigit: number): string => nextSscc(db, companyPrefix, extensionDigit),
    /** The next license plate number (leased, or the station's counter `localKey`), in the caller's transaction. */
    nextLpnNumber: (localKey: string): StationNumber =>
      nextStationNumber(db, 'lpn', () => Number((s.counter.get(localKey) as { value: string }).value)),
    purchaseOrder(ref: string): PoRow | undefined {
      const r = s.poById.get(ref, ref) as
        | { id: string; number: string; supplier: string; status: string; expected_date: string | null; over_receipt_tolerance_pct: number }
        | undefined;
      return (
        r && {
          id: r.id,
          number: r.number,
          supplier: r.supplier,
          status: r.status,
          expectedDate: r.expected_date,
          tolerancePct: r.over_receipt_tolerance_pct,
        }
      );
    },
    openPurchaseOrders(): (PoRow & { lineCount: number })[] {
      const rows = s.openPos.all() as {
        id: string;
        number: string;
        supplier: string;
        status: string;
        expected_date: string | null;
        over_receipt_tolerance_pct: number;
      }[];
      return rows.map((r) => ({
        id: r.id,
        number: r.number,
        supplier: r.supplier,
        status: r.status,
        expectedDate: r.expected_date,
        tolerancePct: r.over_receipt_tolerance_pct,
        lineCount: (s.poLineCount.get(r.id) as { n: number }).n,
      }));
    },
    poLines(poId: string): PoLineRow[] {
      return (s.poLines.all(poId) as { line_no: number; item_id: string; qty_ordered: number }[]).map((r) => ({
        lineNo: r.line_no,
        itemId: r.item_id,
        ordered: r.qty_ordered,
      }));
    },
    asn(ref: string): AsnRow | undefined {
      const r = s.asnById.get(ref, ref) as { id: string; number: string; po_id: string; expected_weight_kg: number | null } | undefined;
      return r && { id: r.id, number: r.number, poId: r.po_id, expectedWeightKg: r.expected_weight_kg };
    },
    asnsOfPo(poId: string): AsnRow[] {
      return (s.asnsOfPo.all(poId) as { id: string; number: string; po_id: string; expected_weight_kg: number | null }[]).map((r) => ({
        id: r.id,
        number: r.number,
        poId: r.po_id,
        expectedWeightKg: r.expected_weight_kg,
      }));
    },
    asnLines(asnId: string): AsnLineRow[] {
      return (
        s.asnLines.all(asnId) as {
          line_no: number;
          po_line_no: number;
          item_id: string;
          qty: number;
          lot: string | null;
          expiry: string | null;
          sscc: string | null;
        }[]
      ).map((r) => ({
        lineNo: r.line_no,
        poLineNo: r.po_line_no,
        itemId: r.item_id,
        qty: r.qty,
        lot: r.lot,
        expiry: r.expiry,
        sscc: r.sscc,
      }));
    },
    asnIdBySscc(sscc: string): string | undefined {
      return (s.asnBySscc.get(sscc) as { asn_id: string } | undefined)?.asn_id;
    },
    /** The gross weight the ASN announces for one of its supplier pallets. */
    asnPalletWeightKg(asnId: string, sscc: string): number | undefined {
      return (s.asnPallet.get(asnId, sscc) as { expected_gross_kg: number } | undefined)?.expected_gross_kg;
    },
    item(id: string): Item | undefined {
      const r = s.item.get(id) as ItemDbRow | undefined;
      return r && toItem(r);
    },
    itemBySku(sku: string): Item | undefined {
      const r = s.itemBySku.get(sku) as ItemDbRow | undefined;
      return r && toItem(r);
    },
    barcode(code: string): { itemId: string; packQty: number } | undefined {
      const r = s.barcode.get(code) as { item_id: string; pack_qty: number } | undefined;
      return r && { itemId: r.item_id, packQty: r.pack_qty };
    },
    /** The item's GTIN-14 with the smallest pack (the trade unit). */
    unitGtin(itemId: string): string | undefined {
      return (s.unitGtin.get(itemId) as { code: string } | undefined)?.code;
    },
    insertBarcode(code: string, itemId: string, packQty: number): void {
      s.insertBarcode.run(code, itemId, packQty);
    },
    holdsOfItem(itemId: string): Hold[] {
      return (
        s.holdsOfItem.all(itemId) as {
          id: string;
          kind: Hold['kind'];
          item_id: string | null;
          lot: string | null;
          location: string | null;
          reason: string;
          active: number;
          created_at: string;
        }[]
      ).map((h) => ({
        id: h.id,
        kind: h.kind,
        itemId: h.item_id,
        lot: h.lot,
        location: h.location,
        reason: h.reason,
        active: h.active === 1,
        createdAt: h.created_at,
      }));
    },
    heldLocations(): Set<string> {
      return new Set((s.locationHolds.all() as { location: string }[]).map((r) => r.location));
    },
    locations(): LocationRow[] {
      return (
        s.locations.all() as {
          code: string;
          zone: string;
          item_classes: string;
          status: LocationStatus;
          capacity_units: number;
          pick_sequence: number;
        }[]
      ).map((r) => ({
        code: r.code,
        zone: r.zone,
        itemClasses: JSON.parse(r.item_classes) as ItemClass[],
        status: r.status,
        capacityUnits: r.capacity_units,
        pickSequence: r.pick_sequence,
      }));
    },
    location(code: string): LocationRow | undefined {
      const r = s.location.get(code) as
        | { code: string; zone: string; item_classes: string; status: LocationStatus; capacity_units: number; pick_sequence: number }
        | undefined;
      return (
        r && {
          code: r.code,
          zone: r.zone,
          itemClasses: JSON.parse(r.item_classes) as ItemClass[],
          status: r.status,
          capacityUnits: r.capacity_units,
          pickSequence: r.pick_sequence,
        }
      );
    },
    /** Stock this station put away, per location. */
    stockByLocation(): Map<string, { itemId: string; lot: string | null; qty: number }[]> {
      const map = new Map<string, { itemId: string; lot: string | null; qty: number }[]>();
      for (const r of s.stockByLocation.all() as { location: string; item_id: string; lot: string | null; qty: number }[]) {
        const list = map.get(r.location) ?? [];
        list.push({ itemId: r.item_id, lot: r.lot, qty: r.qty });
        map.set(r.location, list);
      }
      return map;
    },
    closePurchaseOrder(poId: string): void {
      s.closePo.run(poId);
    },

    insertReceipt(id: string, poId: string, asnId: string | null, at: string, by: string): void {
      s.insertReceipt.run(id, poId, asnId, at, by);
    },
    insertBlindReceipt(id: string, supplierId: string, supplierName: string, at: string, by: string): void {
      s.insertBlindReceipt.run(id, supplierId, supplierName, at, by);
    },
    /** The receipt without PO this station has open for the supplier, if any. */
    openBlindReceipt(supplierId: string): ReceiptRow | undefined {
      const r = s.openBlindReceipt.get(supplierId) as ReceiptDbRow | undefined;
      return r && toReceipt(r);
    },
    receipt(id: string): ReceiptRow | undefined {
      const r = s.receipt.get(id) as ReceiptDbRow | undefined;
      return r && toReceipt(r);
    },
    openReceiptOfPo(poId: string): ReceiptRow | undefined {
      const r = s.openReceiptOfPo.get(poId) as ReceiptDbRow | undefined;
      return r && toReceipt(r);
    },
    setAsn(receiptId: string, asnId: string): void {
      s.setAsn.run(asnId, receiptId);
    },
    setCurrentLpn(receiptId: string, lpn: string | null): void {
      s.setCurrentLpn.run(lpn, receiptId);
    },
    closeReceipt(id: string, at: string, by: string, approvedBy: string | null, summary: unknown): boolean {
      return s.closeReceipt.run(at, by, approvedBy, JSON.stringify(summary), id).changes === 1;
    },

    insertLine(line: NewLine): number {
      return Number(
        s.insertLine.run({ ...line, beyondTolerance: line.beyondTolerance ? 1 : 0, onHold: line.onHold ? 1 : 0 }).lastInsertRowid,
      );
    },
    setLineOp(id: number, opId: string): void {
      s.setLineOp.run(opId, id);
    },
    lines(receiptId: string): LineRow[] {
      return (s.lines.all(receiptId) as LineDbRow[]).map(toLine);
    },
    /** Units received on a PO line in the receipt so far (undone lines left out). */
    receivedOnLine(receiptId: string, lineNo: number): number {
      return (s.receivedOnLine.get(receiptId, lineNo) as { n: number }).n;
    },
    lastScan(receiptId: string): LineRow[] {
      const last = s.lastScanId.get(receiptId) as { scan_id: string } | undefined;
      return last ? (s.linesOfScan.all(last.scan_id) as LineDbRow[]).map(toLine) : [];
    },
    undoLine(id: number, at: string, by: string, undoOpId: string | null): void {
      s.undoLine.run(at, by, undoOpId, id);
    },
    serialSeen(itemId: string, serial: string): { receiptId: string; poId: string }[] {
      return (s.serialSeen.all(itemId, serial) as { receipt_id: string; po_id: string }[]).map((r) => ({
        receiptId: r.receipt_id,
        poId: r.po_id,
      }));
    },
    linesOfLpn(lpn: string): LineRow[] {
      return (s.linesOfLpn.all(lpn) as LineDbRow[]).map(toLine);
    },
    /** Moves a whole received row onto another plate. */
    moveLine(id: number, toLpn: string, fromLpn: string): void {
      s.moveLine.run(toLpn, fromLpn, id);
    },
    /** Moves `qty` units of a received row onto another plate: the row keeps the rest, a new row (split_of) takes them. */
    splitLine(id: number, keep: number, qty: number, toLpn: string, fromLpn: string): void {
      s.splitLine.run(qty, toLpn, id);
      s.reduceLine.run(keep, fromLpn, id);
    },

    insertLpn(row: Omit<LpnRow, 'weightKg' | 'location' | 'labelsPrinted'>, by: string): void {
      s.insertLpn.run(row.lpn, row.receiptId, row.kind, row.container, row.sscc, row.createdAt, by);
    },
    lpn(lpn: string): LpnRow | undefined {
      const r = s.lpn.get(lpn) as LpnDbRow | undefined;
      return r && toLpn(r);
    },
    lpnsOfReceipt(receiptId: string): LpnRow[] {
      return (s.lpnsOfReceipt.all(receiptId) as LpnDbRow[]).map(toLpn);
    },
    weighLpn(lpn: string, kg: number, at: string): void {
      s.weighLpn.run(kg, at, lpn);
    },
    putAway(lpn: string, location: string, at: string, by: string): boolean {
      return s.putAway.run(location, at, by, lpn).changes === 1;
    },
    /** Takes a putaway back: the plate is at the dock again. */
    unputAway(lpn: string): boolean {
      return s.unputAway.run(lpn).changes === 1;
    },
    labelPrinted(lpn: string): void {
      s.printed.run(lpn);
    },
    /** The op id the outbox gave the op enqueued last; call inside the transaction that enqueued it. */
    /** Next value of a counter kept in `meta` (1, 2, 3, ...); call inside the transaction that uses it. */
    nextCounter(key: string): number {
      return Number((s.counter.get(key) as { value: string }).value);
    },
  };
}

export type ReceivingRepo = ReturnType<typeof createReceivingRepo>;
