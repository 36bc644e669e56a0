import type { Database, Statement } from 'better-sqlite3';
import { Address, type Address as AddressT, OrderStatus, type OrderStatus as OrderStatusT } from '../../../shared/domain/master-data';
import { nextSscc, nextStationNumber, type StationNumber } from '../storage/sscc-counter';
import type { CartonSpec, PackItem } from './carton-rules';
import type { HoldRule } from './rules';

export interface OrderRecord {
  id: string;
  number: string;
  tote: string | null;
  shipTo: AddressT;
  carrier: string;
  service: string;
  notes: string;
  gift: boolean;
  fragile: boolean;
  status: OrderStatusT;
}

export interface OrderLineRecord extends PackItem {
  lineNo: number;
  sku: string;
  description: string;
  lotTracked: boolean;
  serialTracked: boolean;
}

export interface ItemRecord {
  id: string;
  sku: string;
  description: string;
  unitWeightG: number;
  lotTracked: boolean;
  serialTracked: boolean;
}

export type PackOrderState = 'active' | 'parked' | 'shipped' | 'problem' | 'cancelled';

export interface PackOrderRow {
  order_id: string;
  state: PackOrderState;
  opened_by: string;
  opened_at: string;
  next_carton_type: string | null;
  cancel_seen_at: string | null;
  problem_reason: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

export interface CartonRow {
  id: string;
  order_id: string;
  seq: number;
  sscc: string;
  carton_type: string;
  tare_g: number;
  state: 'open' | 'closed' | 'discarded';
  carrier: string;
  service: string;
  weight_status: 'ok' | 'out' | 'overridden' | null;
  weight_g: number | null;
  expected_g: number | null;
  tolerance_g: number | null;
  weighed_at: string | null;
  override_by: string | null;
  override_reason: string | null;
  tracking: string | null;
  label_state: 'printed' | 'voided' | null;
  label_adapter: string | null;
  label_fallback: number;
  label_zpl: string | null;
  label_seq: number;
  label_job_id: string | null;
  label_print_state: string | null;
  label_print_error: string | null;
  label_prints: number;
  opened_by: string;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  shipped_at: string | null;
  manifest_id: string | null;
}

export interface UnitRow {
  id: number;
  carton_id: string;
  order_id: string;
  line_no: number;
  item_id: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  via: 'scan' | 'case' | 'quantity';
  operator_id: string;
  at: string;
}

export interface ManifestRow {
  id: string;
  carrier: string;
  date: string;
  state: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

interface OrderDbRow {
  id: string;
  number: string;
  tote: string | null;
  ship_to: string;
  carrier: string;
  service: string;
  notes: string;
  gift: number;
  fragile: number;
  status: string;
}

/** The last address read: the order on the bench is read on every scan, its address text the same each time. */
let lastAddress: { text: string; address: AddressT } | null = null;
const addressOf = (text: string): AddressT => {
  if (lastAddress?.text !== text) lastAddress = { text, address: Address.parse(JSON.parse(text)) };
  return lastAddress.address;
};

/** A status this version does not know reads as open. */
const knownStatus = OrderStatus.catch('open');

const toOrder = (r: OrderDbRow): OrderRecord => ({
  id: r.id,
  number: r.number,
  tote: r.tote,
  shipTo: addressOf(r.ship_to),
  carrier: r.carrier,
  service: r.service,
  notes: r.notes,
  gift: r.gift === 1,
  fragile: r.fragile === 1,
  status: knownStatus.parse(r.status),
});

/** One order line with the units packed on it (in open and closed cartons). */
export interface LineCount {
  lineNo: number;
  itemId: string;
  qty: number;
  packed: number;
}

interface OrderLineDbRow {
  line_no: number;
  item_id: string;
  qty: number;
}

/**
 * An order's lines and the units packed on each, read once and then kept in step with the units the bench counts
 * itself (`keepTally`), so a scan answers without adding up the whole order again. Any other write through this
 * connection moves SQLite's `total_changes()` (rolled-back writes too), and any commit of another connection moves
 * its `data_version`: the next reading then loads the tally again.
 */
interface OrderTally {
  orderId: string;
  /** `total_changes()` when the tally was read or last kept in step. */
  changes: number;
  /** `data_version` when the tally was read. */
  dataVersion: number;
  lines: { lineNo: number; itemId: string; qty: number }[];
  packed: Map<number, number>;
  /** Units ordered over all lines, and packed over all lines (also on line numbers the order no longer has). */
  ordered: number;
  packedAll: number;
}

/** Queries and writes of the pack bench. Callers own transactions (through `StationContext.record`). */
export function createPackingRepo(db: Database) {
  const cache = new Map<string, Statement>();
  const q = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };

  const changes = (): number => q('SELECT total_changes()').pluck().get() as number;
  const dataVersion = (): number => q('PRAGMA data_version').pluck().get() as number;
  let kept: OrderTally | null = null;
  const tallyOf = (orderId: string): OrderTally => {
    const now = { changes: changes(), dataVersion: dataVersion() };
    if (kept && kept.orderId === orderId && kept.changes === now.changes && kept.dataVersion === now.dataVersion) return kept;
    const lines = (
      q('SELECT line_no, item_id, qty FROM order_lines WHERE order_id = ? ORDER BY line_no').all(orderId) as OrderLineDbRow[]
    ).map((r) => ({ lineNo: r.line_no, itemId: r.item_id, qty: r.qty }));
    const packedRows = q(`SELECT u.line_no, sum(u.qty) AS n FROM pack_units u JOIN pack_cartons c ON c.id = u.carton_id
        WHERE u.order_id = ? AND c.state != 'discarded' GROUP BY u.line_no`).all(orderId) as { line_no: number; n: number }[];
    const tally: OrderTally = {
      orderId,
      ...now,
      lines,
      packed: new Map(packedRows.map((r) => [r.line_no, r.n])),
      ordered: lines.reduce((sum, l) => sum + l.qty, 0),
      packedAll: packedRows.reduce((sum, r) => sum + r.n, 0),
    };
    // What a transaction wrote may still roll back, which moves no change counter: such a reading is used once.
    kept = db.inTransaction ? null : tally;
    return tally;
  };

  return {
    /** The next SSCC of the station's serial reference counter, in the caller's transaction. */
    nextSscc: (companyPrefix: string, extensionDigit: number): string => nextSscc(db, companyPrefix, extensionDigit),
    /** The next manifest number (leased, or the station's count of the carrier's manifests that day), in the caller's transaction. */
    nextManifestNumber(carrier: string, date: string): StationNumber {
      const count = () =>
        (q('SELECT count(*) AS n FROM pack_manifests WHERE carrier = ? AND date = ?').get(carrier, date) as { n: number }).n;
      return nextStationNumber(db, 'manifest', () => count() + 1);
    },
    /** Orders a scanned code names: by number or id first, else by tote among orders still to ship. */
    findOrders(code: string): OrderRecord[] {
      const exact = q('SELECT * FROM orders WHERE number = ? OR id = ?').all(code, code) as OrderDbRow[];
      if (exact.length > 0) return exact.map(toOrder);
      const inTote = q("SELECT * FROM orders WHERE tote = ? AND status NOT IN ('shipped','cancelled') ORDER BY number").all(
        code,
      ) as OrderDbRow[];
      return inTote.map(toOrder);
    },
    order(orderId: string): OrderRecord | undefined {
      const row = q('SELECT * FROM orders WHERE id = ?').get(orderId) as OrderDbRow | undefined;
      return row ? toOrder(row) : undefined;
    },
    setOrderStatus(orderId: string, status: OrderStatusT): void {
      q('UPDATE orders SET status = ? WHERE id = ?').run(status, orderId);
    },
    orderLines(orderId: string): OrderLineRecord[] {
      const rows = q(`SELECT l.line_no, l.item_id, l.qty, i.sku, i.description, i.unit_weight_g, i.length_mm, i.width_mm, i.height_mm,
          i.lot_tracked, i.serial_tracked
        FROM order_lines l LEFT JOIN items i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no`).all(orderId) as {
        line_no: number;
        item_id: string;
        qty: number;
        sku: string | null;
        description: string | null;
        unit_weight_g: number | null;
        length_mm: number | null;
        width_mm: number | null;
        height_mm: number | null;
        lot_tracked: number | null;
        serial_tracked: number | null;
      }[];
      return rows.map((r) => ({
        lineNo: r.line_no,
        itemId: r.item_id,
        qty: r.qty,
        sku: r.sku ?? r.item_id,
        description: r.description ?? `unknown item ${r.item_id}`,
        unitWeightG: r.unit_weight_g ?? 0,
        lengthMm: r.length_mm ?? 0,
        widthMm: r.width_mm ?? 0,
        heightMm: r.height_mm ?? 0,
        lotTracked: r.lot_tracked === 1,
        serialTracked: r.serial_tracked === 1,
      }));
    },
    /** The order's lines of one item with what is packed on each: all a scan of that item needs. */
    linesOfItem(orderId: string, itemId: string): LineCount[] {
      const tally = tallyOf(orderId);
      return tally.lines
        .filter((l) => l.itemId === itemId)
        .map((l) => ({ lineNo: l.lineNo, itemId: l.itemId, qty: l.qty, packed: tally.packed.get(l.lineNo) ?? 0 }));
    },
    /** Units of the order not in a carton yet, counted over the whole order. */
    remainingUnits(orderId: string): number {
      const tally = tallyOf(orderId);
      return Math.max(0, tally.ordered - tally.packedAll);
    },
    /** Units still to pack, line by line (a line packed beyond its quantity makes up for no other). */
    unitsToPack(orderId: string): number {
      const tally = tallyOf(orderId);
      let open = 0;
      for (const l of tally.lines) open += Math.max(0, l.qty - (tally.packed.get(l.lineNo) ?? 0));
      return open;
    },
    /** Units per line in the order's open and closed cartons. */
    packedByLine(orderId: string): Map<number, number> {
      return new Map(tallyOf(orderId).packed);
    },
    /**
     * Runs a write whose whole effect on the order's tally is known: none, or `counted` units more on one line in an
     * open carton. The tally stays in memory when nothing else was written meanwhile and the write committed.
     */
    keepTally<T>(write: () => T, counted?: { orderId: string; lineNo: number; qty: number }): T {
      const held = kept;
      const before = held ? changes() : null;
      const value = write();
      // A commit of another connection meanwhile moved `data_version`, which the next reading compares.
      if (!held || kept !== held || held.changes !== before || db.inTransaction) return value;
      if (counted && counted.orderId === held.orderId) {
        held.packed.set(counted.lineNo, (held.packed.get(counted.lineNo) ?? 0) + counted.qty);
        held.packedAll += counted.qty;
      }
      held.changes = changes();
      return value;
    },
    itemByCode(code: string): { itemId: string; packQty: number } | undefined {
      const row = q('SELECT item_id, pack_qty FROM item_barcodes WHERE code = ?').get(code) as
        | { item_id: string; pack_qty: number }
        | undefined;
      return row ? { itemId: row.item_id, packQty: row.pack_qty } : undefined;
    },
    item(itemId: string): ItemRecord | undefined {
      const r = q('SELECT id, sku, description, unit_weight_g, lot_tracked, serial_tracked FROM items WHERE id = ?').get(itemId) as
        | { id: string; sku: string; description: string; unit_weight_g: number; lot_tracked: number; serial_tracked: number }
        | undefined;
      return r
        ? {
            id: r.id,
            sku: r.sku,
            description: r.description,
            unitWeightG: r.unit_weight_g,
            lotTracked: r.lot_tracked === 1,
            serialTracked: r.serial_tracked === 1,
          }
        : undefined;
    },
    /** Active item and lot holds on these items (location holds do not concern a pack bench). */
    holdsFor(itemId: string): HoldRule[] {
      return q(
        "SELECT kind, item_id, lot, reason FROM holds WHERE active = 1 AND kind IN ('item','lot') AND (item_id = ? OR item_id IS NULL)",
      )
        .all(itemId)
        .map((r) => {
          const h = r as { kind: 'item' | 'lot'; item_id: string | null; lot: string | null; reason: string };
          return { kind: h.kind, itemId: h.item_id, lot: h.lot, reason: h.reason };
        });
    },
    cartonTypes(): CartonSpec[] {
      return (
        q('SELECT * FROM carton_types WHERE active = 1 ORDER BY inner_length_mm * inner_width_mm * inner_height_mm').all() as {
          code: string;
          description: string;
          inner_length_mm: number;
          inner_width_mm: number;
          inner_height_mm: number;
          tare_g: number;
          max_weight_g: number;
        }[]
      ).map((r) => ({
        code: r.code,
        description: r.description,
        innerLengthMm: r.inner_length_mm,
        innerWidthMm: r.inner_width_mm,
        innerHeightMm: r.inner_height_mm,
        tareG: r.tare_g,
        maxWeightG: r.max_weight_g,
      }));
    },

    activePackOrder(): PackOrderRow | undefined {
      return q("SELECT * FROM pack_orders WHERE state = 'active'").get() as PackOrderRow | undefined;
    },
    packOrder(orderId: string): PackOrderRow | undefined {
      return q('SELECT * FROM pack_orders WHERE order_id = ?').get(orderId) as PackOrderRow | undefined;
    },
    activate(orderId: string, operatorId: string, at: string): void {
      q(`INSERT INTO pack_orders (order_id, state, opened_by, opened_at) VALUES (?, 'active', ?, ?)
        ON CONFLICT(order_id) DO UPDATE SET state = 'active', opened_by = excluded.opened_by, opened_at = excluded.opened_at,
          cancel_seen_at = NULL, problem_reason = NULL, closed_by = NULL, closed_at = NULL`).run(orderId, operatorId, at);
    },
    setPackOrderState(
      orderId: string,
      state: PackOrderState,
      by: string | null,
      at: string | null,
      problemReason: string | null = null,
    ): void {
      q('UPDATE pack_orders SET state = ?, closed_by = ?, closed_at = ?, problem_reason = ? WHERE order_id = ?').run(
        state,
        by,
        at,
        problemReason,
        orderId,
      );
    },
    setNextCartonType(orderId: string, code: string | null): void {
      q('UPDATE pack_orders SET next_carton_type = ? WHERE order_id = ?').run(code, orderId);
    },
    markCancelSeen(orderId: string, at: string): void {
      q('UPDATE pack_orders SET cancel_seen_at = ? WHERE order_id = ?').run(at, orderId);
    },

    /** The order's cartons that count (open and closed), in order. */
    cartons(orderId: string): CartonRow[] {
      return q("SELECT * FROM pack_cartons WHERE order_id = ? AND state != 'discarded' ORDER BY seq").all(orderId) as CartonRow[];
    },
    carton(cartonId: string): CartonRow | undefined {
      return q('SELECT * FROM pack_cartons WHERE id = ?').get(cartonId) as CartonRow | undefined;
    },
    openCarton(orderId: string): CartonRow | undefined {
      return q("SELECT * FROM pack_cartons WHERE order_id = ? AND state = 'open'").get(orderId) as CartonRow | undefined;
    },
    nextCartonSeq(orderId: string): number {
      return (q('SELECT coalesce(max(seq), 0) + 1 AS n FROM pack_cartons WHERE order_id = ?').get(orderId) as { n: number }).n;
    },
    insertCarton(c: {
      id: string;
      orderId: string;
      seq: number;
      sscc: string;
      cartonType: string;
      tareG: number;
      carrier: string;
      service: string;
      by: string;
      at: string;
    }): void {
      q(`INSERT INTO pack_cartons (id, order_id, seq, sscc, carton_type, tare_g, state, carrier, service, opened_by, opened_at)
        VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`).run(
        c.id,
        c.orderId,
        c.seq,
        c.sscc,
        c.cartonType,
        c.tareG,
        c.carrier,
        c.service,
        c.by,
        c.at,
      );
    },
    setCartonType(cartonId: string, code: string, tareG: number): void {
      q(
        'UPDATE pack_cartons SET carton_type = ?, tare_g = ?, weight_status = NULL, weight_g = NULL, expected_g = NULL, tolerance_g = NULL, weighed_at = NULL, override_by = NULL, override_reason = NULL WHERE id = ?',
      ).run(code, tareG, cartonId);
    },
    /** The carton's content changed: an earlier weighing no longer says anything. */
    clearWeighing(cartonId: string): void {
      q(
        'UPDATE pack_cartons SET weight_status = NULL, weight_g = NULL, expected_g = NULL, tolerance_g = NULL, weighed_at = NULL, override_by = NULL, override_reason = NULL WHERE id = ?',
      ).run(cartonId);
    },
    setWeighing(cartonId: string, w: { status: 'ok' | 'out'; weightG: number; expectedG: number; toleranceG: number; at: string }): void {
      q(
        'UPDATE pack_cartons SET weight_status = ?, weight_g = ?, expected_g = ?, tolerance_g = ?, weighed_at = ?, override_by = NULL, override_reason = NULL WHERE id = ?',
      ).run(w.status, w.weightG, w.expectedG, w.toleranceG, w.at, cartonId);
    },
    overrideWeight(cartonId: string, by: string, reason: string): void {
      q("UPDATE pack_cartons SET weight_status = 'overridden', override_by = ?, override_reason = ? WHERE id = ?").run(
        by,
        reason,
        cartonId,
      );
    },
    setLabel(cartonId: string, l: { tracking: string; adapter: string; fallback: boolean; zpl: string; seq: number }): void {
      q(`UPDATE pack_cartons SET tracking = ?, label_state = 'printed', label_adapter = ?, label_fallback = ?, label_zpl = ?, label_seq = ?,
          label_job_id = NULL, label_print_state = 'queued', label_print_error = NULL, label_prints = 0 WHERE id = ?`).run(
        l.tracking,
        l.adapter,
        l.fallback ? 1 : 0,
        l.zpl,
        l.seq,
        cartonId,
      );
    },
    setLabelJob(cartonId: string, job: { id: string; state: string; error: string | null }, countPrint: boolean): void {
      q(
        'UPDATE pack_cartons SET label_job_id = ?, label_print_state = ?, label_print_error = ?, label_prints = label_prints + ? WHERE id = ?',
      ).run(job.id, job.state, job.error, countPrint ? 1 : 0, cartonId);
    },
    voidLabel(cartonId: string): void {
      q("UPDATE pack_cartons SET label_state = 'voided' WHERE id = ?").run(cartonId);
    },
    closeCarton(cartonId: string, by: string, at: string): void {
      q("UPDATE pack_cartons SET state = 'closed', closed_by = ?, closed_at = ? WHERE id = ? AND state = 'open'").run(by, at, cartonId);
    },
    /** An open carton that never shipped: its units go back to the tote, its SSCC is not used again. */
    discardCarton(cartonId: string): number {
      const removed = q('DELETE FROM pack_units WHERE carton_id = ?').run(cartonId).changes;
      q("UPDATE pack_cartons SET state = 'discarded' WHERE id = ? AND state = 'open'").run(cartonId);
      return removed;
    },
    markShipped(orderId: string, at: string, manifestId: string): void {
      q("UPDATE pack_cartons SET shipped_at = ?, manifest_id = ? WHERE order_id = ? AND state = 'closed'").run(at, manifestId, orderId);
    },

    units(cartonId: string): UnitRow[] {
      return q('SELECT * FROM pack_units WHERE carton_id = ? ORDER BY id').all(cartonId) as UnitRow[];
    },
    unit(id: number): UnitRow | undefined {
      return q('SELECT * FROM pack_units WHERE id = ?').get(id) as UnitRow | undefined;
    },
    lastUnitOfLine(cartonId: string, lineNo: number): UnitRow | undefined {
      return q('SELECT * FROM pack_units WHERE carton_id = ? AND line_no = ? ORDER BY id DESC LIMIT 1').get(cartonId, lineNo) as
        | UnitRow
        | undefined;
    },
    insertUnit(u: Omit<UnitRow, 'id'>): number {
      return Number(
        q(`INSERT INTO pack_units (carton_id, order_id, line_no, item_id, qty, lot, expiry, serial, via, operator_id, at)
        VALUES (@carton_id, @order_id, @line_no, @item_id, @qty, @lot, @expiry, @serial, @via, @operator_id, @at)`).run(u).lastInsertRowid,
      );
    },
    /** Takes one unit out of a counted row (a case or typed quantity); the row goes with its last unit. */
    takeOneUnit(id: number): void {
      const row = q('SELECT qty FROM pack_units WHERE id = ?').get(id) as { qty: number } | undefined;
      if (!row) return;
      if (row.qty > 1) q('UPDATE pack_units SET qty = qty - 1 WHERE id = ?').run(id);
      else q('DELETE FROM pack_units WHERE id = ?').run(id);
    },
    /** Where a serial of an item is already packed: in this order, or in another order (at any time). */
    serialUsage(itemId: string, serial: string, orderId: string): { inThisShipment: boolean; shippedBefore: boolean } {
      const rows = q('SELECT order_id FROM pack_units WHERE item_id = ? AND serial = ?').all(itemId, serial) as { order_id: string }[];
      return { inThisShipment: rows.some((r) => r.order_id === orderId), shippedBefore: rows.some((r) => r.order_id !== orderId) };
    },

    openManifest(carrier: string, date: string): ManifestRow | undefined {
      return q("SELECT * FROM pack_manifests WHERE carrier = ? AND date = ? AND state = 'open'").get(carrier, date) as
        | ManifestRow
        | undefined;
    },
    manifestCount(carrier: string, date: string): number {
      return (q('SELECT count(*) AS n FROM pack_manifests WHERE carrier = ? AND date = ?').get(carrier, date) as { n: number }).n;
    },
    insertManifest(m: { id: string; carrier: string; date: string; at: string }): void {
      q("INSERT INTO pack_manifests (id, carrier, date, state, created_at) VALUES (?, ?, ?, 'open', ?)").run(m.id, m.carrier, m.date, m.at);
    },
    manifest(id: string): ManifestRow | undefined {
      return q('SELECT * FROM pack_manifests WHERE id = ?').get(id) as ManifestRow | undefined;
    },
    manifestsOn(date: string): ManifestRow[] {
      return q('SELECT * FROM pack_manifests WHERE date = ? ORDER BY carrier, id').all(date) as ManifestRow[];
    },
    manifestCartons(manifestId: string): (CartonRow & { order_number: string })[] {
      return q(`SELECT c.*, o.number AS order_number FROM pack_cartons c LEFT JOIN orders o ON o.id = c.order_id
        WHERE c.manifest_id = ? ORDER BY c.closed_at, c.id`).all(manifestId) as (CartonRow & { order_number: string })[];
    },
    closeManifest(id: string, by: string, at: string): void {
      q("UPDATE pack_manifests SET state = 'closed', closed_by = ?, closed_at = ? WHERE id = ? AND state = 'open'").run(by, at, id);
    },

    /** A station counter in meta (house tracking serials): the next value, starting at 1. */
    nextCounter(key: string): number {
      const row = q(
        "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value",
      ).get(key) as { value: string };
      return Number(row.value);
    },

    /** Units scanned into cartons that count, since `from`, by one operator or everyone. */
    unitsPacked(from: string, operatorId: string | null): number {
      return (
        q(`SELECT coalesce(sum(u.qty), 0) AS n FROM pack_units u JOIN pack_cartons c ON c.id = u.carton_id
        WHERE c.state != 'discarded' AND u.at >= ? AND (? IS NULL OR u.operator_id = ?)`).get(from, operatorId, operatorId) as { n: number }
      ).n;
    },
    ordersShipped(from: string, operatorId: string | null): number {
      return (
        q("SELECT count(*) AS n FROM pack_orders WHERE state = 'shipped' AND closed_at >= ? AND (? IS NULL OR closed_by = ?)").get(
          from,
          operatorId,
          operatorId,
        ) as { n: number }
      ).n;
    },
    journalCount(kind: string, from: string, operatorId: string | null): number {
      return (
        q('SELECT count(*) AS n FROM journal WHERE kind = ? AND at >= ? AND (? IS NULL OR operator_id = ?)').get(
          kind,
          from,
          operatorId,
          operatorId,
        ) as { n: number }
      ).n;
    },
  };
}

export type PackingRepo = ReturnType<typeof createPackingRepo>;
